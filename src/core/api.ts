import * as z from 'zod/mini';
import {
  accountChangeSchema,
  accountSchema,
  auditLogSchema,
  enrolledKioskSchema,
  enrolmentCodeSchema,
  enrolmentRedeemSchema,
  enrolmentRequestSchema,
  enrolmentRowSchema,
  firstAdminSchema,
  newAccountSchema,
  sessionSchema,
  signInSchema,
} from './accounts.ts';
import {
  appraisalEntriesSchema,
  communeScorecardSchema,
  scorecardEventSchema,
  selfScoreEntriesSchema,
  selfScoreFileSchema,
} from './appraisal.ts';
import { COMMUNE_CODE } from './commune-code.ts';
import { communeFiguresSchema } from './commune-figures.ts';
import { flagReasonSchema, officeFlagSettingsSchema } from './office-flags.ts';
import { claimSchema, phoneSubmissionSchema } from './phone/phone-sheet.ts';
import { deviceProblems } from './problems/device.ts';
import { formIdSchema } from './profile/schema.ts';
import { communeStandingSchema, standingSettingsSchema } from './scoring/commune-standing.ts';
import { flagThresholdsSchema, periodSchema } from './settings.ts';
import { deviceIdSchema } from './sheet.ts';

/** POST /api/v1/kiosks — the collecting office registers a kiosk (docs/api.md). */
export const kioskRegistrationSchema = z.object({
  deviceId: deviceIdSchema,
  communeCode: z
    .string()
    .check(z.regex(COMMUNE_CODE, deviceProblems['commune.code-digits'].message)),
  communeName: z.string().check(z.minLength(1), z.maxLength(120)),
  label: z.string().check(z.maxLength(80)),
});

/** The answer to a registration: the kiosk's key, shown once (base64url of 32 bytes). */
export const kioskCredentialsSchema = z.object({
  deviceId: deviceIdSchema,
  key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});

/** The answer to POST /api/v1/batches. */
export const ingestResultSchema = z.object({
  deviceId: deviceIdSchema,
  /** Sequence numbers stored by this request. */
  received: z.array(z.int()),
  /** Sequence numbers the collector already had, with the same content. */
  duplicates: z.array(z.int()),
  /** The collector's clock when it stored them (ms since epoch), for the kiosk's clock check. */
  serverTime: z.int(),
});

export type KioskRegistration = z.infer<typeof kioskRegistrationSchema>;
export type KioskCredentials = z.infer<typeof kioskCredentialsSchema>;
export type IngestResult = z.infer<typeof ingestResultSchema>;

const whole = z.int().check(z.gte(0));
const instant = z.nullable(whole);

/** Sequence numbers the office has not received, with the times of the sheets either side. */
export const sequenceGapSchema = z.object({
  from: whole,
  to: whole,
  /** When the sheet just before the gap was submitted (device clock); null before seq 1. */
  after: instant,
  /** When the sheet just after it was submitted; null when none has arrived yet. */
  before: instant,
});

/** Where the office's recomputation of a kiosk's chain disagreed with a link the kiosk sent. */
export const chainBreakSchema = z.object({ seq: whole, detectedAt: whole });

/** A kiosk's flag thresholds as they reached the office, and from which sheet on. */
export const thresholdChangeSchema = z.object({
  seenAt: whole,
  firstSeq: whole,
  thresholds: flagThresholdsSchema,
});

/** One kiosk or printed desk QR in GET /api/v1/kiosks (docs/api.md, "What each kiosk did"). */
export const kioskRowSchema = z.object({
  deviceId: deviceIdSchema,
  kind: z.enum(['kiosk', 'desk']),
  communeCode: z.string(),
  communeName: z.string(),
  label: z.string(),
  registeredAt: whole,
  /** The first 8 bytes of SHA-256 of its key, in groups of four hex digits. */
  keyFingerprint: z.string(),
  state: z.enum(['active', 'revoked']),
  revokedAt: instant,
  revocationReason: z.nullable(z.string()),
  /** A desk: the forms its tokens may be for. */
  forms: z.array(formIdSchema),
  /** Sheets of its own (a kiosk), and phone sheets answered on its tokens. */
  sheets: whole,
  phoneSheets: whole,
  firstSheet: z.nullable(z.object({ seq: whole, createdAt: whole })),
  lastSheet: z.nullable(z.object({ seq: whole, createdAt: whole })),
  /** The office's clock when a delivery of its sheets last arrived. */
  lastContactAt: instant,
  /** The kiosk's clock minus the office's at its last HTTP delivery, in ms. */
  clockSkewMs: z.nullable(z.int()),
  missing: z.array(sequenceGapSchema),
  missingCount: whole,
  chain: z.object({
    /** The office has every sheet 1…verifiedThrough and computed the chain over them. */
    verifiedThrough: whole,
    /** Links the kiosk sent that the office cannot check yet (sheets before them are missing). */
    pendingClaims: whole,
    breaks: z.array(chainBreakSchema),
  }),
  thresholds: z.array(thresholdChangeSchema),
  officeFlagged: whole,
  kioskFlagged: whole,
});

