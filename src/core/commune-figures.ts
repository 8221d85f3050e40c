import * as z from 'zod/mini';
import { formatPercent, formatPoints } from './format.ts';
import { defaultProfile, findProfile } from './profile/registry.ts';
import type { FormId, Profile } from './profile/schema.ts';
import { type Fraction, fraction, fractionToNumber } from './scoring/fraction.ts';
import { meanInterval } from './scoring/interval.ts';
import { sectionA } from './scoring/section-a.ts';
import type { Tally } from './scoring/tally.ts';

/**
 * A commune's figures as the collector API returns them (docs/api.md) and as the office
 * screen computes them itself from the sheets it holds when the server is out of reach.
 * Always recomputed from answers: a client's total is never trusted.
 */

const count = z.int().check(z.gte(0));

/** A fraction: exact, its value, and its vi-VN display. */
export const exactFigureSchema = z.object({
  num: z.int(),
  den: z.int().check(z.gte(1)),
  value: z.number(),
  display: z.string(),
});

export const formFiguresSchema = z.object({
  /** Every counted sheet (raw), of which the office flagged some and the officer set some aside. */
  sheets: count,
  flagged: count,
  excluded: count,
  /** Raw: every counted sheet, flagged included. */
  mean: z.nullable(exactFigureSchema),
  meanWithoutFlagged: z.nullable(exactFigureSchema),
  /** Reviewed: without the sheets the officer set aside. What Section A takes. */
  meanReviewed: z.nullable(exactFigureSchema),
  satisfactionRate: z.nullable(exactFigureSchema),
  satisfactionReviewed: z.nullable(exactFigureSchema),
  /** The 95 % interval of the reviewed mean, in points; null below two sheets. */
  interval: z.nullable(z.object({ low: z.number(), high: z.number() })),
  /** Answers counted by question, then by level (in `levels` order), raw. */
  distribution: z.array(z.array(count)),
});

export const communeHeaderSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  sheetCount: count,
  /** Of which answered on citizens' own phones (phone mode). */
  phoneSheetCount: count,
  /** Stored rows that do not pass the gate (left by an older build): not in any figure, listed apart. */
  setAsideCount: count,
  lastReceivedAt: z.nullable(count),
});

export const communeFiguresSchema = z.object({
  ...communeHeaderSchema.shape,
  /** The profile version most of the period's sheets were answered on: its levels and questions. */
  profileId: z.string(),
  profileVersion: count,
  levels: z.array(z.string()),
  citizen: formFiguresSchema,
  cadre: formFiguresSchema,
  /** The same, counting only the sheets answered on citizens' own phones. */
  phone: z.object({ citizen: formFiguresSchema, cadre: formFiguresSchema }),
  /** The reviewed means of both forms; the figure's fields are absent while neither has a sheet. */
  sectionA: z.object({
    complete: z.boolean(),
    num: z.optional(z.int()),
    den: z.optional(z.int()),
    value: z.optional(z.number()),
    display: z.optional(z.string()),
  }),
});

export type ExactFigure = z.infer<typeof exactFigureSchema>;
export type FormFigures = z.infer<typeof formFiguresSchema>;
export type CommuneHeader = z.infer<typeof communeHeaderSchema>;
export type CommuneFigures = z.infer<typeof communeFiguresSchema>;

const exact = (f: Fraction | null, display: (f: Fraction) => string): ExactFigure | null =>
  f && { num: f.num, den: f.den, value: fractionToNumber(f), display: display(f) };
const points = (f: Fraction) => formatPoints(f);
const percent = (f: Fraction) => formatPercent(f);

/** The mean sheet score of some tallies in points, exact; null without a sheet. */
function meanOf(tallies: readonly Tally[]): Fraction | null {
  const sheets = tallies.reduce((n, t) => n + t.sheets, 0);
  const halfPoints = tallies.reduce((n, t) => n + t.halfPoints, 0);
  return sheets > 0 ? fraction(halfPoints, 2 * sheets) : null;
}

