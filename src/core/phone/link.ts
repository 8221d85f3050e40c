/**
 * The fragment of a phone link (docs/formats.md, "Phone token"): `#/phone/<token>`, followed by
 * `/<profileId>/<profileVersion>` when the kiosk asks on another profile than the default
 * one, so the phone shows that profile's questions and levels; a printed desk QR is
 * `#/phone/desk/<deskId>`. The profile is not signed: the sheet names it, and the gate checks
 * the answers against the profile the sheet names, as for every sheet.
 */
export type PhoneLink =
  | { kind: 'token'; token: string; profile?: ProfileRef }
  | { kind: 'desk'; deskId: string };

export interface ProfileRef {
  profileId: string;
  profileVersion: number;
}

/** The fragment for a token issued by a kiosk on `profile` (none named for the default one). */
export function phoneFragmentOf(token: string, profile: ProfileRef, defaultProfile: ProfileRef) {
  const named =
    profile.profileId !== defaultProfile.profileId ||
    profile.profileVersion !== defaultProfile.profileVersion;
  return named
    ? `#/phone/${token}/${profile.profileId}/${profile.profileVersion}`
    : `#/phone/${token}`;
}

/** What a phone link's fragment names, or undefined when it is not one. */
export function readPhoneFragment(hash: string): PhoneLink | undefined {
  const desk = /^#\/phone\/desk\/([0-9a-f]{16})$/.exec(hash);
  if (desk?.[1]) return { kind: 'desk', deskId: desk[1] };
  const token = /^#\/phone\/([A-Za-z0-9_-]+)(?:\/([a-z0-9-]{1,60})\/([1-9]\d{0,5}))?$/.exec(hash);
  if (!token?.[1]) return undefined;
  return {
    kind: 'token',
    token: token[1],
    ...(token[2] && token[3]
      ? { profile: { profileId: token[2], profileVersion: Number(token[3]) } }
      : {}),
  };
}
