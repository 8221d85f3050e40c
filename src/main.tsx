import { render } from 'preact';
import { createIdbServices } from './app/idb-services.ts';
import { App } from './app/shell/index.tsx';

const root = document.getElementById('app');
// A citizen's phone opens only the phone screen (loaded on demand), never the kiosk and its data.
if (root && window.location.hash.startsWith('#/phone/')) {
  import('./app/phone/index.tsx').then(({ PhoneScreen }) => render(<PhoneScreen />, root));
} else if (root) {
  render(<App services={createIdbServices()} />, root);
}
