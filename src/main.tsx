import { render } from 'preact';
import { createIdbServices } from './app/idb-services.ts';
import { App } from './app/shell/index.tsx';

const root = document.getElementById('app');
if (root) render(<App services={createIdbServices()} />, root);
