import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import type { PhoneAnswers } from '../../src/core/phone/phone-sheet.ts';
import {
  acceptedPhoneSheet,
  claimFor,
  markPhoneSheetAccepted,
  openPhoneDb,
  PHONE_DB_VERSION,
  queuedPhoneSheet,
  queuedPhoneSheets,
  queuePhoneSheet,
} from '../../src/storage/phone-outbox.ts';
import { freshDbName } from './fixtures.ts';

const now = Date.UTC(2026, 10, 24, 2);
const answers: PhoneAnswers = {
  profileId: 'hai-duong-2024',
  profileVersion: 1,
  formId: 'citizen',
  formVersion: 1,
  answers: ['tot', 'kha', 'tot', 'tot', 'kha'],
  startedAt: now - 60_000,
  createdAt: now,
};
const queued = (nonce: string, communeName?: string) => ({
  nonce,
  token: `token-${nonce}`,
  claim: 'c'.repeat(22),
  answers,
  queuedAt: now,
  ...(communeName && { communeName }),
});

describe('phone outbox: sheets the collector took', () => {
  it('a taken sheet leaves the outbox and is remembered with the commune it went to', async () => {
    const db = await openPhoneDb(freshDbName());
    await queuePhoneSheet(db, queued('00000000000000a1', 'Xã Tứ Kỳ'));
    expect(await acceptedPhoneSheet(db, '00000000000000a1')).toBeUndefined();
    await markPhoneSheetAccepted(db, '00000000000000a1', now + 5000);
    expect(await queuedPhoneSheets(db)).toEqual([]);
    expect(await acceptedPhoneSheet(db, '00000000000000a1')).toEqual({
      nonce: '00000000000000a1',
      acceptedAt: now + 5000,
      communeName: 'Xã Tứ Kỳ',
    });
  });

  it('remembers a sheet sent at once, never queued, with the name it is given', async () => {
    const db = await openPhoneDb(freshDbName());
    await markPhoneSheetAccepted(db, '00000000000000a2', now, 'Phường Ngọc Châu');
    expect((await acceptedPhoneSheet(db, '00000000000000a2'))?.communeName).toBe(
      'Phường Ngọc Châu',
    );
    expect(await acceptedPhoneSheet(db, '00000000000000a3')).toBeUndefined();
  });

  it('leaves the other waiting sheets where they are', async () => {
    const db = await openPhoneDb(freshDbName());
    await queuePhoneSheet(db, queued('00000000000000b1'));
    await queuePhoneSheet(db, queued('00000000000000b2'));
    await markPhoneSheetAccepted(db, '00000000000000b1', now);
    expect((await queuedPhoneSheets(db)).map((s) => s.nonce)).toEqual(['00000000000000b2']);
    expect(await queuedPhoneSheet(db, '00000000000000b2')).toMatchObject({ answers });
  });
});

describe('phone database migrations', () => {
  it('opens a version-2 database under version 3 with its outbox and claims intact', async () => {
    const name = freshDbName();
    const v2 = await openPhoneDb(name, 2);
    const tx = unwrap(v2).transaction(['outbox', 'claims'], 'readwrite');
    tx.objectStore('outbox').put(queued('00000000000000c1'));
    tx.objectStore('claims').put({ nonce: '00000000000000c1', claim: 'c'.repeat(22) });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    expect([...v2.objectStoreNames]).toEqual(['claims', 'outbox']);
    v2.close();

    const latest = await openPhoneDb(name);
    expect(latest.version).toBe(PHONE_DB_VERSION);
    expect(await queuedPhoneSheets(latest)).toEqual([queued('00000000000000c1')]);
    expect(await claimFor(latest, '00000000000000c1')).toBe('c'.repeat(22));
    // A sheet queued before version 3 has no commune name; it is remembered without one.
    await markPhoneSheetAccepted(latest, '00000000000000c1', now);
    expect(await acceptedPhoneSheet(latest, '00000000000000c1')).toEqual({
      nonce: '00000000000000c1',
      acceptedAt: now,
    });
  });
});

describe('phone database migration from version 1', () => {
  it('keeps a version-1 outbox and adds the claims and accepted stores', async () => {
    const name = freshDbName();
    const v1 = await openPhoneDb(name, 1);
    await queuePhoneSheet(v1, queued('00000000000000a1'));
    expect(v1.objectStoreNames.contains('claims')).toBe(false);
    v1.close();
    const latest = await openPhoneDb(name);
    expect(latest.version).toBe(PHONE_DB_VERSION);
    expect(await queuedPhoneSheets(latest)).toEqual([queued('00000000000000a1')]);
    expect(await latest.getAll('accepted')).toEqual([]);
    latest.close();
  });
});
