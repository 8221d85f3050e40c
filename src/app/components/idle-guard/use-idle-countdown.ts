import { useEffect, useState } from 'preact/hooks';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * Watches for a pause in input while `active`. After `idleSeconds` without input it
 * starts a visible countdown of `countdownSeconds`; at zero it calls `onExpire`.
 * Returns the seconds left (undefined while no countdown runs) and a way to resume.
 */
export function useIdleCountdown(
  active: boolean,
  idleSeconds: number,
  countdownSeconds: number,
  onExpire: () => void,
): { secondsLeft: number | undefined; resume: () => void } {
  /** When the countdown ends (ms since epoch); undefined while no countdown runs. */
  const [deadline, setDeadline] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(0);
  const [generation, setGeneration] = useState(0);
  const resume = () => {
    setDeadline(undefined);
    setGeneration((g) => g + 1);
  };

  // Idle watch: any input restarts the wait. `generation` restarts it after a resume.
  useEffect(() => {
    setDeadline(undefined);
    if (!active) return;
    const startCountdown = () => {
      setNow(Date.now());
      setDeadline(Date.now() + countdownSeconds * 1000);
    };
    let timer = setTimeout(startCountdown, idleSeconds * 1000);
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(startCountdown, idleSeconds * 1000);
    };
    for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, true);
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, true);
    };
  }, [active, idleSeconds, countdownSeconds, generation]);

  // Countdown: measured against the deadline, so slow renders cannot stretch it.
  useEffect(() => {
    if (deadline === undefined) return;
    if (now >= deadline) {
      setDeadline(undefined);
      onExpire();
      return;
    }
    const tick = setTimeout(() => setNow(Date.now()), Math.min(250, deadline - now));
    return () => clearTimeout(tick);
  }, [deadline, now, onExpire]);

  const secondsLeft =
    deadline === undefined ? undefined : Math.max(0, Math.ceil((deadline - now) / 1000));
  return { secondsLeft, resume };
}
