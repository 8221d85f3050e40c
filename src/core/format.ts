import { type Fraction, fractionToNumber } from './scoring/fraction.ts';

/** Vietnamese display formats: comma decimals, dot thousands, dd/mm/yyyy. Display only: never compare formatted values. */

const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const countFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VN_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VN_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function toNumber(value: Fraction | number): number {
  return typeof value === 'number' ? value : fractionToNumber(value);
}

/** Points in vi-VN notation, rounded for display only: "8,75", "10", "8,33". */
export function formatPoints(value: Fraction | number, maxFractionDigits = 2): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits }).format(
    toNumber(value),
  );
}

/** A share as a vi-VN percentage: "85,0%". */
export function formatPercent(rate: Fraction | number, fractionDigits = 1): string {
  return new Intl.NumberFormat('vi-VN', {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(toNumber(rate));
}

/** A whole count with vi-VN grouping: "1.234". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** The Vietnamese calendar date of an instant: "25/11/2026". */
export function formatDate(ms: number): string {
  return dateFormat.format(ms);
}

/** "14:05 25/11/2026" in Vietnam time. */
export function formatDateTime(ms: number): string {
  return `${timeFormat.format(ms)} ${formatDate(ms)}`;
}

/** "25/11/2026 14:05" in Vietnam time: the order a vi-VN spreadsheet reads as a date and time. */
export function formatDayTime(ms: number): string {
  return `${formatDate(ms)} ${timeFormat.format(ms)}`;
}
