/**
 * "A newer build of the app exists": raised by the service worker (a new version waiting, or
 * one that took control after another tab applied it: app-update.ts) and by the database
 * (another tab's newer build migrated it: storage/connection.ts). The shell disables
 * "Bắt đầu đánh giá" from then on and, on the kiosk's start screen (never mid-sheet), applies
 * the waiting version or, once a reload runs the newer build, reloads.
 */
export interface NewerBuild {
  /** A reload now loads the newer build (its service worker controls this page's scope). */
  reloadDue: boolean;
}

type Listener = (state: NewerBuild) => void;

let state: NewerBuild | undefined;
const listeners = new Set<Listener>();

/** `reloadDue`: the newer build is already the one a reload would load. */
export function newerBuildSeen(reloadDue: boolean): void {
  if (state && (state.reloadDue || !reloadDue)) return;
  state = { reloadDue };
  for (const listener of listeners) listener(state);
}

/** Calls `listener` on each news of a newer build (at once if there was some); returns the unsubscribe. */
export function onNewerBuild(listener: Listener): () => void {
  if (state) listener(state);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
