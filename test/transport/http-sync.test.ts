import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { readPhoneToken } from '../../src/core/phone/token.ts';
import { defaultTiming, flagThresholdsOf } from '../../src/core/settings.ts';
import { collectorApi } from '../../src/server/app.ts';
import { silentLog } from '../../src/server/log.ts';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { importSigningKey, saveCredentials } from '../../src/storage/credentials.ts';
import { type KioskDb, openKioskDb } from '../../src/storage/db.ts';
import { unsentSheets } from '../../src/storage/outbox.ts';
import { addSheet } from '../../src/storage/sheets.ts';
import { loadSyncStatus } from '../../src/storage/sync-status.ts';
import { backoffDelay, type SyncDeps, syncOnce } from '../../src/transport/http-sync.ts';
import { buildPhoneLink } from '../../src/transport/phone-link.ts';
import { draftAt, freshDbName } from '../storage/fixtures.ts';

const ADMIN = 'admin-token';
const COLLECTOR = 'http://collector.test';
const now = () => Date.UTC(2026, 10, 24, 3);

let dir: string;
let store: CollectorStore;
let api: ReturnType<typeof collectorApi>;
let db: KioskDb;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sync-'));
  store = await openSqliteStore(join(dir, 'collector.sqlite'));
  api = collectorApi({ store, adminToken: ADMIN, log: silentLog, writesPerMinute: 1000 });
  db = await openKioskDb(freshDbName());
});
afterEach(async () => {
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The collector in-process: the same Hono app the server runs, without a socket. */
const collectorFetch: typeof fetch = async (input, init) => api.request(String(input), init);

async function submit(count: number) {
  for (let i = 0; i < count; i++) await addSheet(db, draftAt(now() + i * 120_000), defaultTiming);
}

async function registerKiosk(): Promise<string> {
  const [sheet] = await db.getAll('sheets');
  const deviceId = sheet?.deviceId ?? '';
  const response = await api.request('/api/v1/kiosks', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId,
      communeCode: '10507',
      communeName: 'Xã Tứ Kỳ',
      label: 'Quầy 1',
    }),
  });
  const { key } = (await response.json()) as { key: string };
  await saveCredentials(db, {
    collectorUrl: COLLECTOR,
    deviceId,
    key: Buffer.from(key, 'base64url'),
    communeCode: '10507',
  });
  return key;
}

/** The collector, counting the batches it was sent. */
function countingBatches() {
  const seen = { batches: 0 };
  const fetchImpl: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/api/v1/batches')) seen.batches++;
    return collectorFetch(input, init);
  };
  return { seen, fetchImpl };
}

/** Gives the kiosk a key the collector never issued: every batch is refused (401.1). */
async function forgeKey() {
  const credentials = await db.get('meta', 'collector');
  const signingKey = await importSigningKey(new Uint8Array(32));
  await db.put('meta', { ...(credentials as object), signingKey }, 'collector');
}

const deps = (fetchImpl: typeof fetch = collectorFetch): SyncDeps => ({
  db,
  fetch: fetchImpl,
  subtle: webcrypto.subtle,
  communeCode: '10507',
  thresholds: flagThresholdsOf(defaultTiming),
  now,
});

