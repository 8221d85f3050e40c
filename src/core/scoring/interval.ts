/**
 * The 95 % confidence interval of a mean sheet score, from the sums the tallies keep, so the
 * office sees how little a handful of sheets says (domain.md, "Sample size"). Student's t for
 * small samples, the normal 1,96 from 30 sheets on.
 */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045,
];

export interface MeanInterval {
  /** Points, 0..max: the interval is cut at what a sheet can score. */
  low: number;
  high: number;
}

/**
 * The interval of the mean of `sheets` scores, given their sum and sum of squares in
 * half-points; null below two sheets (no spread to measure).
 */
export function meanInterval(
  sheets: number,
  halfPoints: number,
  halfPointsSquared: number,
  maxPoints: number,
): MeanInterval | null {
  if (sheets < 2) return null;
  const mean = halfPoints / 2 / sheets;
  const variance = Math.max(0, (halfPointsSquared / 4 - sheets * mean * mean) / (sheets - 1));
  const t = T_975[sheets - 2] ?? 1.96;
  const half = t * Math.sqrt(variance / sheets);
  return { low: Math.max(0, mean - half), high: Math.min(maxPoints, mean + half) };
}
