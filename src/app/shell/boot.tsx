import { render } from 'preact';
import { createIdbServices } from '../idb-services.ts';
import { missingSecureFeatures } from '../platform/secure-context.ts';
import type { KioskServices } from '../services.ts';
import { App } from './index.tsx';

/**
 * What the page starts as, by its address: a citizen's phone (`#/phone/…`) loads only the phone
 * screen, the collecting office (`#/collector`) only the office's screens — neither opens the
 * kiosk's database or starts its sync — and anything else is the kiosk. Over plain http://
 * (no service worker, no Web Crypto: the claim, the PIN and the batches would be unprotected)
 * each says so instead of starting; that screen is loaded only then.
 */
export async function boot(
  root: HTMLElement,
  location: Pick<Location, 'hash' | 'href'> = window.location,
  services: () => KioskServices = createIdbServices,
): Promise<void> {
  const phone = location.hash.startsWith('#/phone/');
  const missing = missingSecureFeatures();
  if (missing.length > 0) {
    const { InsecureContext } = await import('../components/insecure-context/index.tsx');
    render(
      <InsecureContext
        missing={missing}
        audience={phone ? 'citizen' : 'staff'}
        address={location.href.split('#')[0] ?? ''}
      />,
      root,
    );
    return;
  }
  if (phone) {
    const { PhoneScreen } = await import('../phone/index.tsx');
    render(<PhoneScreen />, root);
    return;
  }
  if (location.hash.startsWith('#/collector')) {
    const { OfficeScreen } = await import('../collector/index.tsx');
    // Back to the kiosk is a new start: the kiosk's own code and database load only then.
    const toKiosk = () => {
      window.location.hash = '#/';
      window.location.reload();
    };
    render(<OfficeScreen onExit={toKiosk} />, root);
    // The office works offline too: the same service worker, a new version when reopened.
    void import('./app-update.ts').then((m) => m.watchForAppUpdates(() => {}));
    return;
  }
  render(<App services={services()} />, root);
}
