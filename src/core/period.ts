import type { IsoDay, Period } from './settings.ts';

/** Vietnam keeps UTC+7 all year (no daylight saving), so days are computed without a time-zone database. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day in Vietnam of an instant (ms since epoch), as "YYYY-MM-DD". */
export function vnDay(ms: number): IsoDay {
  // Sheets come in time order: the last day's text is nearly always the one asked again.
  const day = vnDayNumber(ms);
  if (day !== lastDay.day)
    lastDay = { day, text: new Date(day * DAY_MS).toISOString().slice(0, 10) };
  return lastDay.text;
}

/** The Vietnam day of an instant as a number (days since 1970-01-01): what vnDay writes out. */
export const vnDayNumber = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
let lastDay = { day: Number.NaN, text: '' };

/** Whether an instant falls on one of the period's days (Vietnam calendar, both ends inclusive). */
export function inPeriod(ms: number, period: Period): boolean {
  const day = vnDay(ms);
  return day >= period.from && day <= period.to;
}

/** The instants a period covers: from the start of its first Vietnam day to the end of its last (exclusive). */
export function periodInstants(period: Period): { start: number; end: number } {
  return {
    start: Date.parse(`${period.from}T00:00:00Z`) - VN_OFFSET_MS,
    end: Date.parse(`${period.to}T00:00:00Z`) - VN_OFFSET_MS + DAY_MS,
  };
}

export interface PeriodPreset {
  id: 'last-full-week' | 'last-five-working-days';
  label: string;
  period: Period;
}

/**
 * The official window is "5 ngày làm việc vào tuần cuối cùng của tháng 11". When November
 * ends early in a week it reads two ways, so both are offered (one when they coincide).
 * No public holiday falls in late November, so working days are Monday to Friday.
 */
export function surveyWeekPresets(year: number): PeriodPreset[] {
  const lastFullWeek = lastFullWorkingWeekOfNovember(year);
  const lastFive = lastFiveWorkingDaysOfNovember(year);
  const presets: PeriodPreset[] = [
    {
      id: 'last-full-week',
      label: `Tuần làm việc cuối cùng trọn vẹn của tháng 11: ${formatPeriod(lastFullWeek)}`,
      period: lastFullWeek,
    },
  ];
  if (lastFive.from !== lastFullWeek.from) {
    presets.push({
      id: 'last-five-working-days',
      label: `5 ngày làm việc cuối cùng của tháng 11: ${formatPeriod(lastFive)}`,
      period: lastFive,
    });
  }
  return presets;
}

/** The line a document states its period on: "Kỳ: 23/11/2026 – 27/11/2026", or every day received. */
export function periodLine(period: Period | null): string {
  return period ? `Kỳ: ${formatPeriod(period)}` : 'Kỳ: mọi ngày đã nhận phiếu';
}

/** "23/11/2026 – 27/11/2026" (one date when the period is a single day). */
export function formatPeriod(period: Period): string {
  const from = formatIsoDay(period.from);
  return period.from === period.to ? from : `${from} – ${formatIsoDay(period.to)}`;
}

/** "2026-11-23" → "23/11/2026". */
export function formatIsoDay(day: IsoDay): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** Midnight UTC of a calendar day (month 1–12). */
export function utcDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

function isWorkingDay(ms: number): boolean {
  const weekday = new Date(ms).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** The UTC calendar day of an instant, as "YYYY-MM-DD". */
export function isoOf(ms: number): IsoDay {
  return new Date(ms).toISOString().slice(0, 10);
}

function lastFullWorkingWeekOfNovember(year: number): Period {
  // Walk back from 30 November to the last Friday whose Monday is still in November.
  let friday = utcDay(year, 11, 30);
  while (new Date(friday).getUTCDay() !== 5) friday -= DAY_MS;
  const monday = friday - 4 * DAY_MS;
  return { from: isoOf(monday), to: isoOf(friday) };
}

function lastFiveWorkingDaysOfNovember(year: number): Period {
  const days: number[] = [];
  for (let d = utcDay(year, 11, 30); days.length < 5; d -= DAY_MS) {
    if (isWorkingDay(d)) days.push(d);
  }
  const first = days.at(-1) ?? utcDay(year, 11, 30);
  const last = days[0] ?? first;
  return { from: isoOf(first), to: isoOf(last) };
}
