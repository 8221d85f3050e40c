import { findProfile } from '../profile/registry.ts';
import type { FormId, Profile } from '../profile/schema.ts';
import type { Channel, Sheet } from '../sheet.ts';
import { type Fraction, fraction } from './fraction.ts';
import { isSatisfied, sheetHalfPoints } from './sheet-score.ts';

/** Figures for one form over a set of sheets. */
export interface FormSummary {
  formId: FormId;
  sheetCount: number;
  flaggedCount: number;
  /** Sheets this build cannot score (unknown profile, answers not of its levels): counted here, left out of the figures. */
  unknownProfileCount: number;
  halfPointsTotal: number;
  /** Mean sheet score in points (0..10); null when there is no scored sheet. */
  mean: Fraction | null;
  /** Share of answers whose level is "satisfied" (Tốt, Khá); null when there is no answer. */
  satisfactionRate: Fraction | null;
  /** Counts per [question index][level index], levels in the profile's order. */
  distribution: number[][];
}

/** Sheets that answered alike, counted together: what the collector's database groups by. */
export interface SheetGroup {
  formId: FormId;
  profileId: string;
  profileVersion: number;
  answers: readonly string[];
  flagged: boolean;
  /** Where the sheets were answered; absent means the kiosk. */
  channel?: Channel;
  count: number;
}

/** Summarises the sheets of one form, scoring each on the profile version it names. */
export function summarizeForm(
  profile: Profile,
  formId: FormId,
  sheets: readonly Sheet[],
  options: { excludeFlagged?: boolean } = {},
): FormSummary {
  const groups = sheets.map((s) => ({ ...s, flagged: s.flags.length > 0, count: 1 }));
  return summarizeGroups(profile, formId, groups, options);
}

/** The same figures from grouped counts, so a million sheets need not be loaded one by one. */
export function summarizeGroups(
  profile: Profile,
  formId: FormId,
  groups: readonly SheetGroup[],
  options: { excludeFlagged?: boolean } = {},
): FormSummary {
  const form = profile.forms.find((f) => f.id === formId);
  const questionCount = form?.questions.length ?? 0;
  const distribution = Array.from({ length: questionCount }, () => profile.levels.map(() => 0));
  let sheetCount = 0;
  let flaggedCount = 0;
  let unknownProfileCount = 0;
  let scored = 0;
  let halfPointsTotal = 0;
  let answers = 0;
  let satisfied = 0;

  for (const group of groups) {
    if (group.formId !== formId) continue;
    if (group.flagged && options.excludeFlagged) continue;
    const n = group.count;
    sheetCount += n;
    if (group.flagged) flaggedCount += n;
    // A group this build cannot score (unknown profile, an answer that is not one of its
    // levels) is counted and left out of the figures: a read never falls over on it.
    const own = findProfile(group.profileId, group.profileVersion);
    const scorable =
      own?.levels.every((l) => profile.levels.some((p) => p.id === l.id)) &&
      group.answers.length === questionCount &&
      group.answers.every((id) => own.levels.some((l) => l.id === id));
    if (!own || !scorable) {
      unknownProfileCount += n;
      continue;
    }
    scored += n;
    halfPointsTotal += sheetHalfPoints(own, group.answers) * n;
    group.answers.forEach((levelId, q) => {
      answers += n;
      if (isSatisfied(own, levelId)) satisfied += n;
      const row = distribution[q];
      const levelIndex = profile.levels.findIndex((l) => l.id === levelId);
      if (row && levelIndex >= 0) row[levelIndex] = (row[levelIndex] ?? 0) + n;
    });
  }

  return {
    formId,
    sheetCount,
    flaggedCount,
    unknownProfileCount,
    halfPointsTotal,
    mean: scored > 0 ? fraction(halfPointsTotal, 2 * scored) : null,
    satisfactionRate: answers > 0 ? fraction(satisfied, answers) : null,
    distribution,
  };
}
