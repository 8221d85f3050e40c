import { type SyncDeps, type SyncOutcome, syncOnce } from './http-sync.ts';

const EVERY_MS = 5 * 60_000;
const LOCK = 'khao-sat-sync';

/**
 * Runs HTTP sync on start, when the browser comes back online, every five minutes, and
 * after a back-off when a try failed. One sync at a time: in a tab by a flag, across tabs
 * by a Web Lock. After a refusal (quarantine) the timer and the network keep their hands off
 * the refused batch; only `syncNow` tries it again.
 * Returns `syncNow` (for the admin button) and `stop`.
 */
export function startSyncScheduler(
  deps: () => Promise<SyncDeps>,
  onOutcome: (outcome: SyncOutcome) => void = () => {},
): { syncNow: () => Promise<SyncOutcome | undefined>; stop: () => void } {
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  /** A trigger that came mid-sync; `manual` if any of them was Gửi ngay. */
  let again: { manual: boolean } | undefined;

  const once = async (manual: boolean) => {
    const outcome = await syncOnce(await deps(), { manual });
    clearTimeout(retry);
    if (outcome.kind === 'retry') retry = setTimeout(() => void run(), outcome.delayMs);
    onOutcome(outcome);
    return outcome;
  };

  // A trigger that arrives mid-sync (the network came back while a try was failing) is
  // kept and run right after, never dropped. Across tabs the Web Lock queues the syncs.
  // `manual`: the admin's Gửi ngay, which alone sends a batch the collector refused again.
  const run = async (manual = false): Promise<SyncOutcome | undefined> => {
    if (running) {
      again = { manual: manual || (again?.manual ?? false) };
      return undefined;
    }
    running = true;
    try {
      return navigator.locks
        ? await navigator.locks.request(LOCK, () => once(manual))
        : await once(manual);
    } finally {
      running = false;
      if (again) {
        const next = again;
        again = undefined;
        void run(next.manual);
      }
    }
  };

  const onOnline = () => void run();
  window.addEventListener('online', onOnline);
  const timer = setInterval(() => void run(), EVERY_MS);
  void run();
  return {
    syncNow: () => run(true),
    stop: () => {
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
      clearTimeout(retry);
    },
  };
}
