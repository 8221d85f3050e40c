import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { deviceProblems } from '../../src/core/problems/device.ts';
import { said } from '../../src/core/problems/said.ts';
import { adminLockOf } from '../../src/core/settings.ts';
import { openKioskDb } from '../../src/storage/db.ts';
import { loadSettings, saveSettings } from '../../src/storage/settings-store.ts';
import { freshDbName } from './fixtures.ts';

const now = Date.UTC(2026, 10, 23, 3);

describe('settings store', () => {
  it('gives the defaults, without a problem, on a new kiosk', async () => {
    const db = await openKioskDb(freshDbName());
    expect(await loadSettings(db, now)).toEqual({ settings: defaultSettings(now) });
  });

  it('reads back what was saved', async () => {
    const db = await openKioskDb(freshDbName());
    const settings = {
      ...defaultSettings(now),
      communeName: 'Phường Thành Đông',
      formId: 'cadre' as const,
    };
    await saveSettings(db, settings);
    expect((await loadSettings(db, now)).settings).toEqual(settings);
  });

  it('reads settings saved before the admin lock existed, with the default two minutes', async () => {
    const db = await openKioskDb(freshDbName());
    const { adminLock: _, ...older } = { ...defaultSettings(now), communeName: 'Xã Tứ Kỳ' };
    await db.put('settings', older, 'current');
    const loaded = await loadSettings(db, now);
    expect(loaded.problem).toBeUndefined();
    expect(loaded.settings.communeName).toBe('Xã Tứ Kỳ');
    expect(adminLockOf(loaded.settings)).toEqual({ idleSeconds: 120 });
  });

  it('refuses an admin lock shorter than 30 seconds or longer than 30 minutes', async () => {
    const db = await openKioskDb(freshDbName());
    for (const idleSeconds of [29, 1801])
      await expect(
        saveSettings(db, { ...defaultSettings(now), adminLock: { idleSeconds } }),
      ).rejects.toThrow();
    await saveSettings(db, { ...defaultSettings(now), adminLock: { idleSeconds: 30 } });
    expect(adminLockOf((await loadSettings(db, now)).settings).idleSeconds).toBe(30);
  });

  it('falls back to defaults with a Vietnamese problem on a damaged record, and keeps the record', async () => {
    const db = await openKioskDb(freshDbName());
    const damaged = { ...defaultSettings(now), timing: 'x' };
    await db.put('settings', damaged, 'current');
    const loaded = await loadSettings(db, now);
    expect(loaded.problem).toBe(said(deviceProblems['settings.damaged']));
    expect(loaded.settings).toEqual(defaultSettings(now));
    expect(await db.get('settings', 'current')).toEqual(damaged);
  });

  it('names an unknown profile version as its own problem', async () => {
    const db = await openKioskDb(freshDbName());
    await db.put('settings', { ...defaultSettings(now), profileVersion: 42 }, 'current');
    expect((await loadSettings(db, now)).problem).toBe(
      said(deviceProblems['settings.unknown-profile']),
    );
  });

  it('refuses to save invalid settings', async () => {
    const db = await openKioskDb(freshDbName());
    await expect(
      saveSettings(db, { ...defaultSettings(now), communeCode: 'abc' }),
    ).rejects.toThrow();
    expect(await db.get('settings', 'current')).toBeUndefined();
  });
});
