import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { PhoneAnswers } from '../core/phone/phone-sheet.ts';

/**
 * The citizen's phone keeps a sheet here from the moment it is answered until the
 * collector has taken it, so a phone without signal loses nothing. Only the token and the
 * answers are kept — what the respondent typed in, nothing about the phone itself.
 */
export interface QueuedPhoneSheet {
  /** The token's nonce: one token, one queued sheet. */
  nonce: string;
  token: string;
  answers: PhoneAnswers;
  queuedAt: number;
}

interface PhoneDbSchema extends DBSchema {
  outbox: { key: string; value: QueuedPhoneSheet };
}

export type PhoneDb = IDBPDatabase<PhoneDbSchema>;
export const PHONE_DB_NAME = 'khao-sat-phone';

export async function openPhoneDb(name = PHONE_DB_NAME): Promise<PhoneDb> {
  const db: PhoneDb = await openDB<PhoneDbSchema>(name, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore('outbox', { keyPath: 'nonce' });
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
