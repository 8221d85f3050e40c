import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { collectorApi } from '../../src/server/app.ts';
import { securityHeaders } from '../../src/server/http/security-headers.ts';
import { silentLog } from '../../src/server/log.ts';
import { servePwa } from '../../src/server/static-app.ts';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';

export interface RunningCollector {
  url: string;
  adminToken: string;
  store: CollectorStore;
  close: () => Promise<void>;
}

/**
 * The collector as `npm start` runs it (security headers, API, built PWA, SQLite file), on
 * 127.0.0.1: every page a test opens here runs under the collector's Content-Security-Policy.
 */
export async function startCollector(): Promise<RunningCollector> {
  const dir = mkdtempSync(join(tmpdir(), 'collector-e2e-'));
  cpSync('dist', join(dir, 'dist'), { recursive: true });
  const store = await openSqliteStore(join(dir, 'collector.sqlite'));
  const adminToken = 'e2e-office-token';
  const app = new Hono();
  app.use('*', securityHeaders({ https: false }));
  app.route('/', collectorApi({ store, adminToken, log: silentLog }));
  servePwa(app, join(dir, 'dist'));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    adminToken,
    store,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registers a kiosk the way the office's registration does; its signing key. */
export async function registerKioskByApi(
  collector: RunningCollector,
  deviceId: string,
  communeCode: string,
  communeName: string,
): Promise<Uint8Array> {
  const response = await fetch(new URL('/api/v1/kiosks', collector.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${collector.adminToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ deviceId, communeCode, communeName, label: '' }),
  });
  return new Uint8Array(Buffer.from(((await response.json()) as { key: string }).key, 'base64url'));
}

export interface OfficeAccountRequest {
  username: string;
  password: string;
  role?: 'admin' | 'officer' | 'viewer' | 'commune-viewer';
  displayName?: string;
  communeCode?: string | null;
}

/**
 * An office account made through the API with the bootstrap token, as a script would; one
 * that exists already is left as it is, so tests of one collector may each ask for it.
 */
export async function createOfficeAccount(
  collector: RunningCollector,
  {
    username,
    password,
    role = 'admin',
    displayName = 'Cán bộ kiểm thử',
    communeCode = null,
  }: OfficeAccountRequest,
): Promise<OfficeAccountRequest> {
  const response = await fetch(new URL('/api/v1/accounts', collector.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${collector.adminToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ username, password, role, displayName, communeCode }),
  });
  if (response.status !== 201 && response.status !== 409)
    throw new Error(`account ${username}: ${response.status} ${await response.text()}`);
  return { username, password, role, displayName, communeCode };
}
