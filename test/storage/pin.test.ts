import { describe, expect, it } from 'vitest';
import { openKioskDb } from '../../src/storage/db.ts';
import { FIRST_LOCK_MS, isPinSet, MAX_TRIES, setPin, verifyPin } from '../../src/storage/pin.ts';
import { freshDbName } from './fixtures.ts';

const now = Date.UTC(2026, 10, 23, 3);

describe('admin PIN', () => {
  it('is not set on a new kiosk, and is after setPin', async () => {
    const db = await openKioskDb(freshDbName());
    expect(await isPinSet(db)).toBe(false);
    await setPin(db, '2468');
    expect(await isPinSet(db)).toBe(true);
  });

  it('stores a salted hash, never the PIN itself', async () => {
    const db = await openKioskDb(freshDbName());
    await setPin(db, '2468');
    const record = JSON.stringify(
      Object.values((await db.get('meta', 'pin')) as object).map(String),
    );
    expect(record).not.toContain('2468');
  });

  it('accepts the right PIN and refuses a wrong one with the tries left', async () => {
    const db = await openKioskDb(freshDbName());
    await setPin(db, '2468');
    expect(await verifyPin(db, '2468', now)).toEqual({ ok: true });
    expect(await verifyPin(db, '1111', now)).toEqual({
      ok: false,
      reason: 'wrong',
      triesLeft: MAX_TRIES - 1,
    });
  });

  it('refuses a PIN that is not 4 to 8 digits', async () => {
    const db = await openKioskDb(freshDbName());
    await expect(setPin(db, '12a4')).rejects.toThrow(/4 đến 8 chữ số/);
  });

  it('locks out after repeated wrong tries, across a reopen, even for the right PIN', async () => {
    const name = freshDbName();
    const db = await openKioskDb(name);
    await setPin(db, '2468');
    for (let i = 0; i < MAX_TRIES; i++) await verifyPin(db, '0000', now);
    db.close();
    const reopened = await openKioskDb(name);
    expect(await verifyPin(reopened, '2468', now + 1000)).toEqual({
      ok: false,
      reason: 'locked',
      lockedUntil: now + FIRST_LOCK_MS,
    });
    expect(await verifyPin(reopened, '2468', now + FIRST_LOCK_MS)).toEqual({ ok: true });
  });

  it('doubles the lockout each time it recurs', async () => {
    const db = await openKioskDb(freshDbName());
    await setPin(db, '2468');
    for (let i = 0; i < MAX_TRIES; i++) await verifyPin(db, '0000', now);
    const later = now + FIRST_LOCK_MS;
    let last = await verifyPin(db, '0000', later);
    for (let i = 1; i < MAX_TRIES; i++) last = await verifyPin(db, '0000', later);
    expect(last).toEqual({ ok: false, reason: 'locked', lockedUntil: later + 2 * FIRST_LOCK_MS });
  });
});
