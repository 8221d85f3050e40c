import { describe, expect, it } from 'vitest';
import {
  allParcels,
  forgetAccount,
  knownAccount,
  OFFICE_DB_VERSION,
  openOfficeDb,
  rememberAccount,
} from '../../src/storage/office.ts';
import { freshDbName } from './fixtures.ts';

const officer = {
  username: 'ha.nt',
  displayName: 'Nguyễn Thị Hà',
  role: 'officer',
  communeCode: null,
} as const;
const now = Date.UTC(2026, 11, 2, 3);

describe("the office's account verifiers", () => {
  it('opens offline for a name and password that signed in online, never storing the password', async () => {
    const db = await openOfficeDb(freshDbName());
    await rememberAccount(db, officer, 'mật khẩu dài đủ 10', now);
    expect(await knownAccount(db, 'ha.nt', 'mật khẩu dài đủ 10')).toEqual(officer);
    // The name as typed at sign-in: spaces and capitals do not matter, as on the server.
    expect(await knownAccount(db, ' HA.NT ', 'mật khẩu dài đủ 10')).toEqual(officer);
    expect(await knownAccount(db, 'ha.nt', 'mật khẩu khác')).toBeUndefined();
    expect(await knownAccount(db, 'someone', 'mật khẩu dài đủ 10')).toBeUndefined();
    const stored = await db.get('accounts', 'ha.nt');
    expect(JSON.stringify(stored)).not.toContain('mật khẩu');
    expect(stored?.iterations).toBeGreaterThanOrEqual(100_000);
    db.close();
  });

  it('forgets an account whose password the collector refused', async () => {
    const db = await openOfficeDb(freshDbName());
    await rememberAccount(db, officer, 'mật khẩu dài đủ 10', now);
    await forgetAccount(db, 'Ha.Nt');
    expect(await knownAccount(db, 'ha.nt', 'mật khẩu dài đủ 10')).toBeUndefined();
    db.close();
  });

  it('a salt of its own per verifier: the same password hashes differently', async () => {
    const db = await openOfficeDb(freshDbName());
    await rememberAccount(db, officer, 'mật khẩu dài đủ 10', now);
    const first = await db.get('accounts', 'ha.nt');
    await rememberAccount(db, officer, 'mật khẩu dài đủ 10', now);
    const second = await db.get('accounts', 'ha.nt');
    expect(first?.hash).not.toEqual(second?.hash);
    db.close();
  });
});

describe('office database migrations', () => {
  it('opens a version-1 database at version 2: parcels kept, the admin token verifier gone', async () => {
    const name = freshDbName();
    const v1 = await openOfficeDb(name, 1);
    await v1.put('parcels', {
      id: 'abc',
      communeCode: '10507',
      sheetCount: 1,
      receivedAt: now,
      kind: 'file',
      body: '{}',
      fileName: 'a.json',
      state: 'pending',
    });
    await v1.put('meta', { salt: new Uint8Array(16), hash: new Uint8Array(32) }, 'token-verifier');
    await v1.put('meta', { '10507': 'Xã Tứ Kỳ' }, 'commune-names');
    v1.close();

    const v2 = await openOfficeDb(name);
    expect(v2.version).toBe(OFFICE_DB_VERSION);
    expect((await allParcels(v2)).map((p) => p.id)).toEqual(['abc']);
    expect(await v2.get('meta', 'token-verifier')).toBeUndefined();
    expect(await v2.get('meta', 'commune-names')).toEqual({ '10507': 'Xã Tứ Kỳ' });
    await rememberAccount(v2, officer, 'mật khẩu dài đủ 10', now);
    expect(await knownAccount(v2, 'ha.nt', 'mật khẩu dài đủ 10')).toEqual(officer);
    v2.close();
  });
});
