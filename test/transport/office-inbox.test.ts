import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeBatch } from '../../src/core/codec/batch.ts';
import { receiptOf } from '../../src/core/codec/receipt.ts';
import { sealBatch } from '../../src/core/codec/seal.ts';
import { collectorApi } from '../../src/server/app.ts';
import { silentLog } from '../../src/server/log.ts';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import {
  allParcels,
  keepParcel,
  type OfficeDb,
  openOfficeDb,
  parcelsIn,
} from '../../src/storage/office.ts';
import { collectorClient } from '../../src/transport/collector-api.ts';
import {
  deliverPending,
  FileRefusal,
  localFigures,
  receiveBatch,
  receiveFile,
} from '../../src/transport/office-inbox.ts';
import { batchOf, signerOf } from '../fixtures/batches.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { freshDbName } from '../storage/fixtures.ts';

const ADMIN = 'office-admin-token';
const DEVICE = '3f2a9c0d1e4b5a68';
const subtle = webcrypto.subtle;
const now = Date.UTC(2026, 10, 27, 3);

let dir: string;
let store: CollectorStore;
let db: OfficeDb;
let key: Uint8Array;
/** When false, every request fails as if the office's network were down. */
let online = true;
/** The office's client, with its credential. */
const office = collectorClient({ credentials: () => ({ authorization: `Bearer ${ADMIN}` }) });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'office-'));
  store = await openSqliteStore(join(dir, 'collector.sqlite'));
  const api = collectorApi({ store, adminToken: ADMIN, log: silentLog });
  online = true;
  // The office page talks to its own origin with relative paths; route them into the API.
  vi.stubGlobal('fetch', async (path: string, init?: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    return api.request(path, init);
  });
  const registered = await api.request('/api/v1/kiosks', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId: DEVICE,
      communeCode: '10507',
      communeName: 'Xã Tứ Kỳ',
      label: '',
    }),
  });
  key = Uint8Array.from(
    Buffer.from(((await registered.json()) as { key: string }).key, 'base64url'),
  );
  db = await openOfficeDb(freshDbName());
});
afterEach(async () => {
  vi.unstubAllGlobals();
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sealedWeek = async (count: number, signingKey = key) =>
  sealBatch(subtle, signerOf(signingKey), encodeBatch(batchOf(syntheticWeek(count, 5, DEVICE))));

describe('office inbox', () => {
  it('keeps a batch read offline, counts it locally, and delivers it once when online', async () => {
    online = false;
    const sealed = await sealedWeek(40);
    const received = await receiveBatch(db, subtle, sealed, now);
    expect(received).toMatchObject({ receipt: receiptOf(sealed), sheetCount: 40 });
    expect(received.earlier).toBeUndefined();
    expect((await receiveBatch(db, subtle, sealed, now)).earlier?.state).toBe('pending');

    const offline = await deliverPending(db, office, now);
    expect(offline).toEqual({ settled: [], pending: 1 });
    const [local] = await localFigures(db, now);
    expect(local).toMatchObject({ communeCode: '10507', sheetCount: 40 });
    expect((local?.citizen.sheets ?? 0) + (local?.cadre.sheets ?? 0)).toBe(40);

    online = true;
    const report = await deliverPending(db, office, now + 60_000);
    expect(report.settled.map((s) => s.outcome)).toEqual([
      { state: 'delivered', received: 40, duplicates: 0 },
    ]);
    expect(await deliverPending(db, office, now)).toEqual({ settled: [], pending: 0 });
    expect(await store.sheetsOfCommune('10507')).toHaveLength(40);
  });

  it('keeps a file waiting when the server refuses the sender, not the file', async () => {
    await keepParcel(db, {
      id: 'file-1',
      communeCode: '10507',
      sheetCount: 1,
      receivedAt: now,
      kind: 'file',
      body: '{}',
      fileName: 'khao-sat.json',
      state: 'pending',
    });
    // No session cookie, no token: the collector answers 401.6 before reading the file.
    const report = await deliverPending(db, collectorClient(), now);
    expect(report.settled).toEqual([]);
    expect(report.pending).toBe(1);
    expect(report.stopped?.code).toBe('401.6');
    expect((await parcelsIn(db, 'pending')).map((p) => p.id)).toEqual(['file-1']);
  });

  it('refuses a damaged batch before keeping anything', async () => {
    const sealed = await sealedWeek(10);
    sealed[20] = (sealed[20] ?? 0) ^ 0x01;
    await expect(receiveBatch(db, subtle, sealed, now)).rejects.toThrow('mã kiểm tra không khớp');
    expect(await allParcels(db)).toEqual([]);
  });

  it('runs the gate on what it reads: a batch with a sheet numbered 0 is not kept', async () => {
    const sheets = syntheticWeek(5, 5, DEVICE).map((s, i) => (i === 0 ? { ...s, seq: 0 } : s));
    const sealed = await sealBatch(subtle, signerOf(key), encodeBatch(batchOf(sheets)));
    await expect(receiveBatch(db, subtle, sealed, now)).rejects.toMatchObject({ code: '400.16' });
    expect(await allParcels(db)).toEqual([]);
  });

  it('stops counting a forged batch once the server refuses its signature', async () => {
    const forged = await sealedWeek(10, new Uint8Array(32).fill(7));
    await receiveBatch(db, subtle, forged, now);
    expect((await localFigures(db, now))[0]?.sheetCount).toBe(10);
    const report = await deliverPending(db, office, now);
    expect(report.settled[0]?.outcome).toMatchObject({ state: 'refused' });
    expect(
      report.settled[0]?.outcome.state === 'refused' && report.settled[0].outcome.reason,
    ).toContain('401.1');
    expect(await localFigures(db, now)).toEqual([]);
    expect(await store.sheetsOfCommune('10507')).toEqual([]);
  });

  it('checks a JSON file as a whole and lists what is wrong, keeping nothing', async () => {
    const refusal = await receiveFile(db, subtle, '{"format": "x"', 'cut.json', now).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(FileRefusal);
    expect((refusal as FileRefusal).message).toContain('400.7');
    const invalid = await receiveFile(db, subtle, '{"format": "x"}', 'bad.json', now).catch(
      (e: unknown) => e,
    );
    expect((invalid as FileRefusal).errors.map((e) => e.path)).toContain('format');
    expect(await allParcels(db)).toEqual([]);
  });
});
