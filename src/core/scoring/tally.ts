import { levelIndex } from '../profile/level-index.ts';
import { findProfile } from '../profile/registry.ts';
import type { FormId } from '../profile/schema.ts';
import type { Channel, Sheet } from '../sheet.ts';

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
  return `${key.formId}|${key.profileId}|${key.profileVersion}|${key.channel}|${key.flagged ? 1 : 0}|${key.excluded ? 1 : 0}`;
}

/** What a tally needs of a sheet. */
export type ScorableSheet = Pick<
  Sheet,
  'formId' | 'profileId' | 'profileVersion' | 'channel' | 'answers'
>;

/** One sheet's part of a tally; undefined for a sheet this build cannot score. */
export function tallyOfSheet(
  sheet: ScorableSheet,
  flagged: boolean,
  excluded: boolean,
): Tally | undefined {
  const tally = emptyTallyOf(sheet, flagged, excluded);
  return tally && addSheet(tally, sheet) ? tally : undefined;
}

/** A tally with nothing in it, of a sheet's key and form; undefined for a form this build does not know. */
export function emptyTallyOf(
  sheet: ScorableSheet,
  flagged: boolean,
  excluded: boolean,
): Tally | undefined {
  const profile = findProfile(sheet.profileId, sheet.profileVersion);
  const form = profile?.forms.find((f) => f.id === sheet.formId);
  if (!profile || !form) return undefined;
  return {
    formId: sheet.formId,
    profileId: sheet.profileId,
    profileVersion: sheet.profileVersion,
    channel: sheet.channel,
    flagged,
    excluded,
    sheets: 0,
    halfPoints: 0,
    halfPointsSquared: 0,
    satisfied: 0,
    answers: 0,
    distribution: new Array<number>(form.questions.length * profile.levels.length).fill(0),
  };
}

/**
 * Adds a sheet to a tally of its key, in place (a delivery's thousand sheets are summed
 * without a tally each); false, and the tally untouched, for a sheet this build cannot score.
 */
export function addSheet(total: Tally, sheet: ScorableSheet): boolean {
  const profile = findProfile(sheet.profileId, sheet.profileVersion);
  const form = profile?.forms.find((f) => f.id === sheet.formId);
  if (!profile || !form || sheet.answers.length !== form.questions.length) return false;
  const index = levelIndex(profile);
  const places: number[] = [];
  for (const levelId of sheet.answers) {
    const place = index.get(levelId);
    if (place === undefined) return false;
    places.push(place);
  }
  let satisfied = 0;
  let halfPoints = 0;
  places.forEach((place, q) => {
    const level = profile.levels[place];
    if (level?.satisfied) satisfied++;
    halfPoints += level?.halfPoints ?? 0;
    const at = q * profile.levels.length + place;
    total.distribution[at] = (total.distribution[at] ?? 0) + 1;
  });
  total.sheets += 1;
  total.halfPoints += halfPoints;
  total.halfPointsSquared += halfPoints * halfPoints;
  total.satisfied += satisfied;
  total.answers += sheet.answers.length;
  return true;
}

/** total += sign × part, in place, for tallies of the same key; returns total. */
export function addTallyInto(total: Tally, part: Tally, sign: 1 | -1 = 1): Tally {
  total.sheets += sign * part.sheets;
  total.halfPoints += sign * part.halfPoints;
  total.halfPointsSquared += sign * part.halfPointsSquared;
  total.satisfied += sign * part.satisfied;
  total.answers += sign * part.answers;
  for (let i = 0; i < total.distribution.length; i++)
    total.distribution[i] = (total.distribution[i] ?? 0) + sign * (part.distribution[i] ?? 0);
  return total;
}

/** A new tally of the same key holding sign × a tally's counts (added to zeros: never −0). */
export function copyOfTally(tally: Tally, sign: 1 | -1 = 1): Tally {
  const zero = {
    ...tally,
    sheets: 0,
    halfPoints: 0,
    halfPointsSquared: 0,
    satisfied: 0,
    answers: 0,
    distribution: tally.distribution.map(() => 0),
  };
  return addTallyInto(zero, tally, sign);
}

/** a + sign × b, as a new tally, for tallies of the same key. */
export function addTally(a: Tally, b: Tally, sign: 1 | -1 = 1): Tally {
  return addTallyInto(copyOfTally(a), b, sign);
}

/** Tallies merged by key (e.g. the days of a period into one tally a key). */
export function mergeTallies(tallies: Iterable<Tally>): Tally[] {
  const merged = new Map<string, Tally>();
  for (const tally of tallies) {
    const key = tallyKeyText(tally);
    const known = merged.get(key);
    if (known) addTallyInto(known, tally);
    else merged.set(key, copyOfTally(tally));
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
