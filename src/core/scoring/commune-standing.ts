import * as z from 'zod/mini';
import type { CommuneScorecard } from '../appraisal.ts';
import { type CommuneFigures, exactFigureSchema } from '../commune-figures.ts';
import { formatPoints } from '../format.ts';
import type { Scorecard } from '../profile/scorecard-schema.ts';
import { compareFractions, type Fraction, fraction, fractionToNumber } from './fraction.ts';
import { sectionBHalfPoints, sectionBLeaves } from './section-b.ts';
import { scorecardTotal, standingFor } from './standing.ts';

/** What the office sets for judging a sample and the satisfaction rate (Cài đặt at the office). */
export const standingSettingsSchema = z.object({
  /** The plans' target share of Tốt + Khá answers, e.g. 0,85. */
  satisfactionTarget: z.number().check(z.gte(0), z.lte(1)),
  /** Fewer sheets than this for a form, and the office is warned its mean says little. */
  minimumSheets: z.object({
    citizen: z.int().check(z.gte(1), z.lte(10_000)),
    cadre: z.int().check(z.gte(1), z.lte(10_000)),
  }),
});
export type StandingSettings = z.infer<typeof standingSettingsSchema>;

/** The plans target 85–90 %; a handful of sheets says little (domain.md, "Sample size"). */
export const defaultStandingSettings: StandingSettings = {
  satisfactionTarget: 0.85,
  minimumSheets: { citizen: 30, cadre: 10 },
};

const sampleSchema = z.object({
  sheets: z.int(),
  minimum: z.int(),
  /** Sheets still needed to reach the minimum (0 when it is reached). */
  missing: z.int(),
  interval: z.nullable(z.object({ low: z.number(), high: z.number() })),
});

/** A commune's standing for a year, as GET /api/v1/standings lists it. */
export const communeStandingSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  year: z.int(),
  period: z.object({ from: z.string(), to: z.string() }),
  /** Section A from the reviewed means of the period; incomplete while a form has no sheet. */
  sectionA: z.object({ value: z.nullable(exactFigureSchema), complete: z.boolean() }),
  sectionB: z.object({
    /** Half-points: each leaf's appraisal, or its self-score while not appraised. */
    halfPoints: z.int(),
    selfHalfPoints: z.nullable(z.int()),
    leaves: z.int(),
    appraised: z.int(),
    selfScored: z.int(),
    locked: z.boolean(),
  }),
  total: z.nullable(exactFigureSchema),
  /** The standing reached; null while Section A is incomplete. */
  standing: z.nullable(z.object({ id: z.string(), label: z.string() })),
  /** Until the appraisal is locked, the standing may still change. */
  provisional: z.boolean(),
  disqualification: z.nullable(z.object({ id: z.string(), reason: z.string() })),
  /** 1 for the highest total; communes with equal totals share a rank; null without a total. */
  rank: z.nullable(z.int()),
  satisfaction: z.object({
    citizen: z.nullable(exactFigureSchema),
    cadre: z.nullable(exactFigureSchema),
    target: z.number(),
    /** Whether the citizens' share of Tốt + Khá reaches the target; null without citizen sheets. */
    meetsTarget: z.nullable(z.boolean()),
  }),
  sample: z.object({ citizen: sampleSchema, cadre: sampleSchema }),
});
export type CommuneStanding = z.infer<typeof communeStandingSchema>;

const exactOf = (f: Fraction) => ({
  num: f.num,
  den: f.den,
  value: fractionToNumber(f),
  display: formatPoints(f),
});

/**
 * One commune's standing: Section A (reviewed, exact) + Section B (appraised, falling back on
 * the self-score leaf by leaf while not appraised) compared with the thresholds without
 * rounding; the lowest standing when disqualified; no standing while a form has no sheet.
 */
export function communeStanding(
  scorecard: Scorecard,
  figures: CommuneFigures,
  year: number,
  communeCard: CommuneScorecard | null,
  period: { from: string; to: string },
  settings: StandingSettings,
): Omit<CommuneStanding, 'rank'> & { exactTotal: Fraction | null } {
  const leaves = sectionBLeaves(scorecard).map((l) => l.id);
  const self = communeCard?.selfScore?.entries ?? {};
  const appraisal = communeCard?.appraisal ?? {};
  const counted: Record<string, number> = {};
  for (const id of leaves) {
    const value = appraisal[id]?.halfPoints ?? self[id]?.halfPoints;
    if (value !== undefined) counted[id] = value;
  }
  const bHalfPoints = sectionBHalfPoints(scorecard, counted);
  const selfHalfPoints = communeCard?.selfScore
    ? sectionBHalfPoints(
        scorecard,
        Object.fromEntries(Object.entries(self).map(([id, e]) => [id, e.halfPoints])),
      )
    : null;
  const a = figures.sectionA;
  const aFraction =
    a.num !== undefined && a.den !== undefined ? fraction(a.num, a.den) : fraction(0, 1);
  const total = a.complete ? scorecardTotal(aFraction, bHalfPoints) : null;
  const disqualification = communeCard?.disqualification ?? null;
  const reached = total ? standingFor(scorecard, total, disqualification !== null) : null;
  const sample = (formId: 'citizen' | 'cadre') => {
    const form = figures[formId];
    const minimum = settings.minimumSheets[formId];
    return {
      sheets: form.sheets - form.excluded,
      minimum,
      missing: Math.max(0, minimum - (form.sheets - form.excluded)),
      interval: form.interval,
    };
  };
  const citizenRate = figures.citizen.satisfactionReviewed;
  return {
    communeCode: figures.communeCode,
    communeName: figures.communeName,
    year,
    period,
    sectionA: {
      value: a.num !== undefined && a.den !== undefined ? exactOf(aFraction) : null,
      complete: a.complete,
    },
    sectionB: {
      halfPoints: bHalfPoints,
      selfHalfPoints,
      leaves: leaves.length,
      appraised: leaves.filter((id) => appraisal[id] !== undefined).length,
      selfScored: leaves.filter((id) => self[id] !== undefined).length,
      locked: communeCard?.lockedAt != null,
    },
    total: total ? exactOf(total) : null,
    exactTotal: total,
    standing: reached ? { id: reached.id, label: reached.label } : null,
    provisional: communeCard?.lockedAt == null,
    disqualification,
    satisfaction: {
      citizen: citizenRate,
      cadre: figures.cadre.satisfactionReviewed,
      target: settings.satisfactionTarget,
      meetsTarget: citizenRate ? citizenRate.value >= settings.satisfactionTarget : null,
    },
    sample: { citizen: sample('citizen'), cadre: sample('cadre') },
  };
}

/** Standings ranked by their exact totals, highest first; equal totals share a rank. */
export function rankStandings(
  standings: readonly (Omit<CommuneStanding, 'rank'> & { exactTotal: Fraction | null })[],
): CommuneStanding[] {
  const ranked = standings
    .filter((s) => s.exactTotal)
    .sort((a, b) => compareFractions(b.exactTotal as Fraction, a.exactTotal as Fraction));
  const rank = new Map<string, number>();
  ranked.forEach((s, i) => {
    const previous = ranked[i - 1];
    const same =
      previous?.exactTotal && compareFractions(previous.exactTotal, s.exactTotal as Fraction) === 0;
    rank.set(s.communeCode, same ? (rank.get(previous.communeCode) ?? i + 1) : i + 1);
  });
  return standings.map(({ exactTotal: _exact, ...s }) => ({
    ...s,
    rank: rank.get(s.communeCode) ?? null,
  }));
}
