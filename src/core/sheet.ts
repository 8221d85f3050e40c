import * as z from 'zod/mini';
import { formIdSchema } from './profile/schema.ts';

/**
 * A sheet: one respondent's answers. Identity is (deviceId, seq): each device
 * numbers its sheets 1, 2, 3… without gaps, so a missing number shows at the office.
 * Stored answers are level ids of the profile named on the sheet; scores are always
 * recomputed from them, never stored.
 */

const wholeAtLeast = (min: number) => z.int().check(z.gte(min));

export const deviceIdSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{16}$/, 'Mã thiết bị không hợp lệ'));

/** Why a sheet is flagged. Flagged sheets are kept and counted; the office sees them beside raw counts. */
export const flagSchema = z.enum([
  /** The respondent said they do not regularly reside in the commune. */
  'non-resident',
  /** Submitted within the minimum interval after the previous sheet on this device. */
  'quick-repeat',
  /** One of too many sheets submitted on this device within a short window. */
  'burst',
  /** Same answers as the sheets just before it on this device. */
  'identical-run',
]);

export const consentSchema = z.object({
  /** Version of the privacy notice the respondent agreed to. */
  noticeVersion: wholeAtLeast(1),
  /** When the box was ticked (device clock, ms since epoch). */
  at: wholeAtLeast(0),
});

export const respondentSchema = z.object({
  name: z.string().check(z.maxLength(200)),
  address: z.string().check(z.maxLength(300)),
  consent: consentSchema,
});

/** Where the sheet was answered. */
export const channelSchema = z.enum(['kiosk', 'phone']);

export const sheetSchema = z.object({
  deviceId: deviceIdSchema,
  seq: wholeAtLeast(1),
  profileId: z.string(),
  profileVersion: wholeAtLeast(1),
  formId: formIdSchema,
  formVersion: wholeAtLeast(1),
  channel: channelSchema,
  /** One level id per question, in question order. */
  answers: z.array(z.string()).check(z.minLength(1), z.maxLength(10)),
  /** Device clock, ms since epoch, when the respondent pressed start. */
  startedAt: wholeAtLeast(0),
  /** Device clock, ms since epoch, when the sheet was submitted. */
  createdAt: wholeAtLeast(0),
  /** Optional follow-up reasons keyed by question number (answers Trung bình or Yếu). Personal data. */
  reasons: z.optional(z.record(z.string(), z.string().check(z.maxLength(500)))),
  /** Only present when the respondent ticked the consent box. Personal data. */
  respondent: z.optional(respondentSchema),
  /** Hộp thư góp ý: optional free text. Personal data. */
  suggestion: z.optional(z.string().check(z.maxLength(2000))),
  flags: z.array(flagSchema),
});

export type DeviceId = z.infer<typeof deviceIdSchema>;
export type Flag = z.infer<typeof flagSchema>;
export type Consent = z.infer<typeof consentSchema>;
export type Respondent = z.infer<typeof respondentSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Sheet = z.infer<typeof sheetSchema>;

/** What the kiosk hands to storage: a sheet before the device gives it an identity and flags. */
export type SheetDraft = Omit<Sheet, 'deviceId' | 'seq' | 'flags'> & {
  /** The residency question was answered "no"; undefined when it was not asked. */
  nonResident?: boolean;
};

/** The identity key of a sheet, e.g. "3f2a…:17". */
export function sheetKey(sheet: Pick<Sheet, 'deviceId' | 'seq'>): string {
  return `${sheet.deviceId}:${sheet.seq}`;
}

/** Whether a sheet carries anything personal: name/address, reasons or a suggestion. */
export function hasPersonalData(
  sheet: Pick<Sheet, 'respondent' | 'reasons' | 'suggestion'>,
): boolean {
  return (
    sheet.respondent !== undefined || sheet.reasons !== undefined || sheet.suggestion !== undefined
  );
}
