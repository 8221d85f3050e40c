/**
 * Keeps the kiosk screen on where the Screen Wake Lock API exists. The browser drops
 * the lock when the page is hidden, so it is taken again when the page shows.
 * Returns a function that releases it for good.
 */
export function keepScreenAwake(): () => void {
  const wakeLock = (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock;
  if (!wakeLock) return () => {};
  let sentinel: WakeLockSentinel | undefined;
  const acquire = () => {
    if (document.visibilityState !== 'visible') return;
    wakeLock.request('screen').then(
      (s) => {
        sentinel = s;
      },
      () => {}, // refused (battery saver, no user gesture yet): the kiosk still works
    );
  };
  acquire();
  document.addEventListener('visibilitychange', acquire);
  return () => {
    document.removeEventListener('visibilitychange', acquire);
    void sentinel?.release();
  };
}
