import { addFractions, type Fraction, fraction } from './fraction.ts';

/**
 * Section A of the scorecard: mean citizen sheet + mean cadre sheet (max 20).
 * Incomplete when either form has no sheet; the missing part then counts as 0.
 */
export function sectionA(
  citizenMean: Fraction | null,
  cadreMean: Fraction | null,
): { value: Fraction; complete: boolean } {
  const zero = fraction(0, 1);
  return {
    value: addFractions(citizenMean ?? zero, cadreMean ?? zero),
    complete: citizenMean !== null && cadreMean !== null,
  };
}
