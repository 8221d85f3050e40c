import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/**
 * Serves the built PWA from `distDir`. Hashed assets are cached for a year; the page,
 * the manifest and the service worker are revalidated so a new version is seen at once.
 */
export function servePwa(app: Hono, distDir: string): void {
  app.use('*', async (c, next) => {
    await next();
    const path = c.req.path;
    c.header(
      'Cache-Control',
      path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  });
  app.use('*', serveStatic({ root: distDir }));
  app.get('*', (c) => c.html(readFileSync(join(distDir, 'index.html'), 'utf8')));
}
