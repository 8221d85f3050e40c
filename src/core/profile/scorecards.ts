import { haiDuong2024Scorecard } from './hai-duong-2024-scorecard.ts';
import type { Profile } from './schema.ts';
import type { Scorecard } from './scorecard-schema.ts';

/**
 * Every scorecard this build knows, by the profile version it belongs to. Only the office and
 * the collector import this registry: the kiosk's first download never carries Phụ lục 01.
 */
export const knownScorecards: readonly Scorecard[] = [haiDuong2024Scorecard];

/** The scorecard of a profile version, or undefined when this build has none for it. */
export function scorecardOf(profile: Pick<Profile, 'id' | 'version'>): Scorecard | undefined {
  return knownScorecards.find(
    (s) => s.profileId === profile.id && s.profileVersion === profile.version,
  );
}
