import { haiDuong2024 } from './hai-duong-2024.ts';
import type { Form, FormId, Profile } from './schema.ts';

const profiles: Profile[] = [haiDuong2024];

/**
 * Every profile this build knows, so old sheets keep being read on the profile they were
 * answered on. The app ships exactly these; `addKnownProfile` adds more in one process only.
 */
export const knownProfiles: readonly Profile[] = profiles;

/**
 * Makes a profile known to this process beside the shipped ones — for tests and tools that
 * run the gate, the scoring, the exports or a whole collector on a profile the app does not
 * ship (test/fixtures/profiles/six-questions.ts). Every path that looks a profile up then finds it.
 * Refuses a second profile under an id and version already known. Returns a function
 * that forgets it again.
 */
export function addKnownProfile(profile: Profile): () => void {
  if (findProfile(profile.id, profile.version))
    throw new RangeError(`Profile ${profile.id} v${profile.version} is known already`);
  profiles.push(profile);
  return () => {
    const at = profiles.indexOf(profile);
    if (at >= 0) profiles.splice(at, 1);
  };
}

/** The profile a new kiosk starts with. */
export const defaultProfile: Profile = haiDuong2024;

/** A profile by id and version, or undefined when this build does not know it. */
export function findProfile(id: string, version: number): Profile | undefined {
  return knownProfiles.find((p) => p.id === id && p.version === version);
}

/** The profile a kiosk's settings name, or the default one when the kiosk names an unknown one. */
export function profileOfSettings(settings: {
  profileId: string;
  profileVersion: number;
}): Profile {
  return findProfile(settings.profileId, settings.profileVersion) ?? defaultProfile;
}

/** A form of a profile by id, or undefined. */
export function findForm(profile: Profile, formId: FormId): Form | undefined {
  return profile.forms.find((f) => f.id === formId);
}
