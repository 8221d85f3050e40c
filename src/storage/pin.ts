import { deviceProblems } from '../core/problems/device.ts';
import type { KioskDb } from './db.ts';
import { sameBytes, slowHash } from './slow-hash.ts';

/**
 * The admin PIN, stored as a salted PBKDF2-SHA-256 hash. A 4–8 digit PIN has a small
 * space, so the persisted lockout is the real guard at the device; the slow hash makes
 * a copied database costlier to read the PIN from.
 */
export const PIN_ITERATIONS = 200_000;
export const MAX_TRIES = 5;
export const FIRST_LOCK_MS = 5 * 60_000;

export interface PinRecord {
  salt: Uint8Array;
  hash: Uint8Array;
  iterations: number;
}

export interface PinLockout {
  failures: number;
  lockouts: number;
  lockedUntil: number;
}

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: number };

export function isValidPin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}

export async function isPinSet(db: KioskDb): Promise<boolean> {
  return (await db.get('meta', 'pin')) !== undefined;
}

/** Stores a new PIN (hashing happens before the write, outside any transaction). */
export async function setPin(db: KioskDb, pin: string): Promise<void> {
  if (!isValidPin(pin)) throw new RangeError(deviceProblems['pin.invalid'].message);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const record: PinRecord = {
    salt,
    hash: await slowHash(pin, salt, PIN_ITERATIONS),
    iterations: PIN_ITERATIONS,
  };
  const tx = db.transaction('meta', 'readwrite');
  await tx.store.put(record, 'pin');
  await tx.store.delete('pin-lockout');
  await tx.done;
}

/** Checks a PIN against the stored hash, counting failures and locking out after MAX_TRIES. */
export async function verifyPin(db: KioskDb, pin: string, now: number): Promise<PinCheck> {
  const record = (await db.get('meta', 'pin')) as PinRecord | undefined;
  const lockout = ((await db.get('meta', 'pin-lockout')) as PinLockout | undefined) ?? {
    failures: 0,
    lockouts: 0,
    lockedUntil: 0,
  };
  if (lockout.lockedUntil > now)
    return { ok: false, reason: 'locked', lockedUntil: lockout.lockedUntil };
  if (!record) return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES };

  const matches = sameBytes(await slowHash(pin, record.salt, record.iterations), record.hash);
  if (matches) {
    await db.delete('meta', 'pin-lockout');
    return { ok: true };
  }
  const failures = lockout.failures + 1;
  if (failures >= MAX_TRIES) {
    const lockedUntil = now + FIRST_LOCK_MS * 2 ** lockout.lockouts;
    await db.put(
      'meta',
      { failures: 0, lockouts: lockout.lockouts + 1, lockedUntil },
      'pin-lockout',
    );
    return { ok: false, reason: 'locked', lockedUntil };
  }
  await db.put('meta', { ...lockout, failures }, 'pin-lockout');
  return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - failures };
}
