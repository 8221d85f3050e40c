import { useEffect, useRef } from 'preact/hooks';
import './style.css';

interface Props {
  secondsLeft: number;
  onContinue: () => void;
  onEnd: () => void;
}

/** Asks an absent respondent whether to go on; the kiosk discards the sheet when the count ends. */
export function IdleDialog({ secondsLeft, onContinue, onEnd }: Props) {
  const continueButton = useRef<HTMLButtonElement>(null);
  useEffect(() => continueButton.current?.focus(), []);
  return (
    <div class="idle-backdrop">
      <div
        class="idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-count"
      >
        <h2 id="idle-title">Ông/Bà có muốn tiếp tục không?</h2>
        <p id="idle-count">
          Phiếu chưa gửi sẽ được hủy sau <strong class="idle-seconds">{secondsLeft}</strong> giây.
        </p>
        <div class="idle-actions">
          <button type="button" class="btn" onClick={onEnd}>
            Kết thúc
          </button>
          <button ref={continueButton} type="button" class="btn btn-primary" onClick={onContinue}>
            Tiếp tục
          </button>
        </div>
      </div>
    </div>
  );
}
