import type { AppraisalEntries, SelfScoreEntries } from './appraisal.ts';
import { formatPoints } from './format.ts';
import type { Scorecard, ScorecardNode, Standing } from './profile/scorecard-schema.ts';
import { type Fraction, fraction } from './scoring/fraction.ts';
import { leavesOf } from './scoring/section-b.ts';
import { scorecardTotal, standingFor } from './scoring/standing.ts';
import type { IsoDay } from './settings.ts';

/**
 * The Bảng thang chấm điểm (seed 003, Phụ lục 01) as rows a screen or a print lays out: each
 * node of Section B in table order with its TT, its "Điểm chuẩn", the commune's self-score and
 * the office's appraisal, and for a node with sub-items the sums of its leaves. Exact
 * half-points throughout; the screens only format them.
 */

export interface ScorecardRow {
  id: string;
  /** 0 criterion, 1 item, 2 sub-item, 3 part. */
  depth: number;
  /** "I"…"V" for a criterion, the item's number, "-" for a sub-item, "+" for a part. */
  tt: string;
  /** The row's text as the table prints it: a criterion as "TIÊU CHÍ 1: CHÍNH QUYỀN …". */
  text: string;
  maxHalfPoints: number;
  /** A leaf is scored; a node with sub-items is the sum of them. */
  leaf: boolean;
  /** The commune's self-score (a node: the sum of its leaves); null while none of them has one. */
  self: number | null;
  /** The office's appraisal of a leaf; null while it has none. Nodes: null. */
  appraisal: number | null;
  /** What counts: each leaf's appraisal, or its self-score while not appraised (as the standing does). */
  counted: number | null;
  /** The commune's note on its self-score (leaves). */
  note: string | undefined;
  /** The office's reason (leaves). */
  reason: string | undefined;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** The TT column of a node: Roman numerals for criteria, numbers for items, bullets below. */
function ttOf(node: ScorecardNode, depth: number): string {
  const last = Number(node.id.split('.').at(-1));
  if (depth === 0) return ROMAN[last - 1] ?? String(last);
  if (depth === 1) return String(last);
  return depth === 2 ? '-' : '+';
}

/** Sum of the leaves' values under a node; null when no leaf has one. */
function sumOf(leaves: readonly ScorecardNode[], value: (id: string) => number | undefined) {
  let total: number | null = null;
  for (const leaf of leaves) {
    const v = value(leaf.id);
    if (v !== undefined) total = (total ?? 0) + v;
  }
  return total;
}

/** Every row of Section B in table order, with the self-score and appraisal beside each. */
export function scorecardRows(
  scorecard: Scorecard,
  self: SelfScoreEntries,
  appraisal: AppraisalEntries,
): ScorecardRow[] {
  const counted = (id: string) => appraisal[id]?.halfPoints ?? self[id]?.halfPoints;
  const rows: ScorecardRow[] = [];
  const walk = (node: ScorecardNode, depth: number, text = node.text) => {
    const leaves = leavesOf(node);
    const leaf = (node.children ?? []).length === 0;
    rows.push({
      id: node.id,
      depth,
      tt: ttOf(node, depth),
      text,
      maxHalfPoints: node.maxHalfPoints,
      leaf,
      self: sumOf(leaves, (id) => self[id]?.halfPoints),
      appraisal: leaf ? (appraisal[node.id]?.halfPoints ?? null) : null,
      counted: sumOf(leaves, counted),
      note: leaf ? self[node.id]?.note : undefined,
      reason: leaf ? appraisal[node.id]?.reason : undefined,
    });
    for (const child of node.children ?? []) walk(child, depth + 1);
  };
  for (const criterion of scorecard.sectionB.criteria)
    walk(criterion, 0, `TIÊU CHÍ ${criterion.id}: ${criterion.tableTitle}`);
  return rows;
}

/** Section B's totals: the self-score (null without one), and what counts. */
export function sectionBTotals(
  scorecard: Scorecard,
  self: SelfScoreEntries,
  appraisal: AppraisalEntries,
): { self: number | null; counted: number } {
  const leaves = scorecard.sectionB.criteria.flatMap(leavesOf);
  return {
    self: sumOf(leaves, (id) => self[id]?.halfPoints),
    counted: sumOf(leaves, (id) => appraisal[id]?.halfPoints ?? self[id]?.halfPoints) ?? 0,
  };
}

/**
 * The 100-point total and the standing it reaches, exactly, for what is on the screen (an
 * appraisal being typed): null while Section A is incomplete (a form has no sheet).
 */
export function totalAndStanding(
  scorecard: Scorecard,
  sectionA: { num?: number | undefined; den?: number | undefined; complete: boolean },
  sectionBHalfPoints: number,
  disqualified: boolean,
): { total: Fraction; standing: Standing } | null {
  if (!sectionA.complete || sectionA.num === undefined || sectionA.den === undefined) return null;
  const total = scorecardTotal(fraction(sectionA.num, sectionA.den), sectionBHalfPoints);
  return { total, standing: standingFor(scorecard, total, disqualified) };
}

/**
 * Leaves whose appraisal differs from the commune's self-score without a reason: the
 * collector refuses them (400.23), so the screen marks them before sending.
 */
export function unexplainedLeaves(self: SelfScoreEntries, appraisal: AppraisalEntries): string[] {
  return Object.entries(appraisal).flatMap(([id, entry]) => {
    const own = self[id];
    return own !== undefined && own.halfPoints !== entry.halfPoints && !entry.reason?.trim()
      ? [id]
      : [];
  });
}

export type PointsInput =
  | { kind: 'empty' }
  | { kind: 'points'; halfPoints: number }
  | { kind: 'invalid'; message: string };

/**
 * Points typed by an officer ("1,5", "1.5", "2") as whole half-points, refused (never
 * rounded or clamped) when not a multiple of 0,5 between 0 and the row's Điểm chuẩn.
 */
export function parsePoints(text: string, maxHalfPoints: number): PointsInput {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const match = /^(\d{1,3})(?:[,.](\d+))?$/.exec(trimmed);
  const halves = match ? Number(match[1]) * 2 + fractionHalves(match[2] ?? '') : Number.NaN;
  if (!Number.isInteger(halves) || halves < 0 || halves > maxHalfPoints)
    return {
      kind: 'invalid',
      message: `Điểm phải từ 0 đến ${formatPoints(maxHalfPoints / 2)}, theo bước 0,5.`,
    };
  return { kind: 'points', halfPoints: halves };
}

/** The decimals of a typed number as half-points: "" or "0" → 0, "5" or "50" → 1, else NaN. */
function fractionHalves(decimals: string): number {
  if (/^0*$/.test(decimals)) return 0;
  if (/^50*$/.test(decimals)) return 1;
  return Number.NaN;
}

/** Half-points as the table prints them: 3 → "1,5"; null → "". */
export function pointsText(halfPoints: number | null): string {
  return halfPoints === null ? '' : formatPoints(halfPoints / 2);
}

/**
 * The year an officer most likely works on: the appraisal (Bước 2) ends on 31/12 and the
 * decision (Bước 3) comes in January, so in January it is still last year's.
 */
export function appraisalYearOf(today: IsoDay): number {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? year - 1 : year;
}

/** The rows the Bảng thang chấm điểm prints above and around Section B, and its title. */
export interface ScorecardDocumentText {
  title: string;
  subtitle: string;
  totalRow: string;
  sectionA: { citizen: string; cadre: string };
  sectionB: string;
  signature: { on: string; title: string; hint: string };
}

/** Seed 003, Phụ lục 01, letter for letter (NFC): test/core/scorecard-table.test.ts checks them. */
const HAI_DUONG_2024_TEXT: ScorecardDocumentText = {
  title: 'BẢNG THANG CHẤM ĐIỂM',
  subtitle:
    'Đánh giá, xếp loại đơn vị cấp xã đạt chuẩn “Chính quyền xã, phường, thị trấn thân thiện, vì Nhân dân phục vụ trên địa bàn tỉnh Hải Dương giai đoạn 2024 - 2030”',
  totalRow: 'TỔNG ĐIỂM CHUẨN (A + B)',
  sectionA: {
    citizen:
      'ĐIỂM TRUNG BÌNH CÁC PHIẾU KHẢO SÁT DO ỦY BAN NHÂN DÂN CẤP HUYỆN TỔ CHỨC LẤY PHIẾU KHẢO SÁT NGƯỜI DÂN ĐẾN LÀM THỦ TỤC HÀNH CHÍNH',
    cadre:
      'ĐIỂM TRUNG BÌNH CÁC PHIẾU KHẢO SÁT DO ỦY BAN NHÂN DÂN CẤP HUYỆN TỔ CHỨC LẤY PHIẾU KHẢO SÁT CÁN BỘ KHÔNG CHUYÊN TRÁCH Ở THÔN, KHU DÂN CƯ',
  },
  sectionB:
    'ỦY BAN NHÂN DÂN CẤP XÃ TỰ CHẤM ĐIỂM, CẤP HUYỆN THẨM ĐỊNH THEO CÁC TIÊU CHÍ (Từ tiêu chí 1 đến tiêu chí 5)',
  signature: {
    on: 'TM. ỦY BAN NHÂN DÂN',
    title: 'CHỦ TỊCH',
    hint: '(Ký, ghi rõ họ và tên, đóng dấu)',
  },
};

/** The document texts of a scorecard's table (the Hải Dương layout for any profile without its own). */
export function scorecardDocumentText(scorecard: Pick<Scorecard, 'profileId'>) {
  const byProfile: Record<string, ScorecardDocumentText> = {
    'hai-duong-2024': HAI_DUONG_2024_TEXT,
  };
  return byProfile[scorecard.profileId] ?? HAI_DUONG_2024_TEXT;
}
