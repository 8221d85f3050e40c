import type { Profile, Standing } from '../profile/schema.ts';
import { addFractions, compareFractions, type Fraction, fraction } from './fraction.ts';

/** The 100-point total: Section A (exact) + Section B (appraised, in half-points). */
export function scorecardTotal(sectionA: Fraction, sectionBHalfPoints: number): Fraction {
  return addFractions(sectionA, fraction(sectionBHalfPoints, 2));
}

/**
 * The standing a total reaches, compared exactly (84.999… is Mức độ 1, not 2).
 * A disqualified commune gets the lowest standing whatever its points.
 */
export function standingFor(profile: Profile, total: Fraction, disqualified: boolean): Standing {
  const standings = profile.scorecard.standings;
  const lowest = standings[0];
  if (!lowest) throw new RangeError(`Profile ${profile.id} has no standings`);
  if (disqualified) return lowest;
  let reached = lowest;
  for (const standing of standings) {
    if (compareFractions(total, fraction(standing.minHalfPoints, 2)) >= 0) reached = standing;
  }
  return reached;
}