export const kioskRegistrySchema = z.array(kioskRowSchema);

/** POST /api/v1/kiosks/:deviceId/revocation */
export const revocationSchema = z.object({
  reason: z.string().check(z.minLength(1), z.maxLength(500)),
});

/** A stored row that does not pass the gate (left by an older build): counted apart, listed. */
export const setAsideRowSchema = z.object({
  channel: z.string(),
  deviceId: z.string(),
  seq: whole,
  communeCode: z.string(),
  receivedAt: whole,
  code: z.string(),
  reason: z.string(),
});

/** The office's decision on a sheet it reviewed: counted, or set aside, with why. */
export const sheetReviewSchema = z.object({
  decision: z.enum(['counted', 'excluded']),
  reason: z.string().check(z.minLength(1), z.maxLength(1000)),
});

/** A sheet the office flagged, with why, and its decision on it (GET /api/v1/flagged). */
export const flaggedSheetSchema = z.object({
  channel: z.enum(['kiosk', 'phone']),
  deviceId: z.string(),
  seq: whole,
  formId: formIdSchema,
  createdAt: whole,
  reasons: z.array(flagReasonSchema),
  review: z.nullable(z.object({ ...sheetReviewSchema.shape, by: z.string(), at: whole })),
});

/** What a respondent wrote (GET /api/v1/comments): reasons for Trung bình/Yếu, the suggestion box. */
export const commentSchema = z.object({
  channel: z.enum(['kiosk', 'phone']),
  deviceId: z.string(),
  seq: whole,
  formId: formIdSchema,
  createdAt: whole,
  /** By question number, "1"…"5". */
  reasons: z.record(z.string(), z.string()),
  suggestion: z.nullable(z.string()),
  /** Name and address, only for those allowed to read them and only when asked. */
  respondent: z.nullable(z.object({ name: z.string(), address: z.string() })),
});

/** How long the collector keeps personal data after a sheet was submitted. */
export const retentionSchema = z.object({ days: z.int().check(z.gte(1), z.lte(3660)) });

/** One month of a commune's trend: the figures of the month (GET /api/v1/communes/:code/months). */
export const monthFiguresSchema = z.object({
  period: periodSchema,
  figures: communeFiguresSchema,
});

export type SequenceGap = z.infer<typeof sequenceGapSchema>;
export type FlaggedSheet = z.infer<typeof flaggedSheetSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type Retention = z.infer<typeof retentionSchema>;
export type KioskRow = z.infer<typeof kioskRowSchema>;
export type SetAsideRow = z.infer<typeof setAsideRowSchema>;

/** The answer to a revocation. */
export const revocationResultSchema = z.object({
  deviceId: deviceIdSchema,
  revokedAt: z.nullable(whole),
  reason: z.nullable(z.string()),
});

/** POST /api/v1/desks — a printed desk QR for a commune without a kiosk. */
export const deskSchema = z.object({
  communeCode: z
    .string()
    .check(z.regex(COMMUNE_CODE, deviceProblems['commune.code-digits'].message)),
  communeName: z.string().check(z.minLength(1), z.maxLength(120)),
  label: z.string().check(z.maxLength(80)),
});

/** PUT /api/v1/desks/:deviceId/forms — the forms a desk's tokens may be for. */
export const deskFormsSchema = z.object({
  forms: z.array(formIdSchema).check(z.minLength(1), z.maxLength(2)),
});

/**
 * The answer to POST /api/v1/self-scores: `received` (201) when the file is newer than the
 * self-score the office holds, `duplicate` (200) when it is the same file or an older one.
 */
export const selfScoreReceiptSchema = z.object({ status: z.enum(['received', 'duplicate']) });

export type SelfScoreReceipt = z.infer<typeof selfScoreReceiptSchema>;

/** GET /api/v1/communes: the figures of every commune over the period asked (null: every day). */
export const communesResponseSchema = z.object({
  period: z.nullable(periodSchema),
  communes: z.array(communeFiguresSchema),
});

/** GET /api/v1/scorecards/:commune/:year and every change to it: the record, its standing, its history. */
export const scorecardViewSchema = z.object({
  scorecard: communeScorecardSchema,
  standing: z.nullable(communeStandingSchema),
  events: z.array(scorecardEventSchema),
});

/** PUT …/disqualification: one of the scorecard's disqualifying events with why, or none. */
export const disqualificationSchema = z.object({
  id: z.nullable(z.string()),
  reason: z.string().check(z.maxLength(1000)),
});

