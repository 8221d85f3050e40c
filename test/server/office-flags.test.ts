import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommuneFigures } from '../../src/core/commune-figures.ts';
import { defaultOfficeFlagSettings } from '../../src/core/office-flags.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { normalQueue } from '../fixtures/normal-queue.ts';
import { admin, phoneAnswers, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const KIOSK = '5be0c1d2a3f4e5d6';

/** A kiosk's first n sheets, `gap` ms apart from 09:00, each its own answers. */
const tapped = (n: number, gap: number): Sheet[] =>
  normalQueue(1, 3, KIOSK)
    .slice(0, n)
    .map((s, i) => ({ ...s, createdAt: START + i * gap, startedAt: START + i * gap - 10_000 }));

describe.each(stores)('flags decided at the collector, on %s', (_name, open) => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;
  let key: Uint8Array;

  beforeEach(async () => {
    ({ store, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(START + 24 * 3_600_000);
    key = await collector.register(KIOSK);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  const figures = async () => ((await collector.communes()) as CommuneFigures[])[0];

  it('leave a genuine week unflagged, however the kiosk flagged it', async () => {
    collector.setClock(START + 7 * 24 * 3_600_000);
    const week = normalQueue(5, 7, KIOSK).map((s) => ({ ...s, flags: ['quick-repeat' as const] }));
    for (let i = 0; i < week.length; i += 500) {
      const batch = await collector.seal(key, week.slice(i, i + 500), { includesFineTimes: true });
      expect((await collector.postBatch(batch)).status).toBe(200);
    }
    const commune = await figures();
    expect(commune?.citizen.sheets).toBe(week.length);
    expect(commune?.citizen.flagged).toBe(0);
    expect((await collector.registry())[0]).toMatchObject({
      officeFlagged: 0,
      kioskFlagged: week.length,
    });
  });

  it('flag sheets tapped 10 s apart from the stream, whatever thresholds the kiosk had', async () => {
    const laxKiosk = {
      minIntervalSeconds: 0,
      burstWindowSeconds: 60,
      burstCount: 1000,
      identicalRunLength: 100,
    };
    const sheets = tapped(12, 10_000);
    await collector.postBatch(
      await collector.seal(key, sheets, { includesFineTimes: true, thresholds: laxKiosk }),
    );
    const commune = await figures();
    // All but the first are quick; from the 11th on also a burst.
    expect(commune?.citizen.flagged).toBe(11);
    const listed = (await (
      await collector.api.request('/api/v1/flagged?commune=10507', { headers: admin })
    ).json()) as { seq: number; reasons: { flag: string; value: number }[] }[];
    expect(listed).toHaveLength(11);
    const last = listed.find((s) => s.seq === 12);
    expect(last?.reasons.map((r) => r.flag)).toEqual(['quick-repeat', 'burst']);
    expect(last?.reasons[0]?.value).toBe(10);
  });

  it('say why at minute precision too: a QR batch of many sheets in a few minutes is a burst', async () => {
    await collector.postBatch(await collector.seal(key, tapped(12, 10_000)));
    expect((await figures())?.citizen.flagged).toBe(2); // the 11th and 12th within ten minutes
  });

  it('recompute every flag when the office changes its thresholds', async () => {
    await collector.postBatch(
      await collector.seal(key, tapped(12, 10_000), { includesFineTimes: true }),
    );
    expect((await figures())?.citizen.flagged).toBe(11);
    const relaxed = { ...defaultOfficeFlagSettings, minIntervalSeconds: 5, burstCount: 50 };
    const saved = await collector.api.request('/api/v1/settings/flags', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify(relaxed),
    });
    expect(saved.status).toBe(200);
    expect((await figures())?.citizen.flagged).toBe(0);
    expect(
      await (await collector.api.request('/api/v1/settings/flags', { headers: admin })).json(),
    ).toEqual(relaxed);
  });

  it('refine a QR batch’s flags when the same sheets arrive later with their seconds', async () => {
    await collector.postBatch(await collector.seal(key, tapped(5, 10_000)));
    expect((await figures())?.citizen.flagged).toBe(0);
    await collector.postBatch(
      await collector.seal(key, tapped(5, 10_000), { includesFineTimes: true }),
    );
    expect((await figures())?.citizen.flagged).toBe(4);
  });

  it('flag a day of phone sheets far above the commune’s usual day', async () => {
    collector.setClock(START + 3_600_000);
    const count = defaultOfficeFlagSettings.phoneSurgeMinimum + 2;
    for (let i = 0; i < count; i++) {
      const token = await collector.phoneToken(key, {
        deviceId: KIOSK,
        formId: 'citizen',
        issuedAt: START,
      });
      expect(
        (await collector.postPhoneSheet(token, phoneAnswers(START + 60_000 + i * 1000))).status,
      ).toBe(201);
    }
    const commune = await figures();
    expect(commune?.phone.citizen.sheets).toBe(count);
    expect(commune?.phone.citizen.flagged).toBe(2);
  });

  it('refuse thresholds outside their bounds', async () => {
    const response = await collector.api.request('/api/v1/settings/flags', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ ...defaultOfficeFlagSettings, burstCount: 0 }),
    });
    expect(response.status).toBe(400);
  });
});
