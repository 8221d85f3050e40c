import * as z from 'zod/mini';
import { nfcText } from './schema.ts';

/**
 * The 100-point scorecard as data (Phụ lục 01): the Section B tree, the disqualifying events
 * and the standings. Only the office and the collector load it (scorecards.ts).
 */

const count = (min: number) => z.int().check(z.gte(min));

export const standingSchema = z.object({
  id: z.string(),
  label: nfcText,
  /** Lowest total, in half-points of the 100-point scorecard, that reaches this standing. */
  minHalfPoints: count(0),
});

/**
 * Section B node ids spell the path from the criterion down, one positive number a level:
 * "2.4.5.1" is criterion 2, its item 4, that item's sub-item 5, and that sub-item's part 1.
 * Self-scores and appraisals are stored under leaf ids, so a profile version never renumbers.
 */
export const scorecardNodeIdSchema = z.string().check(z.regex(/^[1-9][0-9]*(\.[1-9][0-9]*)*$/));

const nodeShape = {
  id: scorecardNodeIdSchema,
  /** Copied letter for letter from the province's table (NFC), without its "- " / "+ " bullet. */
  text: nfcText,
  /** "Điểm chuẩn" in whole half-points: 0,5 point is 1, so sums and comparisons stay exact. */
  maxHalfPoints: count(1),
};

/** A "+ …" line under a sub-item: the deepest level of the table. */
export const subItemPartSchema = z.object(nodeShape);

/** A "- …" line under an item. When it has "+ …" parts, they are scored instead of it. */
export const subItemSchema = z.object({
  ...nodeShape,
  children: z.optional(z.array(subItemPartSchema).check(z.minLength(1))),
});

/** A numbered row of a criterion. When it has sub-items, they are scored instead of it. */
export const scorecardItemSchema = z.object({
  ...nodeShape,
  children: z.optional(z.array(subItemSchema).check(z.minLength(1))),
});

/** A criterion (Tiêu chí); `text` is its sentence-case title from the Đề án's body. */
export const criterionSchema = z.object({
  ...nodeShape,
  /** The title as the table prints it, in capitals, without the "TIÊU CHÍ N: " prefix. */
  tableTitle: nfcText,
  children: z.array(scorecardItemSchema).check(z.minLength(1)),
});

/**
 * Any node of the Section B tree (criterion, item, sub-item, part), so screens and scoring
 * can walk it without knowing its depth. A node without children is a scorable leaf.
 */
export type ScorecardNode = {
  readonly id: string;
  readonly text: string;
  readonly maxHalfPoints: number;
  readonly children?: readonly ScorecardNode[] | undefined;
};

/** Points from half-points in Vietnamese notation, for the messages below: 1 → "0,5". */
const points = (halfPoints: number) => String(halfPoints / 2).replace('.', ',');

/** Problems of one node and its subtree: ids that do not follow positions, sums that differ. */
function treeProblems(node: ScorecardNode): string[] {
  const children = node.children ?? [];
  const problems: string[] = [];
  children.forEach((child, i) => {
    if (child.id !== `${node.id}.${i + 1}`) {
      problems.push(`Mục ${child.id} phải có mã ${node.id}.${i + 1} theo thứ tự trong bảng`);
    }
    problems.push(...treeProblems(child));
  });
  const sum = children.reduce((total, child) => total + child.maxHalfPoints, 0);
  if (children.length > 0 && sum !== node.maxHalfPoints) {
    problems.push(
      `Mục ${node.id}: điểm chuẩn ${points(node.maxHalfPoints)} khác tổng các mục con ${points(sum)}`,
    );
  }
  return problems;
}

/** Section B: the criteria the commune self-scores and the collecting office appraises. */
export const sectionBSchema = z
  .object({
    maxHalfPoints: count(1),
    criteria: z.array(criterionSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((b, ctx) => {
      const problems = b.criteria.flatMap((c, i) => [
        ...(c.id === String(i + 1) ? [] : [`Tiêu chí ${c.id} phải có mã ${i + 1}`]),
        ...treeProblems(c),
      ]);
      const sum = b.criteria.reduce((total, c) => total + c.maxHalfPoints, 0);
      if (sum !== b.maxHalfPoints) {
        problems.push(
          `Tổng điểm các tiêu chí ${points(sum)} khác điểm tối đa mục B ${points(b.maxHalfPoints)}`,
        );
      }
      for (const message of problems) ctx.addIssue(message);
    }),
  );

/** An event that makes a commune "Không đạt chuẩn" for the year whatever its points. */
export const disqualifierSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z-]*$/)),
  /** Copied letter for letter from the province's decision (NFC), without its bullet. */
  text: nfcText,
});

/**
 * The 100-point scorecard of a profile version (Phụ lục 01): Section A from the sheets,
 * Section B appraised, the standings and the disqualifying events. Kept apart from the
 * profile so the kiosk, which never scores a commune, never loads it.
 */
export const scorecardSchema = z
  .object({
    /** The profile version this scorecard belongs to. */
    profileId: z.string(),
    profileVersion: count(1),
    /** Section A: one part per form, each worth that form's maximum sheet score. */
    sectionAMaxPoints: count(1),
    sectionB: sectionBSchema,
    /** Events that disqualify a commune whatever its points (the first standing applies). */
    disqualifiers: z.array(disqualifierSchema),
    maxPoints: count(1),
    /** Standings, lowest first; the first one is also the standing of a disqualified commune. */
    standings: z.array(standingSchema).check(z.minLength(2)),
  })
  .check(
    z.refine(
      (s) =>
        s.standings.every(
          (standing, i, all) =>
            i === 0 || standing.minHalfPoints > (all[i - 1]?.minHalfPoints ?? 0),
        ),
      'Ngưỡng xếp loại phải tăng dần',
    ),
    z.refine(
      (s) => 2 * s.sectionAMaxPoints + s.sectionB.maxHalfPoints === 2 * s.maxPoints,
      'Điểm tối đa mục A cộng mục B phải bằng tổng điểm chuẩn',
    ),
    z.refine(
      (s) => new Set(s.disqualifiers.map((d) => d.id)).size === s.disqualifiers.length,
      'Trường hợp không xét đánh giá trùng mã',
    ),
  );

export type Standing = z.infer<typeof standingSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type SectionB = z.infer<typeof sectionBSchema>;
export type Disqualifier = z.infer<typeof disqualifierSchema>;
export type Scorecard = z.infer<typeof scorecardSchema>;
