import { newerBuildSeen } from './newer-build.ts';

const HOURLY = 60 * 60 * 1000;

/**
 * Registers the service worker (production builds only) and reports a waiting new
 * version with a function that applies it. The shell calls that function only while
 * the kiosk is on its start screen, so an update never interrupts a citizen; the office's page
 * registers it too (it works offline) but applies a new version only when reopened.
 *
 * With the kiosk open in several tabs, whichever tab is on its start screen applies the new
 * version; every other tab then sees its controller change, and is told through
 * newer-build.ts to reload at its own next start screen. Both the waiting version and the
 * change of controller raise newerBuildSeen(), which disables "Bắt đầu đánh giá" until the
 * reload, so no sheet is started only to be cut by it.
 */
export async function watchForAppUpdates(onWaiting: (apply: () => void) => void): Promise<void> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  // The first install takes control of an uncontrolled page (clientsClaim): not a new version.
  const updating = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating) newerBuildSeen(true);
  });
  // workbox-window loads after the first screen: registering can wait a moment, a citizen cannot.
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`);
  workbox.addEventListener('waiting', () => {
    onWaiting(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
    newerBuildSeen(false);
  });
  void workbox.register();
  // A kiosk may run for weeks without a reload: look for a new version now and then.
  setInterval(() => void workbox.update(), HOURLY);
}
