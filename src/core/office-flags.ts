import * as z from 'zod/mini';
import { flagThresholdsSchema } from './settings.ts';
import type { Channel, Flag } from './sheet.ts';

/**
 * Flags the collecting office decides itself, from a device's whole stream as it holds it and
 * with its own thresholds, whatever the kiosk was set to. They are kept beside the kiosk's
 * own flags and never drop a sheet; each carries the numbers that say why.
 */
export const officeFlagSchema = z.enum([
  'quick-repeat',
  'burst',
  'identical-run',
  'off-hours',
  'non-resident',
  'phone-surge',
]);
export type OfficeFlag = z.infer<typeof officeFlagSchema>;

/** One flag with what made it: `value` measured on the sheet, `limit` the threshold it crossed. */
export const flagReasonSchema = z.object({
  flag: officeFlagSchema,
  value: z.optional(z.number()),
  limit: z.optional(z.number()),
});
export type FlagReason = z.infer<typeof flagReasonSchema>;

const clock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM'));

/** The office's thresholds (Cài đặt at the office). */
export const officeFlagSettingsSchema = z.object({
  ...flagThresholdsSchema.shape,
  /** Sheets outside these hours (Vietnam time) on these weekdays (0 Sunday … 6 Saturday) are flagged. */
  workingHours: z.object({
    from: clock,
    to: clock,
    days: z.array(z.int().check(z.gte(0), z.lte(6))).check(z.maxLength(7)),
  }),
  /** A day's phone sheets in a commune above max(minimum, factor × its usual day) are flagged. */
  phoneSurgeFactor: z.int().check(z.gte(2), z.lte(50)),
  phoneSurgeMinimum: z.int().check(z.gte(1), z.lte(10_000)),
});
export type OfficeFlagSettings = z.infer<typeof officeFlagSettingsSchema>;

/**
 * Defaults a genuine queue does not trip (test/core/office-flags.test.ts runs a simulated desk
 * through them): the next citizen taps "Bắt đầu" a few seconds after a thank-you but takes
 * half a minute or more to answer, so 20 s between submissions is one person tapping on.
 */
export const defaultOfficeFlagSettings: OfficeFlagSettings = {
  minIntervalSeconds: 20,
  burstWindowSeconds: 600,
  burstCount: 10,
  identicalRunLength: 6,
  workingHours: { from: '07:00', to: '18:00', days: [1, 2, 3, 4, 5, 6] },
  phoneSurgeFactor: 4,
  phoneSurgeMinimum: 30,
};

/** A sheet as the stream rules see it. */
export interface StreamSheet {
  seq: number;
  createdAt: number;
  /** Whether createdAt is known to the second (HTTP, files) or only to the minute (QR). */
  precise: boolean;
  formId: string;
  answers: readonly string[];
  channel: Channel;
  /** The kiosk's own flags, of which only the respondent's "non-resident" answer is a fact. */
  kioskFlags: readonly Flag[];
}

/** How many earlier sheets of the stream the rules look at. */
export function lookBack(settings: OfficeFlagSettings): number {
  return Math.max(settings.burstCount, settings.identicalRunLength, 1);
}

/**
 * The office's flags of `sheet` given the stream's sheets before it (oldest first, at least
 * the last `lookBack` of them where the office has them).
 */
export function streamFlags(
  sheet: StreamSheet,
  prior: readonly StreamSheet[],
  settings: OfficeFlagSettings,
): FlagReason[] {
  const reasons: FlagReason[] = [];
  if (sheet.kioskFlags.includes('non-resident')) reasons.push({ flag: 'non-resident' });

  // Only to the minute (a QR batch), an interval says too little to call it quick.
  const previous = prior.at(-1);
  if (previous && sheet.precise && previous.precise) {
    const seconds = Math.floor((sheet.createdAt - previous.createdAt) / 1000);
    if (seconds < settings.minIntervalSeconds)
      reasons.push({ flag: 'quick-repeat', value: seconds, limit: settings.minIntervalSeconds });
  }

  // Counted in loops, not filtered copies: this runs once a sheet on every delivery.
  const windowStart = sheet.createdAt - settings.burstWindowSeconds * 1000;
  let inWindow = 1;
  for (const s of prior) if (s.createdAt > windowStart) inWindow++;
  if (inWindow > settings.burstCount)
    reasons.push({ flag: 'burst', value: inWindow, limit: settings.burstCount });

  // The last identicalRunLength sheets, numbered straight before this one, all the same.
  const run = settings.identicalRunLength;
  let identical = prior.length >= run;
  for (let back = 1; identical && back <= run; back++) {
    const s = prior[prior.length - back];
    identical =
      s !== undefined &&
      s.seq === sheet.seq - back &&
      s.formId === sheet.formId &&
      sameAnswers(s.answers, sheet.answers);
  }
  if (identical) reasons.push({ flag: 'identical-run', value: run + 1 });

  const minute = minuteOfVnDay(sheet.createdAt);
  const { from, to, days } = settings.workingHours;
  if (!days.includes(vnWeekday(sheet.createdAt)) || minute < minutes(from) || minute >= minutes(to))
    reasons.push({ flag: 'off-hours', value: minute });
  return reasons;
}

/**
 * The phone-surge flag of a phone sheet: `dayCount` phone sheets (this one included) on its
 * day in its commune, against the commune's usual day (`usualDaily`, e.g. the median of its
 * earlier days with phone sheets).
 */
export function phoneSurge(
  dayCount: number,
  usualDaily: number,
  settings: OfficeFlagSettings,
): FlagReason | undefined {
  const limit = Math.max(settings.phoneSurgeMinimum, settings.phoneSurgeFactor * usualDaily);
  return dayCount > limit ? { flag: 'phone-surge', value: dayCount, limit } : undefined;
}

/** The median of the counts (0 for none): a commune's usual day. */
export function usualDay(counts: readonly number[]): number {
  if (counts.length === 0) return 0;
  const sorted = [...counts].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// Vietnam keeps UTC+7 all year: days and weekdays are plain arithmetic (1970-01-01 was a Thursday).
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const minuteOfVnDay = (ms: number) =>
  Math.floor(((((ms + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
const vnWeekday = (ms: number) => (((Math.floor((ms + VN_OFFSET_MS) / DAY_MS) + 4) % 7) + 7) % 7;

function sameAnswers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
