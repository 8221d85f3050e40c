import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { DB_VERSION, openKioskDb } from '../../src/storage/db.ts';
import { loadSettings } from '../../src/storage/settings-store.ts';
import { listSheets } from '../../src/storage/sheets.ts';
import { freshDbName } from './fixtures.ts';

const now = Date.UTC(2026, 10, 23, 3);

describe('migrations', () => {
  it('opens a version-1 database under the current version with nothing lost', async () => {
    const name = freshDbName();
    const v1 = await openKioskDb(name, 1);
    const sheet = {
      deviceId: '00112233aabbccdd',
      seq: 1,
      profileId: 'hai-duong-2024',
      profileVersion: 1,
      formId: 'citizen',
      formVersion: 1,
      channel: 'kiosk',
      answers: ['tot', 'tot', 'kha', 'yeu', 'trung-binh'],
      startedAt: now - 1000,
      createdAt: now,
      flags: [],
    } as const;
    const settings = { ...defaultSettings(now), communeName: 'Xã Tứ Kỳ' };
    // The way version 1 stored things: settings inside 'meta'.
    const tx = unwrap(v1).transaction(['sheets', 'meta'], 'readwrite');
    tx.objectStore('sheets').put(sheet);
    tx.objectStore('meta').put(settings, 'settings');
    tx.objectStore('meta').put({ deviceId: sheet.deviceId, lastSeq: 1 }, 'device');
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    v1.close();

    const latest = await openKioskDb(name);
    expect(latest.version).toBe(DB_VERSION);
    expect(await listSheets(latest)).toEqual([{ ...sheet, answers: [...sheet.answers] }]);
    expect((await loadSettings(latest, now)).settings.communeName).toBe('Xã Tứ Kỳ');
    expect(await latest.get('meta', 'device')).toEqual({ deviceId: sheet.deviceId, lastSeq: 1 });
  });
});
