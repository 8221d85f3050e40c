import { useId } from 'preact/hooks';
import type { IdleWords } from '../../../core/vocabulary.ts';
import { ModalDialog } from '../modal-dialog/index.tsx';
import './style.css';
import { useIdleCountdown } from './use-idle-countdown.ts';

interface Props {
  /** Whether a pause counts now (a sheet under way, an open admin area). */
  active: boolean;
  /** Seconds without input before the countdown shows. */
  idleSeconds: number;
  /** Length of the visible countdown. */
  countdownSeconds: number;
  /** What the dialog says: each screen that guards itself brings its own words. */
  words: IdleWords;
  /** What the end of the count does; the dialog's "leave" button does it at once. */
  onExpire: () => void;
}

/**
 * Watches a screen for a pause in input and, before `onExpire` gives the screen up, asks in a
 * modal dialog whether anyone is still there, counting down. Escape, like the "stay" button,
 * goes on; the citizen's sheet, the admin area and the PIN screen each use it with their words.
 */
export function IdleGuard({ active, idleSeconds, countdownSeconds, words, onExpire }: Props) {
  const idle = useIdleCountdown(active, idleSeconds, countdownSeconds, onExpire);
  const id = useId();
  if (idle.secondsLeft === undefined) return null;
  return (
    <ModalDialog
      class="idle-guard"
      labelledBy={`${id}-title`}
      describedBy={`${id}-count`}
      onEscape={idle.resume}
    >
      <h2 id={`${id}-title`}>{words.title}</h2>
      <p id={`${id}-count`}>
        {words.lead} <strong class="idle-guard-seconds">{idle.secondsLeft}</strong> {words.unit}
      </p>
      <div class="idle-guard-actions">
        <button type="button" class="btn" onClick={onExpire}>
          {words.leave}
        </button>
        <button type="button" class="btn btn-primary" autofocus onClick={idle.resume}>
          {words.stay}
        </button>
      </div>
    </ModalDialog>
  );
}
