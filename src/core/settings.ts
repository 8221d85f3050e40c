import * as z from 'zod/mini';
import { deviceProblems } from './problems/device.ts';
import { formIdSchema } from './profile/schema.ts';

/** A calendar day as "YYYY-MM-DD" (local to the commune). */
export const isoDaySchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD'),
  // A day that exists: 2026-02-30 is not one.
  z.refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'Ngày không có thật'),
);

/** The survey period: inclusive first and last day. */
export const periodSchema = z
  .object({ from: isoDaySchema, to: isoDaySchema })
  .check(z.refine((p) => p.from <= p.to, 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc'));

const seconds = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/**
 * The abuse-guard knobs a kiosk flags its sheets with; they travel with its batches and
 * files, so the office sees what the kiosk was set to (docs/formats.md).
 */
export const flagThresholdsSchema = z.object({
  /** A sheet submitted sooner than this after the previous one is flagged "quick-repeat". */
  minIntervalSeconds: seconds(0, 3600),
  /** More than burstCount sheets within burstWindowSeconds are flagged "burst". */
  burstWindowSeconds: seconds(60, 86_400),
  burstCount: seconds(2, 1000),
  /** A sheet with the same answers as this many sheets just before it is flagged "identical-run". */
  identicalRunLength: seconds(2, 100),
});

/** Timing and abuse-guard knobs, in seconds unless named otherwise. */
export const kioskTimingSchema = z.object({
  /** Pause mid-sheet before the "continue?" countdown appears. */
  idleSeconds: seconds(10, 600),
  /** Length of the visible countdown before an unfinished sheet is discarded. */
  idleCountdownSeconds: seconds(5, 120),
  /** How long the thank-you screen stays before returning to start. */
  thankYouSeconds: seconds(2, 60),
  ...flagThresholdsSchema.shape,
});

export const kioskSettingsSchema = z.object({
  schemaVersion: z.literal(1),
  profileId: z.string(),
  profileVersion: z.int().check(z.gte(1)),
  communeName: z.string().check(z.maxLength(120)),
  communeCode: z
    .string()
    .check(z.regex(/^\d{0,8}$/, deviceProblems['commune.code-digits'].message)),
  kioskLabel: z.string().check(z.maxLength(80)),
  /** The collecting office, named from configuration (a district, a department, the commune itself). */
  collectorName: z.string().check(z.maxLength(160)),
  /** Which form the kiosk shows: citizen at the desk, cadre at hamlet meetings. */
  formId: formIdSchema,
  period: periodSchema,
  askResidency: z.boolean(),
  timing: kioskTimingSchema,
  /** Phone mode: the start screen offers a QR; absent on settings saved before it existed (= defaults). */
  phoneQr: z.optional(
    z.object({
      enabled: z.boolean(),
      /** How long a phone may take from scanning to sending (phone token lifetime). */
      tokenMinutes: z.int().check(z.gte(1), z.lte(120)),
    }),
  ),
  /** The admin area's idle lock; absent on settings saved before it existed (= defaults). */
  adminLock: z.optional(
    z.object({
      /** Seconds without input before the admin area returns to the survey (the last ones counted down). */
      idleSeconds: seconds(30, 1800),
    }),
  ),
});

export const defaultPhoneQr = { enabled: true, tokenMinutes: 15 };

export const defaultAdminLock = { idleSeconds: 120 };

/** The admin idle lock in force (the default for settings saved before it existed). */
export const adminLockOf = (settings: KioskSettings) => settings.adminLock ?? defaultAdminLock;

/** The phone QR settings in force (defaults for settings saved before phone mode). */
export const phoneQrOf = (settings: KioskSettings) => settings.phoneQr ?? defaultPhoneQr;

export type IsoDay = z.infer<typeof isoDaySchema>;
export type Period = z.infer<typeof periodSchema>;
export type FlagThresholds = z.infer<typeof flagThresholdsSchema>;
export type KioskTiming = z.infer<typeof kioskTimingSchema>;

/** The flag thresholds among a kiosk's timing settings. */
export function flagThresholdsOf(timing: FlagThresholds): FlagThresholds {
  const { minIntervalSeconds, burstWindowSeconds, burstCount, identicalRunLength } = timing;
  return { minIntervalSeconds, burstWindowSeconds, burstCount, identicalRunLength };
}
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;

export const defaultTiming: KioskTiming = {
  idleSeconds: 60,
  idleCountdownSeconds: 20,
  thankYouSeconds: 6,
  minIntervalSeconds: 20,
  burstWindowSeconds: 600,
  burstCount: 10,
  identicalRunLength: 5,
};
