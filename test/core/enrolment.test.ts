import { describe, expect, it } from 'vitest';
import {
  decodeOfflineEnrolment,
  encodeOfflineEnrolment,
  enrolmentCodeIn,
  enrolmentLink,
  normalizeCode,
  type OfflineEnrolment,
  oneTimeCodeOf,
} from '../../src/core/enrolment.ts';

const enrolment: OfflineEnrolment = {
  deviceId: '3f2a9c0d1e4b5a68',
  key: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE',
  communeCode: '10507',
  communeName: 'Xã Tứ Kỳ',
  label: 'Quầy một cửa',
};

describe('enrolment codes', () => {
  it('are 8 characters of Crockford base32 (5 bits of a byte each), in two groups', () => {
    expect(oneTimeCodeOf(Uint8Array.from([0, 1, 2, 31, 32, 255, 100, 200]))).toBe('012Z-0Z48');
    expect(oneTimeCodeOf(new Uint8Array(16).fill(7), 16)).toBe('7777-7777-7777-7777');
    expect(() => oneTimeCodeOf(new Uint8Array(4))).toThrow(RangeError);
  });

  it('read as typed: lower case, spaces, O for 0, I or L for 1; anything else is refused', () => {
    expect(normalizeCode('abcd efgh')).toBe('ABCD-EFGH');
    expect(normalizeCode('O1lI-2345')).toBe('0111-2345');
    expect(normalizeCode('ABCD-EFG')).toBeUndefined();
    expect(normalizeCode('ABCD-EFGU')).toBeUndefined();
    expect(normalizeCode('ABCD-EFGH-')).toBe('ABCD-EFGH');
  });

  it('travel in a link the tablet opens or scans', () => {
    const link = enrolmentLink('https://thuphieu.haiduong.gov.vn/', 'ABCD-EFGH');
    expect(link).toBe('https://thuphieu.haiduong.gov.vn/#/dang-ky/ABCD-EFGH');
    expect(enrolmentCodeIn(link)).toBe('ABCD-EFGH');
    expect(enrolmentCodeIn('abcd-efgh')).toBe('ABCD-EFGH');
    expect(enrolmentCodeIn('https://x.test/#/khac/ABCD-EFGH')).toBeUndefined();
  });
});

describe('offline enrolment QR', () => {
  it('round-trips a kiosk’s registration and key', () => {
    const text = encodeOfflineEnrolment(enrolment);
    expect(text.startsWith('KS1K')).toBe(true);
    expect(text.slice(4)).toMatch(/^[0-9A-Z $%*+\-./:]+$/); // QR alphanumeric mode
    expect(decodeOfflineEnrolment(text)).toEqual(enrolment);
  });

  it('refuses damaged or foreign text instead of guessing', () => {
    const text = encodeOfflineEnrolment(enrolment);
    expect(decodeOfflineEnrolment(text.slice(0, -3))).toBeUndefined();
    expect(decodeOfflineEnrolment(`KS1K${text.slice(5)}`)).toBeUndefined();
    expect(decodeOfflineEnrolment(text.replace('KS1K', 'KS1P'))).toBeUndefined();
    expect(decodeOfflineEnrolment('KS1K')).toBeUndefined();
    expect(() => encodeOfflineEnrolment({ ...enrolment, deviceId: 'xyz' })).toThrow();
  });
});
