import * as z from 'zod/mini';

/**
 * A survey profile (forms, answer levels, points) and its scorecard (sections, standings) as data.
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

/**
 * A survey profile: the forms and answer levels a sheet is answered and scored on. What the
 * kiosk and the phone need, and no more (the scorecard below is the office's).
 */
export const profileSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    version: count(1),
    name: nfcText,
    /**
     * Levels in the order they are shown: best first. At most four: the answer QR of phone
     * mode codes an answer in 2 bits (src/core/phone/answer-qr.ts).
     */
    levels: z.array(levelSchema).check(z.minLength(2), z.maxLength(4)),
    forms: z.array(formSchema).check(z.minLength(1)),
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
  );

export type Level = z.infer<typeof levelSchema>;
export type Question = z.infer<typeof questionSchema>;
export type FormId = z.infer<typeof formIdSchema>;
export type Form = z.infer<typeof formSchema>;
export type Profile = z.infer<typeof profileSchema>;
