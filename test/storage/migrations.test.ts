import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { defaultTiming } from '../../src/core/settings.ts';
import { DB_VERSION, openKioskDb, type RelayedPhoneSheet } from '../../src/storage/db.ts';
import { loadSelfScoreDraft, saveSelfScoreDraft } from '../../src/storage/self-scores.ts';
import { loadSettings, saveSettings } from '../../src/storage/settings-store.ts';
import { addSheet, listSheets } from '../../src/storage/sheets.ts';
import { draftAt, freshDbName } from './fixtures.ts';

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

describe('migration to version 4 (self-scores)', () => {
  it('keeps a version-3 database whole and adds an empty store for the self-score drafts', async () => {
    const name = freshDbName();
    const v3 = await openKioskDb(name, 3);
    await addSheet(v3, draftAt(now), defaultTiming);
    await saveSettings(v3, { ...defaultSettings(now), communeName: 'Xã Tứ Kỳ' });
    const { channel: _channel, ...answers } = draftAt(now - 60_000);
    const relayed: RelayedPhoneSheet = {
      nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
      token: 'token',
      answers: { ...answers, answers: [...answers.answers] },
      scannedAt: now,
    };
    await v3.put('phoneSheets', relayed);
    const before = {
      sheets: await listSheets(v3),
      device: await v3.get('meta', 'device'),
      phoneSheets: await v3.getAll('phoneSheets'),
    };
    expect(v3.objectStoreNames.contains('selfScores')).toBe(false);
    v3.close();

    const v4 = await openKioskDb(name, 4);
    expect(v4.version).toBe(4);
    expect({
      sheets: await listSheets(v4),
      device: await v4.get('meta', 'device'),
      phoneSheets: await v4.getAll('phoneSheets'),
    }).toEqual(before);
    expect((await loadSettings(v4, now)).settings.communeName).toBe('Xã Tứ Kỳ');
    expect(await v4.getAll('selfScores')).toEqual([]);
    const draft = {
      year: 2026,
      profileId: 'hai-duong-2024',
      profileVersion: 1,
      scores: { '1.1.1': 2, '4.2.3': 1 },
      notes: { '1.1.2': 'Mới tổ chức ở 6 trên 12 thôn' },
      updatedAt: now,
    };
    await saveSelfScoreDraft(v4, draft);
    v4.close();
    const reopened = await openKioskDb(name);
    expect(await loadSelfScoreDraft(reopened, 2026)).toEqual(draft);
    reopened.close();
  });
});

describe('migration to version 3 (relayed phone sheets)', () => {
  it('keeps a version-2 database whole and adds an empty store for relayed phone sheets', async () => {
    const name = freshDbName();
    const v2 = await openKioskDb(name, 2);
    await addSheet(v2, draftAt(now), defaultTiming);
    await saveSettings(v2, { ...defaultSettings(now), communeName: 'Xã Tứ Kỳ' });
    const before = { sheets: await listSheets(v2), device: await v2.get('meta', 'device') };
    expect(before.sheets).toHaveLength(1);
    expect(v2.objectStoreNames.contains('phoneSheets')).toBe(false);
    v2.close();

    const v3 = await openKioskDb(name, 3);
    expect(v3.version).toBe(3);
    expect({ sheets: await listSheets(v3), device: await v3.get('meta', 'device') }).toEqual(
      before,
    );
    expect((await loadSettings(v3, now)).settings.communeName).toBe('Xã Tứ Kỳ');
    expect(await v3.getAll('phoneSheets')).toEqual([]);
    v3.close();
  });
});
