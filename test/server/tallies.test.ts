import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommuneFigures } from '../../src/core/commune-figures.ts';
import { defaultOfficeFlagSettings } from '../../src/core/office-flags.ts';
import { mergeTallies } from '../../src/core/scoring/tally.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import type { Engine } from '../../src/server/store/engine.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import {
  everyTallyRow,
  rebuildTallies,
  storedTallies,
  tallyOf,
  tallySpans,
} from '../../src/server/store/tallies.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, phoneAnswers, START, testCollector } from './harness.ts';
import { engines } from './stores.ts';

const KIOSKS = ['3f2a9c0d1e4b5a68', '5be0c1d2a3f4e5d6'];
const DAY = 86_400_000;

/** The tallies table, sorted, as plain rows. */
async function snapshot(engine: Engine) {
  const rows = await everyTallyRow(engine.read);
  return rows
    .map((r) => ({ ...r, last_received_at: 0 }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('the rows that add up to a period', () => {
  it('take whole months from the month rows and the days around them from the day rows', () => {
    expect(tallySpans({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      days: [],
      months: { from: '2026-11', to: '2026-11' },
    });
    expect(tallySpans({ from: '2026-01-15', to: '2026-12-31' })).toEqual({
      days: [{ from: '2026-01-15', to: '2026-01-31' }],
      months: { from: '2026-02', to: '2026-12' },
    });
    expect(tallySpans({ from: '2025-12-30', to: '2026-03-02' })).toEqual({
      days: [
        { from: '2025-12-30', to: '2025-12-31' },
        { from: '2026-03-01', to: '2026-03-02' },
      ],
      months: { from: '2026-01', to: '2026-02' },
    });
    // February of a leap year ends on the 29th.
    expect(tallySpans({ from: '2028-02-01', to: '2028-02-29' }).months).toEqual({
      from: '2028-02',
      to: '2028-02',
    });
    expect(tallySpans({ from: '2026-11-23', to: '2026-11-27' })).toEqual({
      days: [{ from: '2026-11-23', to: '2026-11-27' }],
      months: null,
    });
    expect(tallySpans({ from: '2026-11-02', to: '2026-12-30' })).toEqual({
      days: [{ from: '2026-11-02', to: '2026-12-30' }],
      months: null,
    });
  });
});

describe.each(engines)('tallies kept on ingest, on %s', (_name, open) => {
  let store: CollectorStore;
  let engine: Engine;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;
  let keys: Uint8Array[];

  beforeEach(async () => {
    ({ store, engine, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(START + 30 * DAY);
    keys = [
      await collector.register(KIOSKS[0] as string),
      await collector.register(KIOSKS[1] as string, '10511'),
    ];
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  it('equal the tallies recomputed from the stored sheets after random ingests, repeats, conflicts, phone sheets and new thresholds', async () => {
    const streams = KIOSKS.map((id, k) =>
      syntheticWeek(300, k + 11, id).map((s, i) => ({ ...s, seq: i + 1 })),
    );
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('batch' as const),
        kiosk: fc.nat(1),
        from: fc.nat(280),
        size: fc.integer({ min: 1, max: 40 }),
        fine: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('conflict' as const), kiosk: fc.nat(1), at: fc.nat(299) }),
      fc.record({ kind: fc.constant('phone' as const), kiosk: fc.nat(1), minute: fc.nat(600) }),
      fc.record({
        kind: fc.constant('thresholds' as const),
        interval: fc.integer({ min: 0, max: 120 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 14 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === 'batch') {
            const sheets = (streams[s.kiosk] as Sheet[]).slice(s.from, s.from + s.size);
            await collector.postBatch(
              await collector.seal(keys[s.kiosk] as Uint8Array, sheets, {
                includesFineTimes: s.fine,
                communeCode: s.kiosk === 0 ? '10507' : '10511',
              }),
            );
          } else if (s.kind === 'conflict') {
            const original = (streams[s.kiosk] as Sheet[])[s.at] as Sheet;
            const other = { ...original, answers: ['yeu', 'yeu', 'yeu', 'yeu', 'yeu'] };
            await collector.postBatch(
              await collector.seal(keys[s.kiosk] as Uint8Array, [other], {
                communeCode: s.kiosk === 0 ? '10507' : '10511',
              }),
            );
          } else if (s.kind === 'phone') {
            const at = START + s.minute * 60_000;
            const token = await collector.phoneToken(keys[s.kiosk] as Uint8Array, {
              deviceId: KIOSKS[s.kiosk] as string,
              communeCode: s.kiosk === 0 ? '10507' : '10511',
              issuedAt: at - 60_000,
            });
            await collector.postPhoneSheet(token, phoneAnswers(at));
          } else {
            await collector.api.request('/api/v1/settings/flags', {
              method: 'PUT',
              headers: admin,
              body: JSON.stringify({
                ...defaultOfficeFlagSettings,
                minIntervalSeconds: s.interval,
              }),
            });
          }
        }
        const kept = await snapshot(engine);
        await engine.transaction(rebuildTallies);
        expect(kept).toEqual(await snapshot(engine));
      }),
      { numRuns: 6 },
    );
  });

  it('give any period the same sums from month and edge-day rows as from its days alone', async () => {
    // 300 sheets a few days apart from September 2026 to February 2027, over a year's end.
    const sheets = syntheticWeek(300, 17, KIOSKS[0] as string).map((s, i) => {
      const createdAt = Date.parse('2026-09-03T09:00:00+07:00') + i * DAY * 0.57;
      return { ...s, seq: i + 1, createdAt, startedAt: createdAt - 60_000 };
    });
    collector.setClock(Date.parse('2027-03-01T09:00:00+07:00'));
    for (let i = 0; i < sheets.length; i += 100)
      await collector.postBatch(
        await collector.seal(keys[0] as Uint8Array, sheets.slice(i, i + 100)),
      );
    const days = (await everyTallyRow(engine.read)).filter((r) => String(r.day).length === 10);
    const day = fc
      .integer({ min: 0, max: 200 })
      .map((n) => new Date(Date.UTC(2026, 7, 25) + n * DAY).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(day, day, async (a, b) => {
        const period = a <= b ? { from: a, to: b } : { from: b, to: a };
        const direct = mergeTallies(
          days
            .filter((r) => String(r.day) >= period.from && String(r.day) <= period.to)
            .map(tallyOf),
        );
        const read = mergeTallies((await storedTallies(engine.read, period)).map(tallyOf));
        const sorted = (t: typeof read) =>
          t.map((x) => JSON.stringify(x)).sort((x, y) => x.localeCompare(y));
        expect(sorted(read)).toEqual(sorted(direct));
      }),
      { numRuns: 40 },
    );
    expect(mergeTallies((await storedTallies(engine.read)).map(tallyOf))).toEqual(
      mergeTallies(days.map(tallyOf)),
    );
  });

  it('give the figures of a period: only the sheets submitted on its days, Vietnam time', async () => {
    // 23:30 on 23/11 in Vietnam is still the 23rd there (16:30 UTC); 00:30 on the 24th is the 24th.
    const at = (iso: string) => Date.parse(iso);
    const sheets = syntheticWeek(2, 5, KIOSKS[0] as string).map((s, i) => ({
      ...s,
      formId: 'citizen' as const,
      createdAt: at(i === 0 ? '2026-11-23T23:30:00+07:00' : '2026-11-24T00:30:00+07:00'),
      startedAt: at(i === 0 ? '2026-11-23T23:29:00+07:00' : '2026-11-24T00:29:00+07:00'),
      answers: i === 0 ? ['tot', 'tot', 'tot', 'tot', 'tot'] : ['yeu', 'yeu', 'yeu', 'yeu', 'yeu'],
    }));
    await collector.postBatch(await collector.seal(keys[0] as Uint8Array, sheets));
    const of = async (from: string, to: string) =>
      ((await collector.communes({ from, to })) as CommuneFigures[]).find(
        (c) => c.communeCode === '10507',
      );
    expect((await of('2026-11-23', '2026-11-23'))?.citizen).toMatchObject({
      sheets: 1,
      mean: { display: '10' },
    });
    expect((await of('2026-11-24', '2026-11-30'))?.citizen).toMatchObject({
      sheets: 1,
      mean: { display: '0' },
    });
    expect((await of('2026-11-01', '2026-11-30'))?.citizen.sheets).toBe(2);
    expect((await of('2026-12-01', '2026-12-31'))?.sheetCount).toBe(0);
    const bad = await collector.api.request('/api/v1/communes?from=2026-02-30&to=2026-03-01', {
      headers: admin,
    });
    expect(((await bad.json()) as { code: string }).code).toBe('400.21');
  });
});
