import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SELF_SCORE_FORMAT,
  type SelfScoreFile,
  signSelfScoreFile,
} from '../../src/core/appraisal.ts';
import { haiDuong2024Scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import type { CommuneStanding } from '../../src/core/scoring/commune-standing.ts';
import { sectionBLeaves } from '../../src/core/scoring/section-b.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { signerOf } from '../fixtures/batches.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, codeOf, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const KIOSK = '3f2a9c0d1e4b5a68';
const leaves = sectionBLeaves(haiDuong2024Scorecard);
/** Leaves at their maximum until `halfPoints` are reached exactly (the last one cut to fit). */
function scoring(halfPoints: number) {
  const entries: Record<string, { halfPoints: number }> = {};
  let left = halfPoints;
  for (const leaf of leaves) {
    if (left === 0) break;
    const given = Math.min(leaf.maxHalfPoints, left);
    entries[leaf.id] = { halfPoints: given };
    left -= given;
  }
  return entries;
}

describe.each(stores)('Section B and the standing, on %s', (_name, open) => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;
  let key: Uint8Array;
  const path = '/api/v1/scorecards/10507/2026';
  const put = (suffix: string, body: unknown) =>
    collector.api.request(`${path}/${suffix}`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify(body),
    });
  const post = (suffix: string, body: unknown = {}) =>
    collector.api.request(`${path}/${suffix}`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(body),
    });
  const card = async () =>
    (await (await collector.api.request(path, { headers: admin })).json()) as {
      scorecard: {
        selfScore: { source: string } | null;
        appraisal: Record<string, { halfPoints: number }>;
        lockedAt: number | null;
      };
      standing: CommuneStanding;
      events: {
        field: string;
        leafId: string | null;
        before: string | null;
        after: string | null;
        reason: string | null;
        by: string;
      }[];
    };
  const selfScoreFile = (
    entries: Record<string, { halfPoints: number; note?: string }>,
    submittedAt = START,
  ) =>
    signSelfScoreFile(signerOf(key), {
      format: SELF_SCORE_FORMAT,
      version: 1,
      deviceId: KIOSK,
      communeCode: '10507',
      year: 2026,
      profileId: 'hai-duong-2024',
      profileVersion: 1,
      submittedAt,
      entries,
    });
  const sendSelfScore = (file: SelfScoreFile) =>
    collector.api.request('/api/v1/self-scores', { method: 'POST', body: JSON.stringify(file) });

  beforeEach(async () => {
    ({ store, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(Date.UTC(2026, 11, 10));
    key = await collector.register(KIOSK);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  /** Citizen and cadre sheets in the 2026 survey week (23–27/11). */
  async function sheetsOfWeek(citizen: string[][], cadre: string[][]) {
    const base = syntheticWeek(citizen.length + cadre.length, 3, KIOSK);
    const sheets: Sheet[] = [...citizen, ...cadre].map((answers, i) => ({
      ...(base[i] as Sheet),
      seq: i + 1,
      formId: i < citizen.length ? 'citizen' : 'cadre',
      answers,
      flags: [],
    }));
    for (let i = 0; i < sheets.length; i += 1000)
      expect(
        (await collector.postBatch(await collector.seal(key, sheets.slice(i, i + 1000)))).status,
      ).toBe(200);
  }

  it('runs the exactness case of docs/scoring.md: 84,9997 is Mức độ 1, not 2', async () => {
    const tot = ['tot', 'tot', 'tot', 'tot', 'tot'];
    // 2 999 sheets of 10 and one of 9: a citizen mean of 29 999/3 000; one cadre sheet of 10.
    await sheetsOfWeek([...Array(2999).fill(tot), ['tot', 'tot', 'tot', 'tot', 'kha']], [tot]);
    expect((await put('appraisal', { entries: scoring(130) })).status).toBe(200);
    const { standing } = await card();
    expect(standing.sectionA).toMatchObject({ complete: true, value: { num: 59999, den: 3000 } });
    expect(standing.sectionB.halfPoints).toBe(130);
    expect(standing.total).toMatchObject({ num: 254999, den: 3000, display: '85' });
    expect(standing.standing?.label).toBe('Chuẩn Mức độ 1');
  });

  it('gives no standing while a form has no sheet ("chưa đủ")', async () => {
    await sheetsOfWeek([['tot', 'tot', 'tot', 'tot', 'tot']], []);
    const { standing } = await card();
    expect(standing).toMatchObject({ sectionA: { complete: false }, total: null, standing: null });
  });

  it('takes the kiosk’s signed self-score, once, and the office appraises beside it with reasons', async () => {
    const [first, second] = leaves;
    if (!first || !second) throw new Error('leaves');
    const file = await selfScoreFile({
      [first.id]: { halfPoints: first.maxHalfPoints, note: 'Có biên bản' },
      [second.id]: { halfPoints: second.maxHalfPoints },
    });
    expect((await sendSelfScore(file)).status).toBe(201);
    expect((await sendSelfScore(file)).status).toBe(200);
    const edited = { ...file, entries: { [first.id]: { halfPoints: 0 } } };
    expect(await codeOf(await sendSelfScore(edited))).toBe('401.1');

    const lower = { [first.id]: { halfPoints: first.maxHalfPoints - 1 } };
    expect(await codeOf(await put('appraisal', { entries: lower }))).toBe('400.23');
    const explained = {
      [first.id]: { halfPoints: first.maxHalfPoints - 1, reason: 'Thiếu biên bản họp thôn' },
    };
    expect((await put('appraisal', { entries: explained })).status).toBe(200);
    const { scorecard, standing, events } = await card();
    expect(scorecard.selfScore?.source).toBe('kiosk');
    expect(standing.sectionB).toMatchObject({
      halfPoints: first.maxHalfPoints - 1 + second.maxHalfPoints,
      selfHalfPoints: first.maxHalfPoints + second.maxHalfPoints,
      appraised: 1,
      selfScored: 2,
    });
    expect(events.map((e) => [e.field, e.leafId, e.by])).toEqual([
      ['self-score', first.id, KIOSK],
      ['self-score', second.id, KIOSK],
      ['appraisal', first.id, 'mã quản trị (tự động hóa)'],
    ]);
    expect(events.at(-1)).toMatchObject({
      before: null,
      after: JSON.stringify(explained[first.id]),
      reason: 'Thiếu biên bản họp thôn',
    });
  });

  it('refuses a leaf the table does not have, or points above a leaf’s maximum', async () => {
    const [leaf] = leaves;
    if (!leaf) throw new Error('leaves');
    expect(await codeOf(await put('appraisal', { entries: { '9.9': { halfPoints: 1 } } }))).toBe(
      '400.22',
    );
    expect(
      await codeOf(
        await put('appraisal', { entries: { [leaf.id]: { halfPoints: leaf.maxHalfPoints + 1 } } }),
      ),
    ).toBe('400.22');
    expect(await codeOf(await put('self-score', { entries: { '1': { halfPoints: 1 } } }))).toBe(
      '400.22',
    );
  });

  it('makes a disqualified commune "Không đạt chuẩn" whatever its points', async () => {
    const tot = ['tot', 'tot', 'tot', 'tot', 'tot'];
    await sheetsOfWeek([tot], [tot]);
    await put('appraisal', { entries: scoring(160) });
    expect((await card()).standing.standing?.label).toBe('Chuẩn Mức độ 4');
    expect(
      (
        await put('disqualification', {
          id: 'ky-luat-khien-trach',
          reason: 'Quyết định kỷ luật số 12',
        })
      ).status,
    ).toBe(200);
    expect((await card()).standing).toMatchObject({
      standing: { label: 'Không đạt chuẩn' },
      disqualification: { id: 'ky-luat-khien-trach' },
    });
    expect(await codeOf(await put('disqualification', { id: 'khong-co', reason: 'x' }))).toBe(
      '400.6',
    );
  });

  it('locks the appraisal: nothing changes it, not even the kiosk, until an admin unlocks it with a reason', async () => {
    expect((await post('lock')).status).toBe(200);
    expect(await codeOf(await put('appraisal', { entries: scoring(2) }))).toBe('409.5');
    expect(await codeOf(await sendSelfScore(await selfScoreFile(scoring(2))))).toBe('409.5');
    expect(await codeOf(await post('unlock', { reason: '' }))).toBe('400.6');
    expect((await post('unlock', { reason: 'Xã gửi bổ sung hồ sơ' })).status).toBe(200);
    expect((await put('appraisal', { entries: scoring(2) })).status).toBe(200);
    expect((await card()).events.map((e) => e.field)).toEqual(['lock', 'unlock', 'appraisal']);
  });

  it('ranks the communes by their exact totals, shares ranks on ties, and says how far each sample is from enough', async () => {
    const other = '5be0c1d2a3f4e5d6';
    const otherKey = await collector.register(other, '10511');
    const tot = ['tot', 'tot', 'tot', 'tot', 'tot'];
    await sheetsOfWeek([tot, tot], [tot]);
    const theirs = syntheticWeek(2, 4, other).map((s, i) => ({
      ...s,
      seq: i + 1,
      formId: i === 0 ? ('citizen' as const) : ('cadre' as const),
      answers: tot,
      flags: [],
    }));
    await collector.postBatch(
      await collector.seal(otherKey, theirs, { communeCode: '10511', deviceId: other }),
    );
    await put('appraisal', { entries: scoring(150) });
    await collector.api.request('/api/v1/scorecards/10511/2026/appraisal', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ entries: scoring(150) }),
    });
    const { standings } = (await (
      await collector.api.request('/api/v1/standings?year=2026', { headers: admin })
    ).json()) as {
      standings: CommuneStanding[];
    };
    expect(standings.map((s) => [s.communeCode, s.rank, s.total?.display])).toEqual([
      ['10507', 1, '95'],
      ['10511', 1, '95'],
    ]);
    expect(standings[0]?.sample.citizen).toMatchObject({ sheets: 2, minimum: 30, missing: 28 });
    expect(standings[0]?.satisfaction).toMatchObject({ target: 0.85, meetsTarget: true });
  });
});