describe('HTTP sync', () => {
  it('does nothing before the kiosk is registered', async () => {
    await submit(2);
    expect(await syncOnce(deps())).toEqual({ kind: 'not-registered' });
  });

  it('sends the unsent sheets and marks them sent only once acknowledged', async () => {
    await submit(30);
    await registerKiosk();
    expect(await syncOnce(deps())).toEqual({ kind: 'sent', count: 30 });
    expect(await unsentSheets(db)).toEqual([]);
    expect((await store.sheetsOfCommune('10507')).length).toBe(30);
    expect(await syncOnce(deps())).toEqual({ kind: 'nothing-to-send' });
    expect((await loadSyncStatus(db)).lastSuccessAt).toBe(now());
  });

  it('sends its chain link, thresholds and seconds: the office verifies the chain and keeps the times', async () => {
    await submit(6);
    await registerKiosk();
    await syncOnce(deps());
    const [row] = await store.kioskRegistry();
    expect(row?.chain).toEqual({ verifiedThrough: 6, pendingClaims: 0, breaks: [] });
    expect(row?.thresholds[0]?.thresholds).toEqual(flagThresholdsOf(defaultTiming));
    const [first] = await store.sheetsOfCommune('10507');
    const [mine] = await db.getAll('sheets');
    expect(first?.startedAt).toBe(Math.floor((mine?.startedAt ?? 0) / 1000) * 1000);
  });

  it('counts a sheet once when an acknowledgement was lost and the batch is sent again', async () => {
    await submit(5);
    await registerKiosk();
    const lostAnswer: typeof fetch = async (input, init) => {
      await collectorFetch(input, init); // stored at the collector…
      throw new TypeError('connection reset'); // …but the kiosk never hears back
    };
    expect((await syncOnce(deps(lostAnswer))).kind).toBe('retry');
    expect((await unsentSheets(db)).length).toBe(5);
    await submit(1);
    expect(await syncOnce(deps())).toEqual({ kind: 'sent', count: 6 });
    expect((await store.sheetsOfCommune('10507')).length).toBe(6);
  });

  it('retries later on a network error, keeping the sheets and the reason', async () => {
    await submit(3);
    await registerKiosk();
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const outcome = await syncOnce(deps(offline));
    expect(outcome).toMatchObject({ kind: 'retry', error: expect.stringContaining('tự thử lại') });
    expect((await unsentSheets(db)).length).toBe(3);
    expect((await loadSyncStatus(db)).failures).toBe(1);
  });

  it('retries later when the collector answers 5xx', async () => {
    await submit(1);
    await registerKiosk();
    const busy: typeof fetch = async () => new Response('busy', { status: 503 });
    expect((await syncOnce(deps(busy))).kind).toBe('retry');
  });

  it('quarantines on a refusal, with the collector’s Vietnamese reason and code', async () => {
    await submit(2);
    await registerKiosk();
    await forgeKey();
    const outcome = await syncOnce(deps());
    expect(outcome).toMatchObject({ kind: 'quarantined', error: expect.stringContaining('401.1') });
    expect((await unsentSheets(db)).length).toBe(2);
    expect((await loadSyncStatus(db)).quarantined).toBe(true);
  });

  it('after a refusal the timer does not send the refused batch again; Gửi ngay does', async () => {
    await submit(2);
    await registerKiosk();
    await forgeKey();
    const { seen, fetchImpl } = countingBatches();
    expect((await syncOnce(deps(fetchImpl))).kind).toBe('quarantined');
    expect(seen.batches).toBe(1);
    const again = await syncOnce(deps(fetchImpl));
    expect(again).toMatchObject({ kind: 'quarantined', error: expect.stringContaining('401.1') });
    expect(seen.batches).toBe(1);
    const status = await loadSyncStatus(db);
    expect(status).toMatchObject({ quarantined: true, failures: 1 });
    expect((await syncOnce(deps(fetchImpl), { manual: true })).kind).toBe('quarantined');
    expect(seen.batches).toBe(2);
  });

  it('a new registration lifts the quarantine: the sheets go on the next automatic try', async () => {
    await submit(2);
    const key = await registerKiosk();
    await forgeKey();
    await syncOnce(deps());
    // The office gives the kiosk its key again (an enrolment): credentials saved anew.
    const deviceId = (await db.getAll('sheets'))[0]?.deviceId ?? '';
    await saveCredentials(db, {
      collectorUrl: COLLECTOR,
      deviceId,
      key: Buffer.from(key, 'base64url'),
      communeCode: '10507',
    });
    expect(await syncOnce(deps())).toEqual({ kind: 'sent', count: 2 });
    const status = await loadSyncStatus(db);
    expect(status.quarantined).toBeUndefined();
    expect(status.lastError).toBeUndefined();
  });

  it('sends the registered commune, whatever Cài đặt says now, and says they differ', async () => {
    await submit(3);
    await registerKiosk();
    const moved = { ...deps(), communeCode: '99999' };
    expect(await syncOnce(moved)).toEqual({ kind: 'sent', count: 3 });
    expect((await store.sheetsOfCommune('10507')).length).toBe(3);
    expect((await loadSyncStatus(db)).communeMismatch).toContain('409.8');
    await submit(1);
    await syncOnce(deps());
    expect((await loadSyncStatus(db)).communeMismatch).toBeUndefined();
  });

  it('the phone link reads the collector’s clock without erasing a failed sync’s error', async () => {
    await submit(1);
    await registerKiosk();
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await syncOnce(deps(offline));
    const failed = await loadSyncStatus(db);
    vi.stubGlobal('fetch', collectorFetch);
    try {
      const settings = { ...defaultSettings(now()), communeCode: '99999', communeName: 'Xã Khác' };
      const link = await buildPhoneLink(db, settings, now());
      const token = readPhoneToken(decodeURIComponent(link?.split('#/phone/')[1] ?? ''));
      // The token names the commune the kiosk registered for: the collector checks it against that.
      expect(token.communeCode).toBe('10507');
    } finally {
      vi.unstubAllGlobals();
    }
    const after = await loadSyncStatus(db);
    expect(after.lastError).toBe(failed.lastError);
    expect(after.failures).toBe(1);
    expect(after.clockSkewMs).toEqual(expect.any(Number));
  });
});

describe('back-off', () => {
  it('grows from about 5 s and never passes 30 minutes', () => {
    expect(backoffDelay(1, () => 1)).toBe(5_000);
    expect(backoffDelay(1, () => 0)).toBe(2_500);
    expect(backoffDelay(4, () => 1)).toBe(40_000);
    expect(backoffDelay(40, () => 1)).toBe(30 * 60_000);
  });
});
