import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Comment } from '../../src/core/api.ts';
import type { CommuneFigures } from '../../src/core/commune-figures.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, codeOf, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const KIOSK = '3f2a9c0d1e4b5a68';
const DAY = 86_400_000;

describe.each(stores)('what the office reads and decides, on %s', (_name, open) => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;
  let key: Uint8Array;
  const get = async <T>(path: string) =>
    (await (await collector.api.request(path, { headers: admin })).json()) as T;

  beforeEach(async () => {
    ({ store, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(START + 40 * DAY);
    key = await collector.register(KIOSK);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  /** Citizen sheets with a reason for Câu 2 (Yếu) and a suggestion, and a name on the first. */
  const withWords = (count: number, at = START): Sheet[] =>
    syntheticWeek(count, 2, KIOSK).map((s, i) => ({
      ...s,
      seq: i + 1,
      formId: 'citizen',
      answers: ['tot', 'yeu', 'tot', 'tot', 'tot'],
      createdAt: at + i * 600_000,
      startedAt: at + i * 600_000 - 60_000,
      flags: [],
      reasons: { '2': 'Chờ lâu' },
      suggestion: `Góp ý ${i + 1}`,
      ...(i === 0
        ? {
            respondent: {
              name: 'Nguyễn Thị Hà',
              address: 'Thôn Đông',
              consent: { noticeVersion: 1, at: at - 30_000 },
            },
          }
        : {}),
    }));

  it('lists reasons and suggestions of a period, names only when asked', async () => {
    await collector.postBatch(
      await collector.seal(key, withWords(3), {
        includesPersonalData: true,
        includesFineTimes: true,
      }),
    );
    const comments = await get<Comment[]>(
      '/api/v1/comments?commune=10507&from=2026-11-24&to=2026-11-24',
    );
    expect(comments.map((c) => [c.seq, c.reasons['2'], c.suggestion, c.respondent])).toEqual([
      [3, 'Chờ lâu', 'Góp ý 3', null],
      [2, 'Chờ lâu', 'Góp ý 2', null],
      [1, 'Chờ lâu', 'Góp ý 1', null],
    ]);
    const named = await get<Comment[]>('/api/v1/comments?commune=10507&respondents=1');
    expect(named.at(-1)?.respondent).toEqual({ name: 'Nguyễn Thị Hà', address: 'Thôn Đông' });
    expect(
      await get<Comment[]>('/api/v1/comments?commune=10507&from=2026-11-25&to=2026-11-30'),
    ).toEqual([]);
  });

  it('fills personal data a later file carries into sheets first received by QR', async () => {
    const sheets = withWords(2);
    await collector.postBatch(await collector.seal(key, sheets), '?via=office');
    expect(await get<Comment[]>('/api/v1/comments?commune=10507')).toEqual([]);
    await collector.importFile(JSON.stringify(await collector.signedFile(key, sheets)));
    expect(
      (await get<Comment[]>('/api/v1/comments?commune=10507')).map((c) => c.suggestion),
    ).toEqual(['Góp ý 2', 'Góp ý 1']);
  });

  it('deletes personal data after the retention the office sets, and a later file does not bring it back', async () => {
    const sheets = withWords(2);
    await collector.importFile(JSON.stringify(await collector.signedFile(key, sheets)));
    const saved = await collector.api.request('/api/v1/settings/retention', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ days: 30 }),
    });
    expect(saved.status).toBe(200);
    expect(await get<Comment[]>('/api/v1/comments?commune=10507')).toEqual([]);
    expect((await store.sheetsOfCommune('10507')).map((s) => s.answers)).toHaveLength(2);
    await collector.importFile(JSON.stringify(await collector.signedFile(key, sheets)));
    expect(await get<Comment[]>('/api/v1/comments?commune=10507')).toEqual([]);
  });

  it('lets the officer set a flagged sheet aside with a reason: raw figures keep it, reviewed ones and Section A do not', async () => {
    const tot = ['tot', 'tot', 'tot', 'tot', 'tot'];
    const base = syntheticWeek(3, 3, KIOSK);
    const sheets: Sheet[] = base.map((s, i) => ({
      ...s,
      seq: i + 1,
      formId: i < 2 ? 'citizen' : 'cadre',
      answers: i === 1 ? ['yeu', 'yeu', 'yeu', 'yeu', 'yeu'] : tot,
      createdAt: START + i * 10_000, // 10 s apart: quick repeats
      startedAt: START + i * 10_000 - 5_000,
      flags: [],
    }));
    await collector.postBatch(await collector.seal(key, sheets, { includesFineTimes: true }));
    const decide = (decision: string, reason: string) =>
      collector.api.request(`/api/v1/sheets/kiosk/${KIOSK}/2/review`, {
        method: 'PUT',
        headers: admin,
        body: JSON.stringify({ decision, reason }),
      });
    expect(await codeOf(await decide('excluded', ''))).toBe('400.6');
    expect((await decide('excluded', 'Cùng một người bấm liên tiếp')).status).toBe(200);
    const [commune] = (await collector.communes()) as CommuneFigures[];
    expect(commune?.citizen).toMatchObject({
      sheets: 2,
      excluded: 1,
      mean: { display: '5' },
      meanReviewed: { display: '10' },
    });
    expect(commune?.sectionA).toMatchObject({ display: '20', complete: true });
    const flagged = await get<
      { seq: number; review: { decision: string; reason: string } | null }[]
    >('/api/v1/flagged?commune=10507');
    expect(flagged.find((f) => f.seq === 2)?.review).toMatchObject({
      decision: 'excluded',
      reason: 'Cùng một người bấm liên tiếp',
    });
    expect((await decide('counted', 'Đã xác minh: hai người khác nhau')).status).toBe(200);
    expect(
      ((await collector.communes()) as CommuneFigures[])[0]?.citizen.meanReviewed?.display,
    ).toBe('5');
    const unknown = await collector.api.request(`/api/v1/sheets/kiosk/${KIOSK}/99/review`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ decision: 'excluded', reason: 'x' }),
    });
    expect(await codeOf(unknown)).toBe('404.2');
  });

  it('gives a commune’s figures month by month for its trend', async () => {
    const at = (iso: string) => Date.parse(`${iso}T09:00:00+07:00`);
    const sheets = ['2026-10-20', '2026-11-05', '2026-11-24'].map((day, i) => ({
      ...(syntheticWeek(3, 1, KIOSK)[i] as Sheet),
      seq: i + 1,
      formId: 'citizen' as const,
      createdAt: at(day),
      startedAt: at(day) - 60_000,
      answers: i === 0 ? ['kha', 'kha', 'kha', 'kha', 'kha'] : ['tot', 'tot', 'tot', 'tot', 'tot'],
      flags: [],
    }));
    await collector.postBatch(await collector.seal(key, sheets));
    const months = await get<{ period: { from: string }; figures: CommuneFigures }[]>(
      '/api/v1/communes/10507/months?from=2026-10-01&to=2026-12-31',
    );
    expect(
      months.map((m) => [
        m.period.from,
        m.figures.citizen.sheets,
        m.figures.citizen.mean?.display ?? null,
      ]),
    ).toEqual([
      ['2026-10-01', 1, '5'],
      ['2026-11-01', 2, '10'],
      ['2026-12-01', 0, null],
    ]);
  });
});
