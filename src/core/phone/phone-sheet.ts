import * as z from 'zod/mini';
import { formIdSchema } from '../profile/schema.ts';
import { respondentSchema, type Sheet, sheetSchema } from '../sheet.ts';
import type { PhoneToken } from './token.ts';

/**
 * What a phone sends: its token and the sheet as answered, without identity or flags.
 * The collector gives the sheet its identity from the token — device id = the token's
 * nonce, seq = 1 — so one token can only ever make one sheet, whichever path it takes.
 */
const whole = z.int().check(z.gte(0));

export const phoneAnswersSchema = z.object({
  profileId: z.string().check(z.maxLength(60)),
  profileVersion: z.int().check(z.gte(1)),
  formId: formIdSchema,
  formVersion: z.int().check(z.gte(1)),
  answers: z.array(z.string().check(z.maxLength(40))).check(z.minLength(1), z.maxLength(10)),
  startedAt: whole,
  createdAt: whole,
  /** The residency question was answered "no". */
  nonResident: z.optional(z.boolean()),
  reasons: z.optional(z.record(z.string(), z.string().check(z.maxLength(500)))),
  respondent: z.optional(respondentSchema),
  suggestion: z.optional(z.string().check(z.maxLength(2000))),
});

/** The secret a phone claimed its token with (16 random bytes, base64url). */
export const claimSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));

export const phoneSubmissionSchema = z.object({
  token: z.string().check(z.maxLength(80)),
  /** Present when the phone claimed the token on opening; the kiosk relays it from the answer QR. */
  claim: z.optional(claimSchema),
  sheet: phoneAnswersSchema,
});

export type PhoneAnswers = z.infer<typeof phoneAnswersSchema>;
export type PhoneSubmission = z.infer<typeof phoneSubmissionSchema>;

/** The sheet a phone submission stands for; invalid answers make it fail the sheet schema. */
export function phoneSheetOf(token: PhoneToken, answers: PhoneAnswers): Sheet {
  const { nonResident, ...rest } = answers;
  return sheetSchema.parse({
    ...rest,
    deviceId: token.nonce,
    seq: 1,
    channel: 'phone',
    flags: nonResident ? ['non-resident'] : [],
  });
}