/** GET /api/v1/standings?year: every commune's standing of a year, ranked, and the settings used. */
export const standingsResponseSchema = z.object({
  year: z.int(),
  settings: standingSettingsSchema,
  standings: z.array(communeStandingSchema),
});

/** POST …/unlock: why a locked appraisal is opened again. */
export const unlockSchema = z.object({
  reason: z.string().check(z.minLength(1), z.maxLength(1000)),
});

export type ScorecardView = z.infer<typeof scorecardViewSchema>;
export type StandingsResponse = z.infer<typeof standingsResponseSchema>;

/** GET /api/v1/time: the collector's clock (ms since epoch), read before a kiosk issues a phone token. */
export const collectorTimeSchema = z.object({ serverTime: z.int() });

/** What a phone (or the kiosk polling its code) is told of a usable token (GET/POST …/phone-tokens/:token). */
export const phoneTokenStatusSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  formId: z.enum(['citizen', 'cadre']),
  expiresAt: z.int(),
  serverTime: z.optional(z.int()),
});

/** The answer to POST /api/v1/phone-sheets: 201 received, 200 a sheet it already had. */
export const phoneSheetReceiptSchema = z.object({
  status: z.enum(['received', 'duplicate']),
  serverTime: z.optional(z.int()),
});

/** POST /api/v1/desks/:deviceId/tokens: a fresh token for one scan of a printed desk QR. */
export const deskTokenSchema = z.object({ token: z.string(), communeName: z.string() });

export type PhoneTokenStatus = z.infer<typeof phoneTokenStatusSchema>;
export type PhoneSheetReceipt = z.infer<typeof phoneSheetReceiptSchema>;
export type DeskToken = z.infer<typeof deskTokenSchema>;

/**
 * The routes the browser calls, each with the schema of what it sends and of what a success
 * answers: the contract of the one typed client (src/transport/collector-api.ts). Every
 * refusal is a catalogue problem `{ code, message, … }` (docs/api.md).
 */
