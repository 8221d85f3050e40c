import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Role } from '../core/accounts.ts';
import { sameBytes, slowHash } from './slow-hash.ts';

/**
 * The collecting office's IndexedDB (its own database, not the kiosk's): every batch
 * scanned and every file opened at the office, kept as received until the collector
 * server has answered for it, so a day without network loses nothing and the office
 * can still see its figures. Sheets are not stored apart from their parcel: figures
 * are computed from the parcels that were not refused.
 */

/** A batch read off QR frames, or a JSON file opened at the office. */
export type Parcel = {
  /** The batch hash (receipt) for a batch, the file's SHA-256 prefix for a file. */
  id: string;
  communeCode: string;
  communeName?: string;
  sheetCount: number;
  receivedAt: number;
} & ({ kind: 'batch'; body: Uint8Array } | { kind: 'file'; body: string; fileName: string }) &
  (
    | { state: 'pending' }
    | { state: 'delivered'; settledAt: number; received: number; duplicates: number }
    | { state: 'refused'; settledAt: number; reason: string }
  );

export type ParcelState = Parcel['state'];

interface OfficeDbSchema extends DBSchema {
  parcels: { key: string; value: Parcel; indexes: { byState: ParcelState } };
  /** Verifiers of the accounts that signed in online here (version 2). */
  accounts: { key: string; value: AccountVerifier };
  /** 'commune-names'. */
  meta: { key: string; value: unknown };
}

export type OfficeDb = IDBPDatabase<OfficeDbSchema>;
export const OFFICE_DB_NAME = 'khao-sat-office';

/** 1: parcels and meta (with the admin token's verifier); 2: account verifiers, no token verifier. */
export const OFFICE_DB_VERSION = 2;

export async function openOfficeDb(
  name = OFFICE_DB_NAME,
  version = OFFICE_DB_VERSION,
): Promise<OfficeDb> {
  const db: OfficeDb = await openDB<OfficeDbSchema>(name, version, {
    upgrade(upgrading, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        upgrading.createObjectStore('parcels', { keyPath: 'id' }).createIndex('byState', 'state');
        upgrading.createObjectStore('meta');
      }
      if (oldVersion < 2 && version >= 2) {
        upgrading.createObjectStore('accounts', { keyPath: 'username' });
        // The admin token no longer opens the office: its verifier goes (parcels stay).
        void tx.objectStore('meta').delete('token-verifier');
      }
    },
    blocking: () => db.close(),
  });
  return db;
}

/** Keeps a parcel unless one with its id is already here; returns that earlier one if so. */
export async function keepParcel(db: OfficeDb, parcel: Parcel): Promise<Parcel | undefined> {
  const tx = db.transaction('parcels', 'readwrite');
  const known = await tx.store.get(parcel.id);
  if (!known) await tx.store.add(parcel);
  await tx.done;
  return known;
}

export const parcelsIn = (db: OfficeDb, state: ParcelState) =>
  db.getAllFromIndex('parcels', 'byState', state);

export const allParcels = (db: OfficeDb) => db.getAll('parcels');

/** Records the server's answer for a parcel; the body is kept (it can be re-sent or audited). */
export async function settleParcel(
  db: OfficeDb,
  id: string,
  outcome:
    | { state: 'delivered'; received: number; duplicates: number }
    | { state: 'refused'; reason: string },
  now: number,
): Promise<void> {
  const tx = db.transaction('parcels', 'readwrite');
  const parcel = await tx.store.get(id);
  if (parcel) await tx.store.put({ ...parcel, ...outcome, settledAt: now } as Parcel);
  await tx.done;
}

/** Commune names as the server last listed them, for figures computed offline. */
export async function saveCommuneNames(db: OfficeDb, names: Record<string, string>) {
  await db.put('meta', names, 'commune-names');
}
export async function communeNames(db: OfficeDb): Promise<Record<string, string>> {
  return ((await db.get('meta', 'commune-names')) as Record<string, string> | undefined) ?? {};
}

const VERIFIER_ITERATIONS = 200_000;

/** Who an office account is, as the collector named it at its last online sign-in. */
export interface KnownAccount {
  username: string;
  displayName: string;
  role: Role;
  communeCode: string | null;
}

/** An account that signed in online here: a slow hash of its name and password, never the password. */
interface AccountVerifier extends KnownAccount {
  salt: Uint8Array;
  hash: Uint8Array;
  iterations: number;
  verifiedAt: number;
}

const nameOf = (username: string) => username.trim().toLowerCase();
const secretOf = (username: string, password: string) => `${nameOf(username)}\n${password}`;

/**
 * After the collector accepted a sign-in, keeps a PBKDF2 verifier of the name and password, so
 * the same person can open this office's own figures while the server is out of reach.
 * The hash is computed before the write: no await but IndexedDB inside the transaction.
 */
export async function rememberAccount(
  db: OfficeDb,
  account: KnownAccount,
  password: string,
  now: number,
): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await slowHash(secretOf(account.username, password), salt, VERIFIER_ITERATIONS);
  const verifier: AccountVerifier = {
    ...account,
    username: nameOf(account.username),
    salt,
    hash,
    iterations: VERIFIER_ITERATIONS,
    verifiedAt: now,
  };
  await db.put('accounts', verifier);
}

/** The account, when this name and password signed in online here before; else undefined. */
export async function knownAccount(
  db: OfficeDb,
  username: string,
  password: string,
): Promise<KnownAccount | undefined> {
  const verifier = await db.get('accounts', nameOf(username));
  // The same slow hash when the name is unknown: how long it takes says nothing.
  const salt = verifier?.salt ?? new Uint8Array(16);
  const hash = await slowHash(
    secretOf(username, password),
    salt,
    verifier?.iterations ?? VERIFIER_ITERATIONS,
  );
  if (!verifier || !sameBytes(hash, verifier.hash)) return undefined;
  const { username: name, displayName, role, communeCode } = verifier;
  return { username: name, displayName, role, communeCode };
}

/** Forgets an account's verifier (its password was refused online: it changed, or it was disabled). */
export const forgetAccount = (db: OfficeDb, username: string) =>
  db.delete('accounts', nameOf(username));
