import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { defaultTiming } from '../../src/core/settings.ts';
import { sheetsFileSchema } from '../../src/core/sheets-file.ts';
import { collectorApi } from '../../src/server/app.ts';
import { silentLog } from '../../src/server/log.ts';
import { openSqliteStore } from '../../src/server/store/sqlite-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { type KioskDb, openKioskDb } from '../../src/storage/db.ts';
import { saveCredentials } from '../../src/storage/outbox.ts';
import { addSheet } from '../../src/storage/sheets.ts';
import { buildCsvExport, buildJsonExport } from '../../src/transport/file-export.ts';
import { draftAt, freshDbName } from '../storage/fixtures.ts';

const ADMIN = 'admin-token';
const now = Date.UTC(2026, 10, 28, 3);
const settings = { ...defaultSettings(now), communeCode: '10507', communeName: 'Xã Tứ Kỳ' };

let dir: string;
let store: CollectorStore;
let api: ReturnType<typeof collectorApi>;
let db: KioskDb;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'files-'));
  store = openSqliteStore(join(dir, 'collector.sqlite'));
  api = collectorApi({ store, adminToken: ADMIN, log: silentLog });
  db = await openKioskDb(freshDbName());
  const personal = { suggestion: 'Thêm ghế chờ' };
  for (let i = 0; i < 4; i++)
    await addSheet(db, { ...draftAt(now + i * 300_000), ...personal }, defaultTiming);
  const [sheet] = await db.getAll('sheets');
  const response = await api.request('/api/v1/kiosks', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId: sheet?.deviceId,
      communeCode: '10507',
      communeName: 'Xã Tứ Kỳ',
      label: '',
    }),
  });
  const { key } = (await response.json()) as { key: string };
  await saveCredentials(db, {
    collectorUrl: 'http://collector.test',
    deviceId: sheet?.deviceId ?? '',
    key,
  });
});
afterEach(async () => {
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('file export', () => {
  it('writes a signed JSON file that the collector imports losslessly, once', async () => {
    const file = await buildJsonExport(db, webcrypto.subtle, settings, true, now);
    expect(file.fileName).toBe('khao-sat-10507-2026-11-28.json');
    const parsed = sheetsFileSchema.parse(JSON.parse(file.text));
    expect(parsed.sheets.map((s) => s.suggestion)).toEqual(Array(4).fill('Thêm ghế chờ'));
    const post = () =>
      api.request('/api/v1/imports', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}` },
        body: file.text,
      });
    expect(((await (await post()).json()) as { received: number[] }).received).toEqual([
      1, 2, 3, 4,
    ]);
    expect(((await (await post()).json()) as { duplicates: number[] }).duplicates).toEqual([
      1, 2, 3, 4,
    ]);
    const stored = await store.sheetsOfCommune('10507');
    expect(stored.map((s) => s.createdAt)).toEqual(parsed.sheets.map((s) => s.createdAt));
  });

  it('leaves personal data out of both formats unless asked', async () => {
    const json = await buildJsonExport(db, webcrypto.subtle, settings, false, now);
    const csv = await buildCsvExport(db, settings, false, now);
    expect(json.text).not.toContain('Thêm ghế chờ');
    expect(csv.text).not.toContain('Thêm ghế chờ');
    expect((await buildCsvExport(db, settings, true, now)).text).toContain('Thêm ghế chờ');
  });
});
