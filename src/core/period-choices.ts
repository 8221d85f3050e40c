import { DAY_MS, formatPeriod, isoOf, surveyWeekPresets, utcDay } from './period.ts';
import type { IsoDay, Period } from './settings.ts';

/**
 * The periods the office's and the admin's screens offer, and the months of a period: apart
 * from period.ts, which the kiosk's first screen loads, since only those screens need them.
 */

/** A choice of period as the screens offer it: a label that names its dates, null for every day. */
export interface PeriodChoice {
  id: string;
  label: string;
  period: Period | null;
}

const dayMs = (day: IsoDay) => Date.parse(`${day}T00:00:00Z`);
const shift = (day: IsoDay, days: number): IsoDay => isoOf(dayMs(day) + days * DAY_MS);
const lastDayOfMonth = (year: number, month: number): IsoDay => isoOf(utcDay(year, month + 1, 0));
const labelled = (id: string, name: string, period: Period): PeriodChoice => ({
  id,
  label: `${name}: ${formatPeriod(period)}`,
  period,
});

/**
 * The periods an officer or a commune picks from, around `today` (a Vietnam day): today, this
 * week (Monday to Sunday), this and last month, this quarter, this year, and the year's
 * official survey window both ways it reads; "any range" is the screens' own.
 */
export function periodChoices(
  today: IsoDay,
  options: { includeToday?: boolean } = {},
): PeriodChoice[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const weekday = (new Date(dayMs(today)).getUTCDay() + 6) % 7; // Monday 0
  const monday = shift(today, -weekday);
  const quarter = Math.floor((month - 1) / 3);
  const lastMonth = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
  const pad = (n: number) => String(n).padStart(2, '0');
  return [
    { id: 'all', label: 'Tất cả các ngày', period: null },
    ...(options.includeToday ? [labelled('today', 'Hôm nay', { from: today, to: today })] : []),
    labelled('week', 'Tuần này', { from: monday, to: shift(monday, 6) }),
    labelled('month', `Tháng ${month}/${year}`, {
      from: `${year}-${pad(month)}-01`,
      to: lastDayOfMonth(year, month),
    }),
    labelled('last-month', `Tháng ${lastMonth.m}/${lastMonth.y}`, {
      from: `${lastMonth.y}-${pad(lastMonth.m)}-01`,
      to: lastDayOfMonth(lastMonth.y, lastMonth.m),
    }),
    labelled('quarter', `Quý ${quarter + 1}/${year}`, {
      from: `${year}-${pad(quarter * 3 + 1)}-01`,
      to: lastDayOfMonth(year, quarter * 3 + 3),
    }),
    labelled('year', `Năm ${year}`, { from: `${year}-01-01`, to: `${year}-12-31` }),
    ...surveyWeekPresets(year).map((preset) => ({
      id: preset.id,
      label: preset.label,
      period: preset.period,
    })),
  ];
}

// ISO days compare as text; localeCompare keeps that plain to read.
const laterDay = (a: IsoDay, b: IsoDay) => (a.localeCompare(b) >= 0 ? a : b);
const earlierDay = (a: IsoDay, b: IsoDay) => (a.localeCompare(b) <= 0 ? a : b);

/** The calendar months a period spans, each as a period cut to it: a trend month by month. */
export function monthsOf(period: Period): Period[] {
  const months: Period[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  for (;;) {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    if (first > period.to) return months;
    const last = lastDayOfMonth(year, month);
    months.push({
      from: laterDay(first, period.from),
      to: earlierDay(last, period.to),
    });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
