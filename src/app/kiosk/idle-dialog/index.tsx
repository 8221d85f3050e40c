import { ModalDialog } from '../../components/modal-dialog/index.tsx';
import './style.css';

interface Props {
  secondsLeft: number;
  onContinue: () => void;
  /** Throws the unfinished sheet away now; the count reaching zero does the same. */
  onDiscard: () => void;
}

/** Asks an absent respondent whether to go on; Escape goes on, the end of the count discards. */
export function IdleDialog({ secondsLeft, onContinue, onDiscard }: Props) {
  return (
    <ModalDialog
      class="idle-dialog"
      labelledBy="idle-title"
      describedBy="idle-count"
      onEscape={onContinue}
    >
      <h2 id="idle-title">Ông/Bà có muốn tiếp tục không?</h2>
      <p id="idle-count">
        Phiếu chưa gửi sẽ được hủy sau <strong class="idle-seconds">{secondsLeft}</strong> giây.
      </p>
      <div class="idle-actions">
        <button type="button" class="btn" onClick={onDiscard}>
          Hủy phiếu
        </button>
        <button type="button" class="btn btn-primary" autofocus onClick={onContinue}>
          Tiếp tục
        </button>
      </div>
    </ModalDialog>
  );
}
