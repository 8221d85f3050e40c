import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhoneAnswers } from '../../src/core/phone/phone-sheet.ts';
import { issuePhoneToken } from '../../src/core/phone/token.ts';
import {
  acceptedPhoneSheet,
  openPhoneDb,
  queuedPhoneSheets,
} from '../../src/storage/phone-outbox.ts';
import { flushPhoneOutbox, sendPhoneSheet } from '../../src/transport/phone-client.ts';
import { signerOf } from '../fixtures/batches.ts';
import { freshDbName } from '../storage/fixtures.ts';

const now = Date.UTC(2026, 10, 24, 2);
const answers: PhoneAnswers = {
  profileId: 'hai-duong-2024',
  profileVersion: 1,
  formId: 'citizen',
  formVersion: 1,
  answers: ['tot', 'tot', 'kha', 'tot', 'tot'],
  startedAt: now - 60_000,
  createdAt: now,
};
const NONCE = '00000000000000d1';
const token = () =>
  issuePhoneToken(signerOf(new Uint8Array(32).fill(7)), {
    deviceId: '3f2a9c0d1e4b5a68',
    formId: 'citizen',
    communeCode: '10507',
    issuedAt: now,
    lifetimeMinutes: 15,
    nonce: NONCE,
  });

/** The collector answers every phone sheet with `status` (0: no network). */
function collectorAnswers(status: number, body: object = {}) {
  vi.stubGlobal('fetch', async () => {
    if (status === 0) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(body), { status });
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('phone client: the phone remembers which sheets the collector took', () => {
  it('a sheet taken at once is remembered as accepted, for the commune it was sent to', async () => {
    const db = await openPhoneDb(freshDbName());
    collectorAnswers(201, { status: 'received' });
    const reply = await sendPhoneSheet(db, await token(), answers, now, 'Xã Tứ Kỳ');
    expect(reply.kind).toBe('ok');
    expect(await queuedPhoneSheets(db)).toEqual([]);
    expect(await acceptedPhoneSheet(db, NONCE)).toEqual({
      nonce: NONCE,
      acceptedAt: now,
      communeName: 'Xã Tứ Kỳ',
    });
  });

  it('without network the sheet waits; once the flush gets it through it is remembered', async () => {
    const db = await openPhoneDb(freshDbName());
    collectorAnswers(0);
    expect((await sendPhoneSheet(db, await token(), answers, now, 'Xã Tứ Kỳ')).kind).toBe(
      'offline',
    );
    expect(await acceptedPhoneSheet(db, NONCE)).toBeUndefined();
    expect(await queuedPhoneSheets(db)).toHaveLength(1);

    // Another path (the kiosk read its answer QR) got it there first: a duplicate is taken too.
    collectorAnswers(200, { status: 'duplicate' });
    expect(await flushPhoneOutbox(db, now + 60_000)).toEqual({ waiting: 0, refused: [] });
    expect(await queuedPhoneSheets(db)).toEqual([]);
    expect(await acceptedPhoneSheet(db, NONCE)).toEqual({
      nonce: NONCE,
      acceptedAt: now + 60_000,
      communeName: 'Xã Tứ Kỳ',
    });
  });

  it('a refused sheet is neither kept nor remembered as accepted', async () => {
    const db = await openPhoneDb(freshDbName());
    collectorAnswers(410, { code: '410.1', message: 'Mã đánh giá này đã hết hạn.' });
    const reply = await sendPhoneSheet(db, await token(), answers, now, 'Xã Tứ Kỳ');
    expect(reply.kind).toBe('refused');
    expect(await queuedPhoneSheets(db)).toEqual([]);
    expect(await acceptedPhoneSheet(db, NONCE)).toBeUndefined();
  });
});
