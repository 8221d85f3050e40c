import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQrOf, readAnswerQr } from '../../src/core/phone/answer-qr.ts';
import { phoneSheetOf } from '../../src/core/phone/phone-sheet.ts';
import { issuePhoneToken, readPhoneToken } from '../../src/core/phone/token.ts';
import {
  CLOCK_SLACK_MS,
  checkPhoneToken,
  OFFLINE_GRACE_MS,
} from '../../src/core/phone/token-check.ts';
import { Problem } from '../../src/core/problems.ts';
import { haiDuong2024 } from '../../src/core/profile/index.ts';
import { signerOf } from '../fixtures/batches.ts';

const _subtle = webcrypto.subtle;
const KEY = new Uint8Array(32).fill(9);
const issuedAt = Date.UTC(2026, 10, 24, 2, 0, 0);
const fields = {
  deviceId: '3f2a9c0d1e4b5a68',
  formId: 'citizen' as const,
  communeCode: '00412',
  issuedAt,
  lifetimeMinutes: 15,
  nonce: '0123456789abcdef',
};
const issuer = { sign: signerOf(KEY), communeCode: '00412' };
const answers = {
  profileId: haiDuong2024.id,
  profileVersion: 1,
  formId: 'citizen' as const,
  formVersion: 1,
  answers: ['tot', 'kha', 'trung-binh', 'yeu', 'tot'],
  startedAt: issuedAt + 60_000,
  createdAt: issuedAt + 150_000,
};

const problemOf = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (e) {
    return e instanceof Problem ? e.key : String(e);
  }
  return 'accepted';
};

describe('phone token', () => {
  it('carries its fields in 60 base64url characters and keeps a leading-zero commune code', async () => {
    const text = await issuePhoneToken(signerOf(KEY), fields);
    expect(text).toMatch(/^[A-Za-z0-9_-]{60}$/);
    const token = readPhoneToken(text);
    expect(token).toMatchObject({ ...fields, expiresAt: issuedAt + 15 * 60_000, text });
  });

  it('is accepted while valid, and refused forged, foreign, unknown or expired', async () => {
    const token = readPhoneToken(await issuePhoneToken(signerOf(KEY), fields));
    const check = (at: number, who = issuer, answeredAt?: number) =>
      problemOf(() => checkPhoneToken(token, who, at, answeredAt));
    expect(await check(issuedAt + 60_000)).toBe('accepted');
    expect(
      await check(issuedAt, { sign: signerOf(new Uint8Array(32)), communeCode: '00412' }),
    ).toBe('token.forged');
    expect(await check(issuedAt, { sign: signerOf(KEY), communeCode: '00413' })).toBe(
      'token.other-commune',
    );
    expect(await problemOf(() => checkPhoneToken(token, undefined, issuedAt))).toBe(
      'token.unknown-issuer',
    );
    const expiry = token.expiresAt + CLOCK_SLACK_MS;
    expect(await check(expiry)).toBe('accepted');
    expect(await check(expiry + 1)).toBe('token.expired');
    // An offline phone that answered in time is taken within the grace, not after it.
    expect(await check(expiry + 3_600_000, issuer, issuedAt + 120_000)).toBe('accepted');
    expect(await check(token.expiresAt + OFFLINE_GRACE_MS + 1, issuer, issuedAt)).toBe(
      'token.expired',
    );
  });

  it('fails on any changed bit, truncation or unknown version', async () => {
    const text = await issuePhoneToken(signerOf(KEY), fields);
    const bytes = Buffer.from(text, 'base64url');
    for (const at of [1, 9, 12, 16, 20, 25, 30, 44]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 0x04;
      const outcome = await problemOf(async () =>
        checkPhoneToken(readPhoneToken(changed.toString('base64url')), issuer, issuedAt),
      );
      expect(['token.forged', 'token.damaged', 'token.other-commune']).toContain(outcome);
    }
    expect(() => readPhoneToken(text.slice(0, 40))).toThrow(Problem);
    const v2 = Buffer.from(bytes);
    v2[0] = 2;
    expect(() => readPhoneToken(v2.toString('base64url'))).toThrow(Problem);
    expect(() => readPhoneToken('không phải mã')).toThrow(Problem);
  });
});

describe('phone sheet', () => {
  it('takes its identity from the token: one token, one sheet', async () => {
    const token = readPhoneToken(await issuePhoneToken(signerOf(KEY), fields));
    const sheet = phoneSheetOf(token, { ...answers, nonResident: true });
    expect(sheet).toMatchObject({
      deviceId: '0123456789abcdef',
      seq: 1,
      channel: 'phone',
      flags: ['non-resident'],
    });
    expect(() => phoneSheetOf(token, { ...answers, answers: [] })).toThrow();
  });
});

describe('answer QR', () => {
  it('round-trips token and answers in the QR alphanumeric set', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('tot', 'kha', 'trung-binh', 'yeu'), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3_600 }),
        async (levels, nonResident, seconds) => {
          const token = readPhoneToken(await issuePhoneToken(signerOf(KEY), fields));
          const sent = {
            ...answers,
            answers: levels,
            startedAt: answers.createdAt - seconds * 1000,
            ...(nonResident ? { nonResident } : {}),
          };
          const claim = Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString(
            'base64url',
          );
          const text = answerQrOf(token, sent, haiDuong2024, claim);
          expect(text).toMatch(/^KS1P\/[0-9A-Z $%*+\-./:]+$/);
          expect(readAnswerQr(text, haiDuong2024)).toEqual({ token, answers: sent, claim });
          expect(readAnswerQr(answerQrOf(token, sent, haiDuong2024), haiDuong2024)).toEqual({
            token,
            answers: sent,
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses other codes and damaged ones', async () => {
    const token = readPhoneToken(await issuePhoneToken(signerOf(KEY), fields));
    const text = answerQrOf(token, answers, haiDuong2024);
    expect(() => readAnswerQr('KS1/81BBE101/1/1/ABC', haiDuong2024)).toThrow('không phải mã phiếu');
    expect(() => readAnswerQr(text.slice(0, -6), haiDuong2024)).toThrow(Problem);
  });
});
