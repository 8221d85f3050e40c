import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { bytesToBase64url } from '../core/codec/base64url.ts';
import type { PhoneAnswers } from '../core/phone/phone-sheet.ts';

/**
 * The citizen's phone keeps a sheet here from the moment it is answered until the
 * collector has taken it, so a phone without signal loses nothing; the claim it holds
 * each token with; and which tokens' sheets the collector took, so a reload says thank you
 * again. Only tokens, claims, answers and the commune's name — nothing about the phone itself.
 */
export interface QueuedPhoneSheet {
  /** The token's nonce: one token, one queued sheet. */
  nonce: string;
  token: string;
  claim?: string;
  answers: PhoneAnswers;
  queuedAt: number;
  /** Whom the thanks name once the sheet is taken (absent on sheets queued before version 3). */
  communeName?: string;
}

/** A sheet the collector took (received, or had already), by its token's nonce. */
export interface AcceptedPhoneSheet {
  nonce: string;
  acceptedAt: number;
  communeName?: string;
}

interface PhoneDbSchema extends DBSchema {
  outbox: { key: string; value: QueuedPhoneSheet };
  /** The secret this phone claimed a token with, by the token's nonce. */
  claims: { key: string; value: { nonce: string; claim: string } };
  accepted: { key: string; value: AcceptedPhoneSheet };
}

export type PhoneDb = IDBPDatabase<PhoneDbSchema>;
export const PHONE_DB_NAME = 'khao-sat-phone';
/** 1: outbox; 2: claims; 3: accepted. */
export const PHONE_DB_VERSION = 3;

/** Opens (creating or upgrading) the phone's database; `version` only for migration tests. */
export async function openPhoneDb(
  name = PHONE_DB_NAME,
  version = PHONE_DB_VERSION,
): Promise<PhoneDb> {
  const db: PhoneDb = await openDB<PhoneDbSchema>(name, version, {
    upgrade(upgrading, oldVersion) {
      if (oldVersion < 1) upgrading.createObjectStore('outbox', { keyPath: 'nonce' });
      if (oldVersion < 2 && version >= 2)
        upgrading.createObjectStore('claims', { keyPath: 'nonce' });
      if (oldVersion < 3 && version >= 3)
        upgrading.createObjectStore('accepted', { keyPath: 'nonce' });
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

export const queuedPhoneSheet = (db: PhoneDb, nonce: string) => db.get('outbox', nonce);

/**
 * The collector took the sheet: it leaves the outbox and is remembered as accepted, in one
 * transaction, so at no moment is it neither waiting nor known as sent.
 */
export async function markPhoneSheetAccepted(
  db: PhoneDb,
  nonce: string,
  acceptedAt: number,
  communeName?: string,
): Promise<void> {
  const tx = db.transaction(['outbox', 'accepted'], 'readwrite');
  const queued = await tx.objectStore('outbox').get(nonce);
  const name = communeName ?? queued?.communeName;
  await tx.objectStore('outbox').delete(nonce);
  await tx.objectStore('accepted').put({ nonce, acceptedAt, ...(name && { communeName: name }) });
  await tx.done;
}

/** Whether (and when, for whom) the collector took this token's sheet from this phone. */
export const acceptedPhoneSheet = (db: PhoneDb, nonce: string) => db.get('accepted', nonce);

/** This phone's claim on a token, made once and kept, so a reload still holds the token. */
export async function claimFor(db: PhoneDb, nonce: string): Promise<string> {
  const tx = db.transaction('claims', 'readwrite');
  const known = await tx.store.get(nonce);
  const claim = known?.claim ?? bytesToBase64url(crypto.getRandomValues(new Uint8Array(16)));
  if (!known) await tx.store.add({ nonce, claim });
  await tx.done;
  return claim;
}
