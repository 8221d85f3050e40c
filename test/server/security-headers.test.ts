import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectorApi } from '../../src/server/app.ts';
import {
  CONTENT_SECURITY_POLICY,
  PERMISSIONS_POLICY,
  securityHeaders,
} from '../../src/server/http/security-headers.ts';
import { silentLog } from '../../src/server/log.ts';
import { servePwa } from '../../src/server/static-app.ts';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { ADMIN, admin } from './harness.ts';

let dir: string;
let store: CollectorStore;
/** The collector wired as src/server/main.ts wires it, once over HTTP and once over HTTPS. */
const apps: Record<'http' | 'https', Hono> = { http: new Hono(), https: new Hono() };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'headers-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Khảo sát</title>');
  writeFileSync(join(dir, 'dist', 'assets', 'index-abc.js'), 'export {};');
  store = await openSqliteStore(join(dir, 'collector.sqlite'));
  for (const [scheme, app] of Object.entries(apps)) {
    app.use('*', securityHeaders({ https: scheme === 'https' }));
    app.onError((_error, c) => c.text('Internal Server Error', 500)); // quiet, as the default
    app.get('/api/v1/broken', () => {
      throw new Error('a handler that fails');
    });
    app.route('/', collectorApi({ store, adminToken: ADMIN, log: silentLog }));
    servePwa(app, join(dir, 'dist'));
  }
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const responses: [string, string, RequestInit, number][] = [
  ['a hashed asset', '/assets/index-abc.js', {}, 200],
  ['the page', '/', {}, 200],
  ['a route of the app (index.html)', '/collector', {}, 200],
  ['an API refusal without the admin token', '/api/v1/communes', {}, 401],
  [
    'an API 404 (unknown kiosk)',
    '/api/v1/kiosks/ffffffffffffffff/revocation',
    { method: 'POST', headers: admin, body: JSON.stringify({ reason: 'mất máy' }) },
    404,
  ],
  ['a 404 outside the API', '/nothing-here', { method: 'POST' }, 404],
  [
    'an oversized body',
    '/api/v1/batches',
    {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(2 * 1024 * 1024),
    },
    413,
  ],
  ['a handler that throws', '/api/v1/broken', {}, 500],
];

describe('security headers', () => {
  it.each(responses)('%s carries every header', async (_what, path, init, status) => {
    const response = await apps.http.request(path, init);
    expect(response.status).toBe(status);
    const names = [
      'content-security-policy',
      'x-content-type-options',
      'referrer-policy',
      'permissions-policy',
      'cross-origin-opener-policy',
    ];
    expect(Object.fromEntries(names.map((n) => [n, response.headers.get(n)]))).toEqual({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': PERMISSIONS_POLICY,
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it.each(responses)(
    '%s over HTTPS also carries Strict-Transport-Security',
    async (_w, path, init) => {
      const response = await apps.https.request(path, init);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it('is strict: no inline script or style, no eval but WebAssembly, nothing from elsewhere', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values];
      }),
    );
    expect(directives).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'manifest-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
    });
    expect(PERMISSIONS_POLICY.split(', ').filter((p) => !p.endsWith('=()'))).toEqual([
      'camera=(self)',
    ]);
  });
});
