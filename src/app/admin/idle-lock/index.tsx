import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { IdleWords } from '../../../core/vocabulary.ts';
import { IdleGuard } from '../../components/idle-guard/index.tsx';

/** The last seconds of the idle time, shown as a countdown. */
export const LOCK_COUNTDOWN_SECONDS = 15;

/**
 * While a panel holds the lock, the idle time is at least this long. A QR export is read by
 * the office's camera, then the kiosk reads the receipt, with nobody touching the tablet:
 * locking then would lose the receipt and mean a new export. A held area still locks in the end,
 * so frames left on screen do not leave the admin area open for the day.
 */
export const HELD_IDLE_SECONDS = 600;

/** Takes a hold on the lock; the function it returns lets go. */
type Hold = () => () => void;
const HoldContext = createContext<Hold>(() => () => {});

interface Props {
  /** Seconds without input, countdown included, before `onLock`. */
  idleSeconds: number;
  words: IdleWords;
  /** Leaves the guarded screen for the survey, so coming back asks for the PIN again. */
  onLock: () => void;
  children: ComponentChildren;
}

/**
 * Gives the admin area (or its PIN screen) back to the survey after a pause in input, with a
 * visible countdown first: left open at the desk, it would offer settings, purge and personal-data
 * exports to the next person.
 */
export function IdleLock({ idleSeconds, words, onLock, children }: Props) {
  const [holds, setHolds] = useState(0);
  const hold = useCallback<Hold>(() => {
    setHolds((n) => n + 1);
    let held = true;
    return () => {
      if (held) setHolds((n) => n - 1);
      held = false;
    };
  }, []);
  const total = holds > 0 ? Math.max(idleSeconds, HELD_IDLE_SECONDS) : idleSeconds;
  const countdown = Math.min(LOCK_COUNTDOWN_SECONDS, Math.floor(total / 2));
  return (
    <HoldContext.Provider value={hold}>
      {children}
      <IdleGuard
        active
        idleSeconds={total - countdown}
        countdownSeconds={countdown}
        words={words}
        onExpire={onLock}
      />
    </HoldContext.Provider>
  );
}

/**
 * Holds the lock off (up to HELD_IDLE_SECONDS) while `holding`: for work that goes on without
 * anyone touching the tablet and that locking would cut short.
 */
export function useIdleHold(holding: boolean): void {
  const hold = useContext(HoldContext);
  useEffect(() => (holding ? hold() : undefined), [holding, hold]);
}
