import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { bytesToBase64url } from '../core/codec/base64url.ts';
import type { PhoneAnswers } from '../core/phone/phone-sheet.ts';

/**
 * The citizen's phone keeps a sheet here from the moment it is answered until the
 * collector has taken it, so a phone without signal loses nothing; and the claim it holds
 * each token with. Only tokens, claims and answers — nothing about the phone itself.
 */
export interface QueuedPhoneSheet {
  /** The token's nonce: one token, one queued sheet. */
  nonce: string;
  token: string;
  claim?: string;
  answers: PhoneAnswers;
  queuedAt: number;
}

interface PhoneDbSchema extends DBSchema {
  outbox: { key: string; value: QueuedPhoneSheet };
  /** The secret this phone claimed a token with, by the token's nonce. */
  claims: { key: string; value: { nonce: string; claim: string } };
}

export type PhoneDb = IDBPDatabase<PhoneDbSchema>;
export const PHONE_DB_NAME = 'khao-sat-phone';

export async function openPhoneDb(name = PHONE_DB_NAME): Promise<PhoneDb> {
  const db: PhoneDb = await openDB<PhoneDbSchema>(name, 2, {
    upgrade(upgrading, oldVersion) {
      if (oldVersion < 1) upgrading.createObjectStore('outbox', { keyPath: 'nonce' });
      if (oldVersion < 2) upgrading.createObjectStore('claims', { keyPath: 'nonce' });
    },
    blocking: () => db.close(),
  });
  return db;
}

/** Keeps the sheet (a second sheet on the same token replaces nothing). */
export async function queuePhoneSheet(db: PhoneDb, sheet: QueuedPhoneSheet): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  if ((await tx.store.get(sheet.nonce)) === undefined) await tx.store.add(sheet);
  await tx.done;
}

export const queuedPhoneSheets = (db: PhoneDb) => db.getAll('outbox');

export const forgetPhoneSheet = (db: PhoneDb, nonce: string) => db.delete('outbox', nonce);

/** This phone's claim on a token, made once and kept, so a reload still holds the token. */
export async function claimFor(db: PhoneDb, nonce: string): Promise<string> {
  const tx = db.transaction('claims', 'readwrite');
  const known = await tx.store.get(nonce);
  const claim = known?.claim ?? bytesToBase64url(crypto.getRandomValues(new Uint8Array(16)));
  if (!known) await tx.store.add({ nonce, claim });
  await tx.done;
  return claim;
}
