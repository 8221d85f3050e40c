import { render } from 'preact';
import { InsecureContext } from './app/components/insecure-context/index.tsx';
import { createIdbServices } from './app/idb-services.ts';
import { missingSecureFeatures } from './app/platform/secure-context.ts';
import { App } from './app/shell/index.tsx';

const root = document.getElementById('app');
// A citizen's phone opens only the phone screen (loaded on demand), never the kiosk and its data;
// over plain http:// (the claim and the answers would travel unprotected) it says so instead.
if (root && window.location.hash.startsWith('#/phone/')) {
  const missing = missingSecureFeatures();
  if (missing.length > 0) {
    const address = window.location.href.split('#')[0] ?? '';
    render(<InsecureContext missing={missing} audience="citizen" address={address} />, root);
  } else import('./app/phone/index.tsx').then(({ PhoneScreen }) => render(<PhoneScreen />, root));
} else if (root) {
  render(<App services={createIdbServices()} />, root);
}
