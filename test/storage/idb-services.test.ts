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
    expect(second?.flags).toEqual(['quick-repeat']);
  });

  it('lists what was submitted, oldest first', async () => {
    const services = createIdbServices({ dbName: freshDbName(), now: () => now });
    await services.submitSheet(draftAt(now + 5000));
    await services.submitSheet(draftAt(now + 90_000));
    expect((await services.listSheets()).map((s) => s.seq)).toEqual([1, 2]);
  });

  it('keeps the self-score draft of each year for the kiosk’s profile, with its scorecard', async () => {
    const dbName = freshDbName();
    const services = createIdbServices({ dbName, now: () => now });
    expect((await services.selfScore.scorecard())?.sectionB.maxHalfPoints).toBe(160);
    const empty = await services.selfScore.loadDraft(2026);
    expect(empty).toMatchObject({ year: 2026, profileId: 'hai-duong-2024', scores: {}, notes: {} });
    await services.selfScore.saveDraft({
      ...empty,
      scores: { '1.1.1': 2 },
      notes: { '1.1.1': 'Đủ' },
    });
    const again = createIdbServices({ dbName, now: () => now });
    expect(await again.selfScore.loadDraft(2026)).toMatchObject({
      scores: { '1.1.1': 2 },
      notes: { '1.1.1': 'Đủ' },
    });
    expect((await again.selfScore.loadDraft(2025)).scores).toEqual({});
  });

  it('does not offer a draft of another profile version, nor a score its scorecard refuses', async () => {
    const services = createIdbServices({ dbName: freshDbName(), now: () => now });
    const draft = await services.selfScore.loadDraft(2026);
    await services.selfScore.saveDraft({ ...draft, scores: { '1.1.1': 2, '4.2.1': 5, '9.9': 1 } });
    expect((await services.selfScore.loadDraft(2026)).scores).toEqual({ '1.1.1': 2 });
    await services.selfScore.saveDraft({ ...draft, profileVersion: 2, scores: { '1.1.1': 1 } });
    expect((await services.selfScore.loadDraft(2026)).scores).toEqual({});
  });
});
