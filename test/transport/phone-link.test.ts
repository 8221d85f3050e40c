import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { readPhoneFragment } from '../../src/core/phone/link.ts';
import { readPhoneToken } from '../../src/core/phone/token.ts';
import { buildPhoneLink, phoneLinkUsed } from '../../src/transport/phone-link.ts';
import { draftAt } from '../storage/fixtures.ts';
import { registeredKiosk } from './registered-kiosk.ts';

const now = Date.UTC(2026, 10, 24, 2);

describe('the kiosk’s phone link', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the kiosk’s profile when it is not the default one, and only then', async () => {
    const kiosk = await registeredKiosk([draftAt(now)]);
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: URL | string) => {
      asked.push(String(url));
      return String(url).includes('/api/v1/time')
        ? Response.json({ serverTime: now })
        : new Response('{}', { status: 409 });
    });
    const settings = { ...defaultSettings(now), communeCode: '10507', communeName: 'Xã Tứ Kỳ' };
    const plain = await buildPhoneLink(kiosk.db, settings, now);
    expect(readPhoneFragment(new URL(plain ?? '').hash)).toEqual({
      kind: 'token',
      token: expect.any(String),
    });
    const other = { ...settings, profileId: 'test-sau-cau', profileVersion: 1 };
    const named = await buildPhoneLink(kiosk.db, other, now);
    const link = readPhoneFragment(new URL(named ?? '').hash);
    expect(link).toMatchObject({ profile: { profileId: 'test-sau-cau', profileVersion: 1 } });
    if (link?.kind !== 'token') throw new Error('not a token link');
    expect(readPhoneToken(link.token).communeCode).toBe('10507');
    // Whether it was used is asked of the token alone, not of the profile after it.
    expect(await phoneLinkUsed(named ?? '')).toBe(true);
    expect(asked.at(-1)).toBe(`http://collector.test/api/v1/phone-tokens/${link.token}`);
    await kiosk.dispose();
  });
});
