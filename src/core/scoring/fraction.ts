/**
 * Exact non-negative rationals for means and rates. Sheet scores are whole half-points,
 * so every mean is a fraction; comparing against thresholds must never round first.
 */
export type Fraction = { readonly num: number; readonly den: number };

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** A reduced fraction num/den; den must be a positive integer. */
export function fraction(num: number, den: number): Fraction {
  if (!Number.isInteger(num) || !Number.isInteger(den) || den <= 0) {
    throw new RangeError(`Invalid fraction ${num}/${den}`);
  }
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

/** a + b, exactly (BigInt inside so cross products cannot lose precision). */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  const num = BigInt(a.num) * BigInt(b.den) + BigInt(b.num) * BigInt(a.den);
  const den = BigInt(a.den) * BigInt(b.den);
  const g = bigGcd(num < 0n ? -num : num, den) || 1n;
  return fraction(Number(num / g), Number(den / g));
}

/** -1, 0 or 1 as a is below, equal to or above b, exactly. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = BigInt(a.num) * BigInt(b.den);
  const right = BigInt(b.num) * BigInt(a.den);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The nearest double, for display and charts only. */
export function fractionToNumber(f: Fraction): number {
  return f.num / f.den;
}

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
