import { describe, expect, it } from 'vitest';
import { createIdbServices } from '../../src/app/idb-services.ts';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { draftAt, freshDbName } from './fixtures.ts';

const now = Date.UTC(2026, 10, 23, 3);

describe('IndexedDB services', () => {
  it('flags with the timing saved in settings', async () => {
    const services = createIdbServices({ dbName: freshDbName(), now: () => now });
    const timing = { ...defaultSettings(now).timing, minIntervalSeconds: 300 };
    await services.saveSettings({ ...defaultSettings(now), timing });
    await services.submitSheet(draftAt(now));
    const second = await services.submitSheet({
      ...draftAt(now + 200_000),
      startedAt: now + 120_000,
    });
    expect(second.flags).toEqual(['quick-repeat']);
  });

  it('lists what was submitted, oldest first', async () => {
    const services = createIdbServices({ dbName: freshDbName(), now: () => now });
    await services.submitSheet(draftAt(now + 5000));
    await services.submitSheet(draftAt(now + 90_000));
    expect((await services.listSheets()).map((s) => s.seq)).toEqual([1, 2]);
  });
});
