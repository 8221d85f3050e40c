const HOURLY = 60 * 60 * 1000;

/**
 * Registers the service worker (production builds only) and reports a waiting new
 * version with a function that applies it. The shell calls that function only while
 * the kiosk is on its start screen, so an update never interrupts a citizen; the office's page
 * registers it too (it works offline) but applies a new version only when reopened.
 */
export async function watchForAppUpdates(onWaiting: (apply: () => void) => void): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // workbox-window loads after the first screen: registering can wait a moment, a citizen cannot.
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`);
  workbox.addEventListener('waiting', () =>
    onWaiting(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    }),
  );
  void workbox.register();
  // A kiosk may run for weeks without a reload: look for a new version now and then.
  setInterval(() => void workbox.update(), HOURLY);
}
