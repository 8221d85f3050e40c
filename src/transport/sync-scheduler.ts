import { type SyncDeps, type SyncOutcome, syncOnce } from './http-sync.ts';

const EVERY_MS = 5 * 60_000;
const LOCK = 'khao-sat-sync';

/**
 * Runs HTTP sync on start, when the browser comes back online, every five minutes, and
 * after a back-off when a try failed. One sync at a time: in a tab by a flag, across tabs
 * by a Web Lock.
 * Returns `syncNow` (for the admin button) and `stop`.
 */
export function startSyncScheduler(
  deps: () => Promise<SyncDeps>,
  onOutcome: (outcome: SyncOutcome) => void = () => {},
): { syncNow: () => Promise<SyncOutcome | undefined>; stop: () => void } {
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;

  const once = async () => {
    const outcome = await syncOnce(await deps());
    clearTimeout(retry);
    if (outcome.kind === 'retry') retry = setTimeout(() => void run(), outcome.delayMs);
    onOutcome(outcome);
    return outcome;
  };

  // A trigger that arrives mid-sync (the network came back while a try was failing) is
  // kept and run right after, never dropped. Across tabs the Web Lock queues the syncs.
  const run = async (): Promise<SyncOutcome | undefined> => {
    if (running) {
      again = true;
      return undefined;
    }
    running = true;
    try {
      return navigator.locks ? await navigator.locks.request(LOCK, once) : await once();
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };

  const onOnline = () => void run();
  window.addEventListener('online', onOnline);
  const timer = setInterval(() => void run(), EVERY_MS);
  void run();
  return {
    syncNow: run,
    stop: () => {
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
      clearTimeout(retry);
    },
  };
}
