import type { Profile } from './schema.ts';

/**
 * A profile's level ids to their place in its levels, worked out once a profile: the gate,
 * the chain and the tallies ask it of every answer of every sheet. A module of its own, so
 * the kiosk's first screen (which loads the registry) does not carry it.
 */
const levelIndexes = new WeakMap<Profile, ReadonlyMap<string, number>>();
export function levelIndex(profile: Profile): ReadonlyMap<string, number> {
  let index = levelIndexes.get(profile);
  if (!index) {
    index = new Map(profile.levels.map((level, i) => [level.id, i]));
    levelIndexes.set(profile, index);
  }
  return index;
}
