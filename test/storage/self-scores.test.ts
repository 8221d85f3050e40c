import { describe, expect, it } from 'vitest';
import { openKioskDb, type SelfScoreDraft } from '../../src/storage/db.ts';
import {
  loadSelfScoreDraft,
  markSelfScoreSent,
  saveSelfScoreDraft,
} from '../../src/storage/self-scores.ts';
import { freshDbName } from './fixtures.ts';

const now = Date.UTC(2026, 11, 10, 2);
const draft = (scores: Record<string, number>, year = 2026): SelfScoreDraft => ({
  year,
  profileId: 'hai-duong-2024',
  profileVersion: 1,
  scores,
  notes: {},
  updatedAt: now,
});

describe('self-score drafts', () => {
  it('keeps one draft a year', async () => {
    const db = await openKioskDb(freshDbName());
    await saveSelfScoreDraft(db, draft({ '1.1.1': 2 }));
    await saveSelfScoreDraft(db, draft({ '1.1.1': 1 }, 2025));
    expect((await loadSelfScoreDraft(db, 2026))?.scores).toEqual({ '1.1.1': 2 });
    expect((await loadSelfScoreDraft(db, 2025))?.scores).toEqual({ '1.1.1': 1 });
    expect(await loadSelfScoreDraft(db, 2027)).toBeUndefined();
    db.close();
  });

  it('keeps what the collector last took when a screen saves an older copy', async () => {
    const db = await openKioskDb(freshDbName());
    await saveSelfScoreDraft(db, draft({ '1.1.1': 2 }));
    const sent = { submittedAt: now, at: now + 1000, status: 'received' as const };
    await markSelfScoreSent(db, 2026, sent);
    await saveSelfScoreDraft(db, draft({ '1.1.1': 1 }));
    expect(await loadSelfScoreDraft(db, 2026)).toEqual({ ...draft({ '1.1.1': 1 }), sent });
    db.close();
  });

  it('reads a damaged record as no draft and leaves it as it is', async () => {
    const db = await openKioskDb(freshDbName());
    const damaged = { year: 2026, scores: 'nhiều' } as unknown as SelfScoreDraft;
    await db.put('selfScores', damaged);
    expect(await loadSelfScoreDraft(db, 2026)).toBeUndefined();
    expect(await db.get('selfScores', 2026)).toEqual(damaged);
    db.close();
  });
});
