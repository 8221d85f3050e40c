import { findProfile } from '../profile/registry.ts';
import type { FormId } from '../profile/schema.ts';
import type { Channel, Sheet } from '../sheet.ts';
import { isSatisfied, sheetHalfPoints } from './sheet-score.ts';

/**
 * What the office counts of a set of sheets that share a form, profile version, channel and
 * review state: enough for every figure (means, rates, answers by question, the interval of
 * the mean), and small enough to keep per commune and day, exact, as sheets arrive
 * (the collector's `tallies` table; docs/scoring.md, "Tallies").
 */
export interface TallyKey {
  formId: FormId;
  profileId: string;
  profileVersion: number;
  channel: Channel;
  /** The office flagged them (src/core/office-flags.ts). */
  flagged: boolean;
  /** The officer set them aside on review: counted raw, not in the reviewed figures. */
  excluded: boolean;
}

export interface Tally extends TallyKey {
  sheets: number;
  /** Sum of the sheets' scores, in half-points. */
  halfPoints: number;
  /** Sum of the squares of the sheets' scores in half-points, for the interval of the mean. */
  halfPointsSquared: number;
  /** Answers whose level is satisfied (Tốt, Khá), and all answers. */
  satisfied: number;
  answers: number;
  /** Answers by question then level (question-major), in the profile's orders. */
  distribution: number[];
}

/** The key a tally is stored under (engine-neutral text). */
export function tallyKeyText(key: TallyKey): string {
  return [
    key.formId,
    key.profileId,
    key.profileVersion,
    key.channel,
    key.flagged ? 1 : 0,
    key.excluded ? 1 : 0,
  ].join('|');
}

/** One sheet's part of a tally; undefined for a sheet this build cannot score. */
export function tallyOfSheet(
  sheet: Pick<Sheet, 'formId' | 'profileId' | 'profileVersion' | 'channel' | 'answers'>,
  flagged: boolean,
  excluded: boolean,
): Tally | undefined {
  const profile = findProfile(sheet.profileId, sheet.profileVersion);
  const form = profile?.forms.find((f) => f.id === sheet.formId);
  if (!profile || !form || sheet.answers.length !== form.questions.length) return undefined;
  const levels = profile.levels.map((l) => l.id);
  const distribution = new Array<number>(form.questions.length * levels.length).fill(0);
  let satisfied = 0;
  for (const [q, levelId] of sheet.answers.entries()) {
    const level = levels.indexOf(levelId);
    if (level < 0) return undefined;
    distribution[q * levels.length + level] = 1;
    if (isSatisfied(profile, levelId)) satisfied++;
  }
  const halfPoints = sheetHalfPoints(profile, sheet.answers);
  return {
    formId: sheet.formId,
    profileId: sheet.profileId,
    profileVersion: sheet.profileVersion,
    channel: sheet.channel,
    flagged,
    excluded,
    sheets: 1,
    halfPoints,
    halfPointsSquared: halfPoints * halfPoints,
    satisfied,
    answers: sheet.answers.length,
    distribution,
  };
}

/** a + sign × b, for tallies of the same key (their distributions of the same length). */
export function addTally(a: Tally, b: Tally, sign: 1 | -1 = 1): Tally {
  return {
    ...a,
    sheets: a.sheets + sign * b.sheets,
    halfPoints: a.halfPoints + sign * b.halfPoints,
    halfPointsSquared: a.halfPointsSquared + sign * b.halfPointsSquared,
    satisfied: a.satisfied + sign * b.satisfied,
    answers: a.answers + sign * b.answers,
    distribution: a.distribution.map((n, i) => n + sign * (b.distribution[i] ?? 0)),
  };
}

/** Tallies merged by key (e.g. the days of a period into one tally a key). */
export function mergeTallies(tallies: Iterable<Tally>): Tally[] {
  const merged = new Map<string, Tally>();
  for (const tally of tallies) {
    const key = tallyKeyText(tally);
    const known = merged.get(key);
    merged.set(
      key,
      known ? addTally(known, tally) : { ...tally, distribution: [...tally.distribution] },
    );
  }
  return [...merged.values()];
}

/** The tallies of a set of sheets, e.g. those an office read by camera. */
export function talliesOfSheets(
  sheets: readonly Sheet[],
  flagged: (sheet: Sheet) => boolean = () => false,
): Tally[] {
  return mergeTallies(sheets.flatMap((sheet) => tallyOfSheet(sheet, flagged(sheet), false) ?? []));
}
