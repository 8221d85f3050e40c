import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeOfflineEnrolment, enrolmentLink } from '../../src/core/enrolment.ts';
import { collectorApi } from '../../src/server/app.ts';
import { silentLog } from '../../src/server/log.ts';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { loadCredentials } from '../../src/storage/credentials.ts';
import { type KioskDb, openKioskDb } from '../../src/storage/db.ts';
import { ensureDevice } from '../../src/storage/device.ts';
import { loadSettings } from '../../src/storage/settings-store.ts';
import { collectorClient } from '../../src/transport/collector-api.ts';
import { enrol } from '../../src/transport/enrolment.ts';
import { freshDbName } from '../storage/fixtures.ts';

const TOKEN = 'a-bootstrap-token-for-these-tests-only';
const URL_ = 'http://collector.test';
const now = Date.UTC(2026, 10, 28, 3);

let dir: string;
let store: CollectorStore;
let api: ReturnType<typeof collectorApi>;
let db: KioskDb;
const client = () =>
  collectorClient({
    base: URL_,
    fetch: async (input, init) => api.request(String(input), init),
  });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'enrol-'));
  store = await openSqliteStore(join(dir, 'collector.sqlite'));
  api = collectorApi({ store, adminToken: TOKEN, log: silentLog, now: () => now });
  db = await openKioskDb(freshDbName());
});
afterEach(async () => {
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function officeCode(): Promise<string> {
  const response = await api.request('/api/v1/enrolments', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ communeCode: '10507', communeName: 'Xã Tứ Kỳ', label: 'Quầy 2' }),
  });
  return ((await response.json()) as { code: string }).code;
}

describe('enrolling the tablet', () => {
  it('by the office’s QR link: keeps a key it cannot export and takes the commune the office set', async () => {
    const link = enrolmentLink(URL_, await officeCode());
    const enrolled = await enrol(db, link, { collectorUrl: URL_, now, client: client() });
    expect(enrolled).toMatchObject({ communeCode: '10507', label: 'Quầy 2', online: true });
    const credentials = await loadCredentials(db);
    expect(credentials?.deviceId).toBe((await ensureDevice(db)).deviceId);
    expect(credentials?.signingKey.extractable).toBe(false);
    const { settings } = await loadSettings(db, now);
    expect(settings).toMatchObject({
      communeCode: '10507',
      communeName: 'Xã Tứ Kỳ',
      kioskLabel: 'Quầy 2',
    });
    expect((await store.findKiosk(enrolled.deviceId))?.label).toBe('Quầy 2');
  });

  it('by a typed code, once: the same code again is refused with the catalogue’s sentence', async () => {
    const code = await officeCode();
    await enrol(db, code.toLowerCase(), { collectorUrl: URL_, now, client: client() });
    const other = await openKioskDb(freshDbName());
    await expect(enrol(other, code, { collectorUrl: URL_, now, client: client() })).rejects.toThrow(
      /Mã đăng ký máy không đúng, đã được dùng hoặc đã hết hạn.*404\.5/,
    );
    other.close();
  });

  it('offline, by the QR the office made for this device id, and refuses one made for another', async () => {
    const { deviceId } = await ensureDevice(db);
    const qr = (id: string) =>
      encodeOfflineEnrolment({
        deviceId: id,
        key: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE',
        communeCode: '20901',
        communeName: 'Phường Ngọc Châu',
        label: '',
      });
    await expect(
      enrol(db, qr('aaaaaaaaaaaaaaaa'), { collectorUrl: URL_, now }),
    ).rejects.toMatchObject({ code: '400.35' });
    const enrolled = await enrol(db, qr(deviceId), { collectorUrl: URL_, now });
    expect(enrolled).toMatchObject({ deviceId, communeCode: '20901', online: false });
    expect((await loadCredentials(db))?.deviceId).toBe(deviceId);
  });

  it('says what a scan that is not an enrolment is, without calling the collector', async () => {
    await expect(enrol(db, 'KS1P...', { collectorUrl: URL_, now })).rejects.toMatchObject({
      code: '400.34',
    });
    expect(await loadCredentials(db)).toBeUndefined();
  });
});
