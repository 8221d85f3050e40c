import { useEffect, useState } from 'preact/hooks';
import { ENROLMENT_ROUTE } from '../../core/enrolment-route.ts';

export type Route = 'kiosk' | 'admin' | 'collector';

// An enrolment link (the office's QR opened by the tablet's camera app) opens the admin area:
// its code is used only after the PIN, and after a question (admin/enrol-panel).
const routeOf = (hash: string): Route =>
  hash === '#/admin' || hash.startsWith(ENROLMENT_ROUTE)
    ? 'admin'
    : hash === '#/collector'
      ? 'collector'
      : 'kiosk';

/** The code of the enrolment link the page is opened at, as it stands in the address. */
export const linkedEnrolmentCode = (hash: string): string | undefined =>
  hash.startsWith(ENROLMENT_ROUTE)
    ? decodeURIComponent(hash.slice(ENROLMENT_ROUTE.length))
    : undefined;

/**
 * Hash routing between the kiosk, its admin area (`#/admin`, or an enrolment link
 * `#/dang-ky/CODE`) and the collecting office's screen (`#/collector`, opened by the office
 * on the collector's own address). On the kiosk, the browser's Back
 * button is held in place so nobody leaves the survey without the admin PIN.
 */
export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(routeOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (route !== 'kiosk') return;
    history.pushState({ kiosk: true }, '', '#/');
    // Setting the hash to go to admin also fires popstate: only a Back press is held.
    const holdOn = () => {
      if (routeOf(window.location.hash) === 'kiosk') history.pushState({ kiosk: true }, '', '#/');
    };
    window.addEventListener('popstate', holdOn);
    return () => window.removeEventListener('popstate', holdOn);
  }, [route]);
  const go = (next: Route) => {
    window.location.hash = next === 'kiosk' ? '#/' : `#/${next}`;
  };
  return [route, go];
}
