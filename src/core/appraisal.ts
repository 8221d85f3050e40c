import * as z from 'zod/mini';
import type { Signer } from './codec/seal.ts';
import { jsonSignatureHolds, signJson } from './codec/signed-json.ts';
import { COMMUNE_CODE } from './commune-code.ts';
import { deviceProblems } from './problems/device.ts';
import { periodSchema } from './settings.ts';
import { deviceIdSchema } from './sheet.ts';

/**
 * Section B of a commune's year (seed 003, "Hướng dẫn chấm điểm"): Bước 1, the commune
 * self-scores each leaf of the Bảng thang chấm điểm with a note (from its kiosk, signed and sent
 * like sheets, or typed at the office from its paper report); Bước 2, the office appraises leaf
 * by leaf beside it, with a reason wherever it differs, may record a disqualifying event, and
 * locks the appraisal; Bước 3, the January decision lists each commune's standing. Every change
 * is kept with who, when, before and after (docs/scoring.md, "Self-score and appraisal").
 */

const leafId = z.string().check(z.regex(/^[1-9][0-9]*(\.[1-9][0-9]*)*$/));
const halfPoints = z.int().check(z.gte(0), z.lte(200));
const text = (max: number) => z.string().check(z.maxLength(max));

/** One leaf of the commune's self-score: the half-points it gives itself, and why. */
export const selfScoreEntrySchema = z.object({
  halfPoints,
  note: z.optional(text(1000)),
});

/** One leaf of the office's appraisal, with the reason it differs from the self-score. */
export const appraisalEntrySchema = z.object({
  halfPoints,
  reason: z.optional(text(1000)),
});

export const selfScoreEntriesSchema = z.record(leafId, selfScoreEntrySchema);
export const appraisalEntriesSchema = z.record(leafId, appraisalEntrySchema);

/** A commune's Section B of one year as the office keeps it. */
export const communeScorecardSchema = z.object({
  communeCode: z.string(),
  year: z.int().check(z.gte(2024), z.lte(2100)),
  profileId: z.string(),
  profileVersion: z.int().check(z.gte(1)),
  /** The days whose sheets make Section A (by default the year's official survey week). */
  period: periodSchema,
  selfScore: z.nullable(
    z.object({
      source: z.enum(['kiosk', 'office']),
      submittedAt: z.int(),
      /** The kiosk that sent it, or the office account that typed it. */
      by: z.string(),
      entries: selfScoreEntriesSchema,
    }),
  ),
  appraisal: appraisalEntriesSchema,
  disqualification: z.nullable(z.object({ id: z.string(), reason: text(1000) })),
  lockedAt: z.nullable(z.int()),
  lockedBy: z.nullable(z.string()),
});

/** One change to a commune's Section B, as its history lists it. */
export const scorecardEventSchema = z.object({
  at: z.int(),
  by: z.string(),
  /** What changed: a leaf's self-score or appraisal, the disqualification, the period, the lock. */
  field: z.enum(['self-score', 'appraisal', 'disqualification', 'period', 'lock', 'unlock']),
  leafId: z.nullable(z.string()),
  before: z.nullable(z.string()),
  after: z.nullable(z.string()),
  reason: z.nullable(z.string()),
});

export type SelfScoreEntries = z.infer<typeof selfScoreEntriesSchema>;
export type AppraisalEntries = z.infer<typeof appraisalEntriesSchema>;
export type CommuneScorecard = z.infer<typeof communeScorecardSchema>;
export type ScorecardEvent = z.infer<typeof scorecardEventSchema>;

/**
 * The self-score a commune's kiosk signs and sends (POST /api/v1/self-scores, or as a file the
 * office imports): docs/formats.md, "Self-score file".
 */
export const SELF_SCORE_FORMAT = 'khao-sat-chinh-quyen-than-thien/self-score';

export const selfScoreFileSchema = z.object({
  format: z.literal(SELF_SCORE_FORMAT),
  version: z.literal(1),
  deviceId: deviceIdSchema,
  communeCode: z
    .string()
    .check(z.regex(COMMUNE_CODE, deviceProblems['commune.code-digits'].message)),
  year: z.int().check(z.gte(2024), z.lte(2100)),
  profileId: z.string(),
  profileVersion: z.int().check(z.gte(1)),
  submittedAt: z.int().check(z.gte(0)),
  entries: selfScoreEntriesSchema,
  signature: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'Chữ ký không hợp lệ')),
});

export type SelfScoreFile = z.infer<typeof selfScoreFileSchema>;

export const signSelfScoreFile = (sign: Signer, file: Omit<SelfScoreFile, 'signature'>) =>
  signJson(sign, selfScoreFileSchema, file);

export const selfScoreSignatureHolds = (sign: Signer, file: SelfScoreFile) =>
  jsonSignatureHolds(sign, selfScoreFileSchema, file);
