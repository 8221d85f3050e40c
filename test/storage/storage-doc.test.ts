import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { admitSheets } from '../../src/core/intake.ts';
import { haiDuong2024 } from '../../src/core/profile/index.ts';
import { sheetHalfPoints } from '../../src/core/scoring/sheet-score.ts';
import { sheetSchema } from '../../src/core/sheet.ts';
import { openKioskDb, type SelfScoreDraft } from '../../src/storage/db.ts';
import {
  loadSelfScoreDraft,
  markSelfScoreSent,
  saveSelfScoreDraft,
} from '../../src/storage/self-scores.ts';
import { freshDbName } from './fixtures.ts';

const doc = readFileSync(new URL('../../docs/storage.md', import.meta.url), 'utf8');

/** The ```json blocks under a heading of docs/storage.md. */
function jsonBlocks(heading: string): unknown[] {
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`docs/storage.md has no section "${heading}"`);
  const rest = doc.slice(start + heading.length);
  const end = rest.search(/\n##+ /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? ''));
}

describe('docs/storage.md examples', () => {
  it('show a stored sheet the sheet schema and the gate accept, scored as the text says', () => {
    const [stored] = jsonBlocks('## A stored sheet');
    const sheet = sheetSchema.parse(stored);
    expect(admitSheets([sheet], { path: 'stored', now: sheet.createdAt })).toHaveLength(1);
    expect(sheetHalfPoints(haiDuong2024, sheet.answers) / 2).toBe(7.5);
    expect(doc).toMatch(/=\s+7,5/);
  });

  it('show a self-score draft the kiosk database keeps as it is', async () => {
    const [draft] = jsonBlocks('## The commune’s self-score'.replace('’', "'")) as [SelfScoreDraft];
    expect(Object.keys(draft).sort()).toEqual(
      ['notes', 'profileId', 'profileVersion', 'scores', 'sent', 'updatedAt', 'year'].sort(),
    );
    const db = await openKioskDb(freshDbName());
    const { sent, ...typed } = draft;
    await saveSelfScoreDraft(db, typed);
    if (sent) await markSelfScoreSent(db, draft.year, sent);
    // The record as it is read back, `sent` included, is the one the document shows.
    expect(await loadSelfScoreDraft(db, draft.year)).toEqual(draft);
    expect(await db.get('selfScores', draft.year)).toEqual(draft);
    db.close();
  });
});
