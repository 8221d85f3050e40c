import type {
  AppraisalEntries,
  CommuneScorecard,
  SelfScoreEntries,
} from '../../../core/appraisal.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';
import { parsePoints, pointsText, unexplainedLeaves } from '../../../core/scorecard-table.ts';
import { sectionBLeaves } from '../../../core/scoring/section-b.ts';

/**
 * What an officer has typed in the table but not yet saved: per leaf, the points as typed and
 * a second text (the office's reason, or the commune's note when typing its paper report).
 */
export type Draft = Record<string, { points: string; text: string }>;

export function appraisalDraft(card: CommuneScorecard): Draft {
  return Object.fromEntries(
    Object.entries(card.appraisal).map(([id, e]) => [
      id,
      { points: pointsText(e.halfPoints), text: e.reason ?? '' },
    ]),
  );
}

export function selfScoreDraft(card: CommuneScorecard): Draft {
  return Object.fromEntries(
    Object.entries(card.selfScore?.entries ?? {}).map(([id, e]) => [
      id,
      { points: pointsText(e.halfPoints), text: e.note ?? '' },
    ]),
  );
}

/** Leaf ids whose typed points are not a 0,5 step within their Điểm chuẩn, with why. */
export type FieldErrors = Record<string, string>;

/** The draft read against the scorecard: the valid entries, and each field that is wrong. */
function readDraft(scorecard: Scorecard, draft: Draft) {
  const entries: Record<string, { halfPoints: number; text: string }> = {};
  const errors: FieldErrors = {};
  for (const leaf of sectionBLeaves(scorecard)) {
    const typed = draft[leaf.id];
    if (!typed) continue;
    const parsed = parsePoints(typed.points, leaf.maxHalfPoints);
    if (parsed.kind === 'invalid') errors[leaf.id] = parsed.message;
    if (parsed.kind === 'points')
      entries[leaf.id] = { halfPoints: parsed.halfPoints, text: typed.text.trim() };
  }
  return { entries, errors };
}

/**
 * The appraisal as it would stand with the draft (for the totals on screen), the entries that
 * changed (what a save sends), and what stops a save: fields that are not points, a leaf
 * already appraised left empty, and a difference from the self-score without a reason.
 */
export function appraisalChanges(scorecard: Scorecard, card: CommuneScorecard, draft: Draft) {
  const { entries, errors } = readDraft(scorecard, draft);
  for (const id of Object.keys(card.appraisal))
    if (!entries[id] && !errors[id]) errors[id] = 'Mục đã thẩm định: nhập điểm, không để trống.';
  const merged: AppraisalEntries = { ...card.appraisal };
  const changed: AppraisalEntries = {};
  for (const [id, e] of Object.entries(entries)) {
    const entry = { halfPoints: e.halfPoints, ...(e.text ? { reason: e.text } : {}) };
    merged[id] = entry;
    const saved = card.appraisal[id];
    if (saved?.halfPoints !== entry.halfPoints || (saved.reason ?? '') !== (entry.reason ?? ''))
      changed[id] = entry;
  }
  const unexplained = unexplainedLeaves(card.selfScore?.entries ?? {}, changed);
  return { merged, changed, errors, unexplained };
}

/** The self-score typed from the commune's paper report: every leaf with points, with its note. */
export function selfScoreEntries(scorecard: Scorecard, draft: Draft) {
  const { entries, errors } = readDraft(scorecard, draft);
  const result: SelfScoreEntries = {};
  for (const [id, e] of Object.entries(entries))
    result[id] = { halfPoints: e.halfPoints, ...(e.text ? { note: e.text } : {}) };
  return { entries: result, errors };
}
