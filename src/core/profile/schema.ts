import * as z from 'zod/mini';

/**
 * A survey profile: forms, answer levels, points and scorecard thresholds as data.
 * Every stored sheet names the profile and form version it was answered on, so a
 * later profile never re-scores old sheets (docs/profiles.md).
 *
 * Schemas in src/core use zod/mini: the full zod API alone would eat the kiosk's
 * 30 KB initial-bundle budget.
 */

export const nfcText = z.string().check(
  z.minLength(1),
  z.refine((s) => s === s.normalize('NFC'), 'Văn bản phải ở dạng Unicode NFC'),
);

const count = (min: number, max?: number) =>
  max === undefined ? z.int().check(z.gte(min)) : z.int().check(z.gte(min), z.lte(max));

/** Points are kept as whole half-points: Tốt = 4, Khá = 2, Trung bình = 1, Yếu = 0. */
export const levelSchema = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z-]*$/)),
  label: nfcText,
  halfPoints: count(0, 20),
  /** Counted in the satisfaction rate (the share of Tốt + Khá answers). */
  satisfied: z.boolean(),
});

export const questionSchema = z.object({
  number: count(1),
  /** Full text as printed on the official form, without the "Câu N:" prefix. */
  text: nfcText,
  /**
   * A few words of the text itself naming what the question is about, for lists where the
   * whole text does not fit (the review screen, table headers). Always a part of `text`.
   */
  topic: nfcText,
});

export const formIdSchema = z.enum(['citizen', 'cadre']);

export const formSchema = z.object({
  id: formIdSchema,
  version: count(1),
  /** The annex the form comes from, e.g. "Phụ lục 02". */
  annex: nfcText,
  title: nfcText,
  audience: nfcText,
  instruction: nfcText,
  questions: z.array(questionSchema).check(z.minLength(1), z.maxLength(10)),
});

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

export const profileSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    version: count(1),
    name: nfcText,
    /** Levels in the order they are shown: best first. */
    levels: z.array(levelSchema).check(z.minLength(2)),
    forms: z.array(formSchema).check(z.minLength(1)),
    scorecard: z.object({
      /** Section A: one part per form, each worth that form's maximum sheet score. */
      sectionAMaxPoints: count(1),
      sectionB: sectionBSchema,
      /** Events that disqualify a commune whatever its points (the first standing applies). */
      disqualifiers: z.array(disqualifierSchema),
      maxPoints: count(1),
      /** Standings, lowest first; the first one is also the standing of a disqualified commune. */
      standings: z.array(standingSchema).check(z.minLength(2)),
    }),
  })
  .check(
    z.refine(
      (p) => new Set(p.levels.map((l) => l.id)).size === p.levels.length,
      'Mức trả lời trùng mã',
    ),
    z.refine(
      (p) =>
        p.forms.every((f) =>
          f.questions.every((q) => q.text.toLowerCase().includes(q.topic.toLowerCase())),
        ),
      'Chủ đề câu hỏi phải là một phần của câu hỏi',
    ),
    z.refine(
      (p) =>
        p.scorecard.standings.every(
          (s, i, all) => i === 0 || s.minHalfPoints > (all[i - 1]?.minHalfPoints ?? 0),
        ),
      'Ngưỡng xếp loại phải tăng dần',
    ),
    z.refine(
      (p) =>
        2 * p.scorecard.sectionAMaxPoints + p.scorecard.sectionB.maxHalfPoints ===
        2 * p.scorecard.maxPoints,
      'Điểm tối đa mục A cộng mục B phải bằng tổng điểm chuẩn',
    ),
    z.refine(
      (p) =>
        new Set(p.scorecard.disqualifiers.map((d) => d.id)).size ===
        p.scorecard.disqualifiers.length,
      'Trường hợp không xét đánh giá trùng mã',
    ),
  );

export type Level = z.infer<typeof levelSchema>;
export type Question = z.infer<typeof questionSchema>;
export type FormId = z.infer<typeof formIdSchema>;
export type Form = z.infer<typeof formSchema>;
export type Standing = z.infer<typeof standingSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type SectionB = z.infer<typeof sectionBSchema>;
export type Disqualifier = z.infer<typeof disqualifierSchema>;
export type Profile = z.infer<typeof profileSchema>;
