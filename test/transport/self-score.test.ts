import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selfScoreFileSchema } from '../../src/core/appraisal.ts';
import { Problem } from '../../src/core/problems.ts';
import { haiDuong2024Scorecard as scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import { openKioskDb, type SelfScoreDraft } from '../../src/storage/db.ts';
import { loadSelfScoreDraft } from '../../src/storage/self-scores.ts';
import {
  deliverSelfScore,
  type SelfScoreDeps,
  selfScoreDownload,
} from '../../src/transport/self-score.ts';
import { draftAt, freshDbName } from '../storage/fixtures.ts';
import { ADMIN, registeredKiosk } from './registered-kiosk.ts';

const now = () => Date.UTC(2026, 11, 10, 2); // 10/12/2026, before the 15/12 deadline

const draft: SelfScoreDraft = {
  year: 2026,
  profileId: 'hai-duong-2024',
  profileVersion: 1,
  scores: { '1.1.1': 2, '4.2.3': 1, '5.1': 14 },
  notes: { '1.1.2': 'Mới tổ chức ở 6 trên 12 thôn', '5.1': 'Có văn bản kèm theo' },
  updatedAt: now() - 60_000,
};

let kiosk: Awaited<ReturnType<typeof registeredKiosk>>;
let deps: SelfScoreDeps;
beforeEach(async () => {
  kiosk = await registeredKiosk([draftAt(Date.UTC(2026, 10, 24, 3))]);
  deps = {
    db: kiosk.db,
    scorecard,
    communeCode: '10507',
    now,
    fetch: async (input, init) => kiosk.api.request(String(input), init),
  };
});
afterEach(() => kiosk.dispose());

describe('the kiosk’s self-score, to a real collector', () => {
  it('is received through the typed client and appears in the commune’s scorecard of the year', async () => {
    expect(await deliverSelfScore(deps, draft)).toEqual({
      kind: 'received',
      submittedAt: now(),
    });
    const card = await kiosk.store.scorecard('10507', 2026);
    const [sheet] = await kiosk.db.getAll('sheets');
    expect(card?.selfScore).toEqual({
      source: 'kiosk',
      submittedAt: now(),
      by: sheet?.deviceId,
      entries: {
        '1.1.1': { halfPoints: 2 },
        '1.1.2': { halfPoints: 0, note: 'Mới tổ chức ở 6 trên 12 thôn' },
        '4.2.3': { halfPoints: 1 },
        '5.1': { halfPoints: 14, note: 'Có văn bản kèm theo' },
      },
    });
    expect((await loadSelfScoreDraft(kiosk.db, 2026))?.sent).toEqual({
      submittedAt: now(),
      at: now(),
      status: 'received',
    });
  });

  it('is a duplicate when the collector already has that file', async () => {
    await deliverSelfScore(deps, draft);
    expect((await deliverSelfScore(deps, draft)).kind).toBe('duplicate');
    expect((await loadSelfScoreDraft(kiosk.db, 2026))?.sent?.status).toBe('duplicate');
  });

  it('is refused with the collector’s sentence and code once the office locked the year', async () => {
    const lock = await kiosk.api.request('/api/v1/scorecards/10507/2026/lock', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(lock.status).toBe(200);
    const outcome = await deliverSelfScore(deps, draft);
    expect(outcome).toEqual({
      kind: 'refused',
      sentence: `${new Problem('scorecard.locked').message} (mã 409.5)`,
    });
    expect((await loadSelfScoreDraft(kiosk.db, 2026))?.scores).toEqual(draft.scores);
    expect((await loadSelfScoreDraft(kiosk.db, 2026))?.sent).toBeUndefined();
  });

  it('stays saved without network, and says it can be taken as a file', async () => {
    const offline = await deliverSelfScore(
      {
        ...deps,
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      },
      draft,
    );
    expect(offline.kind).toBe('offline');
    expect(offline.kind === 'offline' && offline.sentence).toContain('Tải tệp tự chấm');
    expect(offline.kind === 'offline' && offline.sentence).toContain('(mã 503.2)');
    expect(await loadSelfScoreDraft(kiosk.db, 2026)).toEqual(draft);
  });

  it('as a downloaded file is the same signed file, which the office sends through the same endpoint', async () => {
    const file = await selfScoreDownload(deps, draft);
    expect(file.fileName).toBe('tu-cham-diem-10507-2026-2026-12-10.json');
    const parsed = selfScoreFileSchema.parse(JSON.parse(String(file.body)));
    expect(parsed).toMatchObject({ communeCode: '10507', year: 2026, submittedAt: now() });
    const imported = await kiosk.api.request('/api/v1/self-scores', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: String(file.body),
    });
    expect(imported.status).toBe(201);
    expect((await kiosk.store.scorecard('10507', 2026))?.selfScore?.entries['5.1']).toEqual({
      halfPoints: 14,
      note: 'Có văn bản kèm theo',
    });
  });

  it('is not signed by a kiosk that is not registered, but the draft is kept', async () => {
    const db = await openKioskDb(freshDbName());
    await expect(deliverSelfScore({ ...deps, db }, draft)).rejects.toMatchObject({
      code: '401.5',
    });
    expect(await loadSelfScoreDraft(db, 2026)).toEqual(draft);
    db.close();
  });

  it('refuses a commune code that is not set, and a score above a leaf’s maximum, before sending', async () => {
    let posts = 0;
    const counting: SelfScoreDeps = {
      ...deps,
      fetch: async (input, init) => {
        posts++;
        return kiosk.api.request(String(input), init);
      },
    };
    await expect(deliverSelfScore({ ...counting, communeCode: '' }, draft)).rejects.toMatchObject({
      code: '400.28',
    });
    await expect(
      deliverSelfScore(counting, { ...draft, scores: { '4.2.1': 2 } }),
    ).rejects.toMatchObject({ code: '400.22' });
    expect(posts).toBe(0);
  });
});