export const collectorRoutes = {
  registerKiosk: {
    method: 'POST',
    path: '/api/v1/kiosks',
    request: kioskRegistrationSchema,
    response: kioskCredentialsSchema,
  },
  kiosks: { method: 'GET', path: '/api/v1/kiosks', response: kioskRegistrySchema },
  revokeKiosk: {
    method: 'POST',
    path: '/api/v1/kiosks/:deviceId/revocation',
    request: revocationSchema,
    response: revocationResultSchema,
  },
  createDesk: {
    method: 'POST',
    path: '/api/v1/desks',
    request: deskSchema,
    response: z.object({ deviceId: deviceIdSchema, path: z.string() }),
  },
  deskForms: {
    method: 'PUT',
    path: '/api/v1/desks/:deviceId/forms',
    request: deskFormsSchema,
    response: z.object({ deviceId: deviceIdSchema, forms: z.array(formIdSchema) }),
  },
  /** A kiosk's sealed batch (raw bytes); its seal is its credential. */
  deliverBatch: { method: 'POST', path: '/api/v1/batches', response: ingestResultSchema },
  // Phone mode (docs/api.md, "Phone mode"): the token is the credential.
  time: { method: 'GET', path: '/api/v1/time', response: collectorTimeSchema },
  phoneToken: {
    method: 'GET',
    path: '/api/v1/phone-tokens/:token',
    response: phoneTokenStatusSchema,
  },
  claimPhoneToken: {
    method: 'POST',
    path: '/api/v1/phone-tokens/:token/claims',
    request: z.object({ claim: claimSchema }),
    response: phoneTokenStatusSchema,
  },
  sendPhoneSheet: {
    method: 'POST',
    path: '/api/v1/phone-sheets',
    request: phoneSubmissionSchema,
    response: phoneSheetReceiptSchema,
  },
  deskToken: {
    method: 'POST',
    path: '/api/v1/desks/:deviceId/tokens',
    request: z.object({ formId: formIdSchema }),
    response: deskTokenSchema,
  },
  importFile: { method: 'POST', path: '/api/v1/imports', response: ingestResultSchema },
  communes: { method: 'GET', path: '/api/v1/communes', response: communesResponseSchema },
  /** A kiosk's signed self-score of Section B (Bước 1); its key is its credential. */
  sendSelfScore: {
    method: 'POST',
    path: '/api/v1/self-scores',
    request: selfScoreFileSchema,
    response: selfScoreReceiptSchema,
  },
  setAside: { method: 'GET', path: '/api/v1/set-aside', response: z.array(setAsideRowSchema) },
  flagged: { method: 'GET', path: '/api/v1/flagged', response: z.array(flaggedSheetSchema) },
  reviewSheet: {
    method: 'PUT',
    path: '/api/v1/sheets/:channel/:deviceId/:seq/review',
    request: sheetReviewSchema,
    response: z.object({ status: z.literal('reviewed') }),
  },
  comments: { method: 'GET', path: '/api/v1/comments', response: z.array(commentSchema) },
  months: {
    method: 'GET',
    path: '/api/v1/communes/:communeCode/months',
    response: z.array(monthFiguresSchema),
  },
  retention: { method: 'GET', path: '/api/v1/settings/retention', response: retentionSchema },
  saveRetention: {
    method: 'PUT',
    path: '/api/v1/settings/retention',
    request: retentionSchema,
    response: retentionSchema,
  },
  /** A kiosk's signed self-score (src/core/appraisal.ts); its signature is its credential. */
  flagSettings: {
    method: 'GET',
    path: '/api/v1/settings/flags',
    response: officeFlagSettingsSchema,
  },
  saveFlagSettings: {
    method: 'PUT',
    path: '/api/v1/settings/flags',
    request: officeFlagSettingsSchema,
    response: officeFlagSettingsSchema,
  },
  // The office's accounts, sessions, audit log and enrolment codes (docs/api.md).
  session: { method: 'GET', path: '/api/v1/session', response: sessionSchema },
  signIn: {
    method: 'POST',
    path: '/api/v1/session',
    request: signInSchema,
    response: sessionSchema,
  },
  signOut: { method: 'DELETE', path: '/api/v1/session', response: z.unknown() },
  createFirstAdmin: {
    method: 'POST',
    path: '/api/v1/accounts/first',
    request: firstAdminSchema,
    response: sessionSchema,
  },
  accounts: { method: 'GET', path: '/api/v1/accounts', response: z.array(accountSchema) },
  createAccount: {
    method: 'POST',
    path: '/api/v1/accounts',
    request: newAccountSchema,
    response: accountSchema,
  },
  changeAccount: {
    method: 'PATCH',
    path: '/api/v1/accounts/:username',
    request: accountChangeSchema,
    response: accountSchema,
  },
  audit: { method: 'GET', path: '/api/v1/audit', response: auditLogSchema },
  createEnrolment: {
    method: 'POST',
    path: '/api/v1/enrolments',
    request: enrolmentRequestSchema,
    response: enrolmentCodeSchema,
  },
  enrolments: { method: 'GET', path: '/api/v1/enrolments', response: z.array(enrolmentRowSchema) },
  /** The tablet gives its one-time code; the code is its credential. */
  redeemEnrolment: {
    method: 'POST',
    path: '/api/v1/enrolments/redeem',
    request: enrolmentRedeemSchema,
    response: enrolledKioskSchema,
  },
  scorecard: {
    method: 'GET',
    path: '/api/v1/scorecards/:communeCode/:year',
    response: scorecardViewSchema,
  },
  /** The office types the commune's paper report (Bước 1): the whole self-score at once. */
  saveSelfScore: {
    method: 'PUT',
    path: '/api/v1/scorecards/:communeCode/:year/self-score',
    request: z.object({ entries: selfScoreEntriesSchema }),
    response: scorecardViewSchema,
  },
  /** The office's appraisal (Bước 2), merged leaf by leaf; a reason wherever it differs (400.23). */
  saveAppraisal: {
    method: 'PUT',
    path: '/api/v1/scorecards/:communeCode/:year/appraisal',
    request: z.object({ entries: appraisalEntriesSchema }),
    response: scorecardViewSchema,
  },
  setDisqualification: {
    method: 'PUT',
    path: '/api/v1/scorecards/:communeCode/:year/disqualification',
    request: disqualificationSchema,
    response: scorecardViewSchema,
  },
  setScorecardPeriod: {
    method: 'PUT',
    path: '/api/v1/scorecards/:communeCode/:year/period',
    request: periodSchema,
    response: scorecardViewSchema,
  },
  lockScorecard: {
    method: 'POST',
    path: '/api/v1/scorecards/:communeCode/:year/lock',
    response: scorecardViewSchema,
  },
  unlockScorecard: {
    method: 'POST',
    path: '/api/v1/scorecards/:communeCode/:year/unlock',
    request: unlockSchema,
    response: scorecardViewSchema,
  },
  standings: { method: 'GET', path: '/api/v1/standings', response: standingsResponseSchema },
  standingSettings: {
    method: 'GET',
    path: '/api/v1/settings/standing',
    response: standingSettingsSchema,
  },
  saveStandingSettings: {
    method: 'PUT',
    path: '/api/v1/settings/standing',
    request: standingSettingsSchema,
    response: standingSettingsSchema,
  },
} as const;

export type CollectorRoutes = typeof collectorRoutes;
export type RouteName = keyof CollectorRoutes;
