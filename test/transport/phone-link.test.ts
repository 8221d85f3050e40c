import { afterEach, describe, expect, it, vi } from 'vitest';
import { phoneLinkUsed } from '../../src/transport/phone-link.ts';

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
