import { Workbox } from 'workbox-window';

const HOURLY = 60 * 60 * 1000;

/**
 * Registers the service worker (production builds only) and reports a waiting new
 * version with a function that applies it. The shell calls that function only while
 * the kiosk is on its start screen, so an update never interrupts a citizen.
 */
export function watchForAppUpdates(onWaiting: (apply: () => void) => void): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
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
