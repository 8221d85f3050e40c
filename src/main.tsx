import { boot } from './app/shell/boot.tsx';

const root = document.getElementById('app');
if (root) void boot(root);
