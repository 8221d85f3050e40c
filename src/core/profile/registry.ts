import { haiDuong2024 } from './hai-duong-2024.ts';
import type { Form, FormId, Profile } from './schema.ts';

/** Every profile this build knows, so old sheets keep being read on the profile they were answered on. */
export const knownProfiles: readonly Profile[] = [haiDuong2024];

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
