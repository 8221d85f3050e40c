import type { Scorecard, Standing } from '../profile/scorecard-schema.ts';
import { addFractions, compareFractions, type Fraction, fraction } from './fraction.ts';

/** The 100-point total: Section A (exact) + Section B (appraised, in half-points). */
export function scorecardTotal(sectionA: Fraction, sectionBHalfPoints: number): Fraction {
  return addFractions(sectionA, fraction(sectionBHalfPoints, 2));
}

/**
 * The standing a total reaches, compared exactly (84.999… is Mức độ 1, not 2).
 * A disqualified commune gets the lowest standing whatever its points.
 */
export function standingFor(
  scorecard: Scorecard,
  total: Fraction,
  disqualified: boolean,
): Standing {
  const standings = scorecard.standings;
  const lowest = standings[0];
  if (!lowest) throw new RangeError(`Scorecard of ${scorecard.profileId} has no standings`);
  if (disqualified) return lowest;
  let reached = lowest;
  for (const standing of standings) {
    if (compareFractions(total, fraction(standing.minHalfPoints, 2)) >= 0) reached = standing;
  }
  return reached;
}