function satisfactionOf(tallies: readonly Tally[]): Fraction | null {
  const answers = tallies.reduce((n, t) => n + t.answers, 0);
  return answers > 0
    ? fraction(
        tallies.reduce((n, t) => n + t.satisfied, 0),
        answers,
      )
    : null;
}

/** One form's figures from its tallies, answers by question on the reference profile. */
function formFigures(all: readonly Tally[], reference: Profile, formId: FormId): FormFigures {
  const tallies = all.filter((t) => t.formId === formId);
  const reviewed = tallies.filter((t) => !t.excluded);
  const count = (list: readonly Tally[]) => list.reduce((n, t) => n + t.sheets, 0);
  const questions = reference.forms.find((f) => f.id === formId)?.questions.length ?? 0;
  const levels = reference.levels.length;
  const flat = new Array<number>(questions * levels).fill(0);
  for (const t of tallies)
    if (t.profileId === reference.id && t.profileVersion === reference.version)
      t.distribution.forEach((n, i) => {
        flat[i] = (flat[i] ?? 0) + n;
      });
  const max = reference.forms.find((f) => f.id === formId);
  const maxPoints = max
    ? (max.questions.length * Math.max(...reference.levels.map((l) => l.halfPoints))) / 2
    : 10;
  return {
    sheets: count(tallies),
    flagged: count(tallies.filter((t) => t.flagged)),
    excluded: count(tallies.filter((t) => t.excluded)),
    mean: exact(meanOf(tallies), points),
    meanWithoutFlagged: exact(meanOf(tallies.filter((t) => !t.flagged)), points),
    meanReviewed: exact(meanOf(reviewed), points),
    satisfactionRate: exact(satisfactionOf(tallies), percent),
    satisfactionReviewed: exact(satisfactionOf(reviewed), percent),
    interval: meanInterval(
      count(reviewed),
      reviewed.reduce((n, t) => n + t.halfPoints, 0),
      reviewed.reduce((n, t) => n + t.halfPointsSquared, 0),
      maxPoints,
    ),
    distribution: Array.from({ length: questions }, (_, q) =>
      flat.slice(q * levels, (q + 1) * levels),
    ),
  };
}

/** The profile version most of the tallies' sheets were answered on (the default when none). */
function referenceProfile(tallies: readonly Tally[]): Profile {
  const sheets = new Map<string, number>();
  for (const t of tallies) {
    const key = `${t.profileId}|${t.profileVersion}`;
    sheets.set(key, (sheets.get(key) ?? 0) + t.sheets);
  }
  const [top] = [...sheets].sort((a, b) => b[1] - a[1]);
  const [id = '', version = '0'] = top?.[0].split('|') ?? [];
  return findProfile(id, Number(version)) ?? defaultProfile;
}

/**
 * One commune's figures from its tallies (of a period): raw, without the flagged sheets, and
 * reviewed (without the sheets the officer set aside), and Section A from the reviewed means.
 * The server computes them from its stored tallies, the office's browser from the sheets it
 * read itself — the same code.
 */
export function communeFigures(commune: CommuneHeader, tallies: readonly Tally[]): CommuneFigures {
  const reference = referenceProfile(tallies);
  const citizen = formFigures(tallies, reference, 'citizen');
  const cadre = formFigures(tallies, reference, 'cadre');
  const reviewedMean = (formId: FormId) =>
    meanOf(tallies.filter((t) => t.formId === formId && !t.excluded));
  const a = sectionA(reviewedMean('citizen'), reviewedMean('cadre'));
  const value = exact(a.value, points);
  const phone = tallies.filter((t) => t.channel === 'phone');
  return {
    ...commune,
    profileId: reference.id,
    profileVersion: reference.version,
    levels: reference.levels.map((l) => l.label),
    citizen,
    cadre,
    phone: {
      citizen: formFigures(phone, reference, 'citizen'),
      cadre: formFigures(phone, reference, 'cadre'),
    },
    sectionA:
      citizen.sheets + cadre.sheets > 0 && value
        ? { ...value, complete: a.complete }
        : { complete: false },
  };
}
