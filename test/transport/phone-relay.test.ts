import { webcrypto } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { answerQrOf } from '../../src/core/phone/answer-qr.ts';
import { issuePhoneToken, readPhoneToken } from '../../src/core/phone/token.ts';
import type { Problem } from '../../src/core/problems.ts';
import { haiDuong2024 } from '../../src/core/profile/index.ts';
import { saveCredentials } from '../../src/storage/credentials.ts';
import { type KioskDb, openKioskDb } from '../../src/storage/db.ts';
import { relayedToSend } from '../../src/storage/phone-relay.ts';
import { receiveAnswerQr } from '../../src/transport/phone-relay.ts';
import { signerOf } from '../fixtures/batches.ts';
import { freshDbName } from '../storage/fixtures.ts';

const _subtle = webcrypto.subtle;
const KEY = new Uint8Array(32).fill(5);
const DEVICE = '3f2a9c0d1e4b5a68';
const now = Date.UTC(2026, 10, 24, 2);
const settings = { ...defaultSettings(now), communeCode: '10507', communeName: 'Xã Tứ Kỳ' };

let db: KioskDb;
beforeEach(async () => {
  db = await openKioskDb(freshDbName());
  await saveCredentials(db, {
    collectorUrl: 'http://collector.test',
    deviceId: DEVICE,
    key: KEY,
  });
});
afterEach(() => db.close());

async function answerQr(
  overrides: Record<string, unknown> = {},
  key = KEY,
  answers = ['tot', 'kha', 'tot', 'tot', 'tot'],
) {
  const token = readPhoneToken(
    await issuePhoneToken(signerOf(key), {
      deviceId: DEVICE,
      formId: 'citizen',
      communeCode: '10507',
      issuedAt: now - 60_000,
      lifetimeMinutes: 15,
      nonce: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex'),
      ...overrides,
    }),
  );
  return answerQrOf(
    token,
    {
      profileId: haiDuong2024.id,
      profileVersion: 1,
      formId: 'citizen',
      formVersion: 1,
      answers,
      startedAt: now - 30_000,
      createdAt: now,
    },
    haiDuong2024,
  );
}

describe('kiosk relaying a phone’s answer QR', () => {
  it('keeps a sheet of its own token once, to send on', async () => {
    const text = await answerQr();
    expect(await receiveAnswerQr(db, settings, text, now)).toEqual({ isNew: true });
    expect(await receiveAnswerQr(db, settings, text, now)).toEqual({ isNew: false });
    expect(await relayedToSend(db)).toHaveLength(1);
  });

  it('refuses another kiosk’s token, a forged one, an expired one, and other codes', async () => {
    const refusal = async (text: Promise<string> | string, at = now) =>
      receiveAnswerQr(db, settings, await text, at).then(
        () => 'accepted',
        (e: Error) => e.message,
      );
    expect(await refusal(answerQr({ deviceId: 'aaaaaaaaaaaaaaaa' }))).toContain('chưa đăng ký');
    expect(await refusal(answerQr({}, new Uint8Array(32)))).toContain('không hợp lệ');
    expect(await refusal(answerQr({ issuedAt: now - 3 * 86_400_000 }))).toContain('hết hạn');
    expect(await refusal('KS1/81BBE101/1/1/ABC')).toContain('không phải mã phiếu');
    expect(await relayedToSend(db)).toEqual([]);
  });

  it('runs the gate the collector runs: six answers on a five-question form are not kept', async () => {
    const six = answerQr({}, KEY, ['tot', 'tot', 'tot', 'tot', 'tot', 'tot']);
    const problem = await receiveAnswerQr(db, settings, await six, now).catch((e: Problem) => e);
    expect((problem as Problem).code).toBe('400.15');
    expect(await relayedToSend(db)).toEqual([]);
  });
});
