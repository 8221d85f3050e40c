import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { readPhoneFragment } from '../../src/core/phone/link.ts';
import { readPhoneToken } from '../../src/core/phone/token.ts';
import { buildPhoneLink, phoneLinkUsed } from '../../src/transport/phone-link.ts';
import { draftAt } from '../storage/fixtures.ts';
import { registeredKiosk } from './registered-kiosk.ts';

const LINK = 'https://thuphieu.example.vn/#/phone/KS-TOKEN';

/** The collector answers GET /api/v1/phone-tokens/:token with `status` (0: no network). */
function collectorAnswers(status: number, body: object = {}) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    asked.push(String(input));
    if (status === 0) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(body), { status });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('phone link: whether a phone already used the code the kiosk shows', () => {
  it('asks the collector the link names, through the typed route', async () => {
    const asked = collectorAnswers(200, {
      communeCode: '10507',
      communeName: 'Xã Tứ Kỳ',
      formId: 'citizen',
      expiresAt: 1,
      serverTime: 0,
    });
    expect(await phoneLinkUsed(LINK)).toBe(false);
    expect(asked).toEqual(['https://thuphieu.example.vn/api/v1/phone-tokens/KS-TOKEN']);
  });

  it('a token used for a sheet (409.3) or claimed by a phone (409.4) is used', async () => {
    collectorAnswers(409, { code: '409.3', message: 'Mã QR này đã được dùng.' });
    expect(await phoneLinkUsed(LINK)).toBe(true);
  });

  it('no network, a busy collector or an expired token: not known to be used', async () => {
    collectorAnswers(0);
    expect(await phoneLinkUsed(LINK)).toBe(false);
    collectorAnswers(503);
    expect(await phoneLinkUsed(LINK)).toBe(false);
    collectorAnswers(410, { code: '410.1', message: 'Mã QR đánh giá đã hết hạn.' });
    expect(await phoneLinkUsed(LINK)).toBe(false);
  });
});

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
        : Response.json({ code: '409.3', message: 'Mã QR này đã được dùng.' }, { status: 409 });
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
