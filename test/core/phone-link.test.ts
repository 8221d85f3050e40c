import { describe, expect, it } from 'vitest';
import { phoneFragmentOf, readPhoneFragment } from '../../src/core/phone/link.ts';

const TOKEN = 'AT8qnA0eS1povE0C8AAAAAAAAAA';
const DEFAULT = { profileId: 'hai-duong-2024', profileVersion: 1 };

describe('the phone link names the kiosk’s profile', () => {
  it('names none for the default profile, so the link and its QR stay as they were', () => {
    expect(phoneFragmentOf(TOKEN, DEFAULT, DEFAULT)).toBe(`#/phone/${TOKEN}`);
    expect(readPhoneFragment(`#/phone/${TOKEN}`)).toEqual({ kind: 'token', token: TOKEN });
  });

  it('names another profile after the token, and reads it back', () => {
    const other = { profileId: 'test-sau-cau', profileVersion: 2 };
    const fragment = phoneFragmentOf(TOKEN, other, DEFAULT);
    expect(fragment).toBe(`#/phone/${TOKEN}/test-sau-cau/2`);
    expect(readPhoneFragment(fragment)).toEqual({ kind: 'token', token: TOKEN, profile: other });
  });

  it('reads a desk QR, and nothing else', () => {
    expect(readPhoneFragment('#/phone/desk/3f2a9c0d1e4b5a68')).toEqual({
      kind: 'desk',
      deskId: '3f2a9c0d1e4b5a68',
    });
    for (const bad of ['#/phone/', `#/phone/${TOKEN}/test`, `#/phone/${TOKEN}/x/0`, '#/collector'])
      expect(readPhoneFragment(bad)).toBeUndefined();
  });
});
