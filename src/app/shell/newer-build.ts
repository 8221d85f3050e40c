/**
 * "A newer build of the app exists and this page should run it": raised by the service worker
 * (a new version waiting or taking control, app-update.ts) and by the database (another tab's
 * newer build migrated it, storage/connection.ts). The shell disables "Bắt đầu đánh giá" from
 * then on and reloads when the kiosk is on its start screen, never mid-sheet.
 */
type Listener = () => void;

let seen = false;
const listeners = new Set<Listener>();

export function newerBuildSeen(): void {
  if (seen) return;
  seen = true;
  for (const listener of listeners) listener();
}

/** Calls `listener` once a newer build is seen (at once if it was already); returns the unsubscribe. */
export function onNewerBuild(listener: Listener): () => void {
  if (seen) {
    listener();
    return () => {};
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
