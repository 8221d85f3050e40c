import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The kiosk must run for weeks with no network: every built asset is precached,
// and a new version waits (registerType: 'prompt') until the kiosk is on its start screen.
export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // globPatterns below already take the icons; listing them twice would precache them twice.
      includeManifestIcons: false,
      manifest: {
        name: 'Khảo sát sự hài lòng – Chính quyền thân thiện',
        short_name: 'Khảo sát',
        description:
          'Phiếu khảo sát sự hài lòng của người dân về chính quyền xã, phường thân thiện',
        lang: 'vi',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'fullscreen',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#a50e0e',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,wasm}'], // the plugin adds the manifest itself
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes control at once; later versions still wait for the start screen.
        clientsClaim: true,
        // A phone sheet that failed for want of network is replayed by the service worker when
        // the network returns, even with the page closed (Background Sync; idempotent by token).
        runtimeCaching: [
          // The prints' fonts are not precached (the kiosk never needs them): the office's
          // browser keeps them the first time it prints online, for prints made offline.
          {
            urlPattern: /\/assets\/noto-serif-[^/]+\.woff2?$/,
            handler: 'CacheFirst',
            options: { cacheName: 'office-print-fonts' },
          },
          {
            urlPattern: /\/api\/v1\/phone-sheets$/,
            method: 'POST',
            handler: 'NetworkOnly',
            options: {
              backgroundSync: { name: 'phone-sheets', options: { maxRetentionTime: 24 * 60 } },
            },
          },
        ],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
});
