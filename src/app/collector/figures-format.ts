import type { ExactFigure } from '../../core/commune-figures.ts';
import { formatPercent } from '../../core/format.ts';
import { formatFixed } from '../../core/summary-table.ts';

/** How the office's tables print figures: one number of decimals a column, "—" for none. */
export const DASH = '—';
export const meanText = (f: ExactFigure | null | undefined) =>
  f ? formatFixed({ num: f.num, den: f.den }, 2) : DASH;
export const rateText = (f: ExactFigure | null | undefined) =>
  f ? formatPercent({ num: f.num, den: f.den }, 1) : DASH;
export const meanValue = (f: ExactFigure | null | undefined) => (f ? f.num / f.den : null);

export const MEAN_TICKS = [0, 2, 4, 6, 8, 10].map((value) => ({ value, label: String(value) }));
export const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1].map((value) => ({
  value,
  label: formatPercent(value, 0),
}));
