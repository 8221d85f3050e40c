import type { CommuneFigures, ExactFigure, FormFigures } from './commune-figures.ts';
import { formatPoints } from './format.ts';
import type { FormId } from './profile/schema.ts';
import type { Scorecard } from './profile/scorecard-schema.ts';
import type { CommuneStanding } from './scoring/commune-standing.ts';
import { addFractions, type Fraction, fraction, fractionToNumber } from './scoring/fraction.ts';
import { scorecardTotal, standingFor } from './scoring/standing.ts';

/**
 * The figures of the Bảng tổng hợp and of the January list, exact until printed: one row a
 * commune over the print's period, the province's row over all its sheets (not a mean of
 * means), and the communes grouped by the standing they reach.
 */

const fixedFormats = new Map<number, Intl.NumberFormat>();

/** A number with exactly `digits` decimals in vi-VN notation, for a column that must align: "10,00". */
export function formatFixed(value: Fraction | number, digits = 2): string {
  let format = fixedFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    fixedFormats.set(digits, format);
  }
  return format.format(typeof value === 'number' ? value : fractionToNumber(value));
}

const exact = (figure: ExactFigure | null): Fraction | null =>
  figure ? fraction(figure.num, figure.den) : null;

/** One form of one commune: the sheets its reviewed mean is over, and that mean. */
export interface FormColumn {
  sheets: number;
  mean: Fraction | null;
}

export interface SummaryRow {
  communeCode: string;
  communeName: string;
  citizen: FormColumn;
  cadre: FormColumn;
  /** Section A from the reviewed means of the print's period; null without a sheet. */
  sectionA: Fraction | null;
  sectionAComplete: boolean;
  /** Section B as appraised (falling back on the self-score), in half-points; null without a record. */
  sectionB: number | null;
  total: Fraction | null;
  standing: string | null;
  /** Until the appraisal is locked the standing may change. */
  provisional: boolean;
  disqualified: boolean;
  /** The citizens' reviewed share of Tốt + Khá. */
  satisfaction: Fraction | null;
}

const column = (form: FormFigures): FormColumn => ({
  sheets: form.sheets - form.excluded,
  mean: exact(form.meanReviewed),
});

/**
 * The rows of the Bảng tổng hợp: Section A over the print's period (each commune's figures),
 * Section B from the year's standings, the total and standing compared exactly.
 */
export function summaryRows(
  communes: readonly CommuneFigures[],
  standings: readonly CommuneStanding[] | null,
  scorecard: Scorecard,
): SummaryRow[] {
  const byCode = new Map((standings ?? []).map((s) => [s.communeCode, s]));
  return communes.map((c) => {
    const standing = byCode.get(c.communeCode);
    const a = c.sectionA;
    const sectionA = a.num !== undefined && a.den !== undefined ? fraction(a.num, a.den) : null;
    const sectionB = standing ? standing.sectionB.halfPoints : null;
    const disqualified = standing?.disqualification != null;
    const total =
      sectionA && a.complete && sectionB !== null ? scorecardTotal(sectionA, sectionB) : null;
    return {
      communeCode: c.communeCode,
      communeName: c.communeName,
      citizen: column(c.citizen),
      cadre: column(c.cadre),
      sectionA,
      sectionAComplete: a.complete,
      sectionB,
      total,
      standing: total ? standingFor(scorecard, total, disqualified).label : null,
      provisional: standing?.provisional ?? true,
      disqualified,
      satisfaction: exact(c.citizen.satisfactionReviewed),
    };
  });
}

/** The province's row: sheets summed, means over all its sheets, not a mean of the communes' means. */
export interface ProvinceTotals {
  citizen: FormColumn;
  cadre: FormColumn;
  /** Over all reviewed citizen answers (every sheet has the form's five). */
  satisfaction: Fraction | null;
}

/** Σ (value × weight) / Σ weight, exactly; null when nothing weighs. */
function weighted(parts: readonly { value: Fraction | null; weight: number }[]): Fraction | null {
  let sum = fraction(0, 1);
  let weights = 0;
  for (const { value, weight } of parts) {
    if (!value || weight === 0) continue;
    sum = addFractions(sum, fraction(value.num * weight, value.den));
    weights += weight;
  }
  return weights > 0 ? fraction(sum.num, sum.den * weights) : null;
}

export function provinceTotals(communes: readonly CommuneFigures[]): ProvinceTotals {
  const form = (formId: FormId): FormColumn => {
    const columns = communes.map((c) => column(c[formId]));
    return {
      sheets: columns.reduce((n, col) => n + col.sheets, 0),
      mean: weighted(columns.map((col) => ({ value: col.mean, weight: col.sheets }))),
    };
  };
  return {
    citizen: form('citizen'),
    cadre: form('cadre'),
    satisfaction: weighted(
      communes.map((c) => ({
        value: exact(c.citizen.satisfactionReviewed),
        weight: c.citizen.sheets - c.citizen.excluded,
      })),
    ),
  };
}

/** The communes that reached one standing, for the January decision (Bước 3). */
export interface StandingGroup {
  /** The standing's id, or "chua-xep-loai" while Section A is incomplete. */
  id: string;
  label: string;
  communes: { standing: CommuneStanding; reason: string | null }[];
}

/**
 * The year's communes by standing, highest first, each ranked; "Không đạt chuẩn" says why
 * (the disqualifying event and the office's reason, or a total below the lowest threshold), and
 * communes without a complete Section A come last, unranked.
 */
export function standingGroups(
  standings: readonly CommuneStanding[],
  scorecard: Scorecard,
): StandingGroup[] {
  const lowest = scorecard.standings[0];
  const threshold = scorecard.standings[1];
  const byRank = [...standings].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.communeName.localeCompare(b.communeName, 'vi'),
  );
  const reasonOf = (s: CommuneStanding): string | null => {
    if (s.standing?.id !== lowest?.id) return null;
    if (s.disqualification) {
      const event = scorecard.disqualifiers.find((d) => d.id === s.disqualification?.id);
      return `${event?.text ?? s.disqualification.id} ${s.disqualification.reason}`.trim();
    }
    return threshold
      ? `Tổng điểm dưới ${formatPoints(threshold.minHalfPoints / 2)} điểm.`
      : 'Tổng điểm chưa đạt chuẩn.';
  };
  const groups: StandingGroup[] = [...scorecard.standings].reverse().map((standing) => ({
    id: standing.id,
    label: standing.label,
    communes: byRank
      .filter((s) => s.standing?.id === standing.id)
      .map((s) => ({ standing: s, reason: reasonOf(s) })),
  }));
  groups.push({
    id: 'chua-xep-loai',
    label: 'Chưa xếp loại (chưa đủ phiếu của cả hai mẫu trong kỳ tính mục A)',
    communes: byRank.filter((s) => s.standing === null).map((s) => ({ standing: s, reason: null })),
  });
  return groups;
}
