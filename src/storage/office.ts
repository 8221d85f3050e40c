import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
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
  /** 'token-verifier', 'commune-names'. */
  meta: { key: string; value: unknown };
}

export type OfficeDb = IDBPDatabase<OfficeDbSchema>;
export const OFFICE_DB_NAME = 'khao-sat-office';

export async function openOfficeDb(name = OFFICE_DB_NAME): Promise<OfficeDb> {
  const db: OfficeDb = await openDB<OfficeDbSchema>(name, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore('parcels', { keyPath: 'id' }).createIndex('byState', 'state');
      upgrading.createObjectStore('meta');
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

const TOKEN_ITERATIONS = 200_000;
interface TokenVerifier {
  salt: Uint8Array;
  hash: Uint8Array;
  iterations: number;
}

/**
 * The admin token is never stored; a slow hash of it is, once the server has accepted
 * it, so the office screen can open offline for the person who knows the token.
 */
export async function rememberToken(db: OfficeDb, token: string): Promise<void> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const verifier: TokenVerifier = {
    salt,
    hash: await slowHash(token, salt, TOKEN_ITERATIONS),
    iterations: TOKEN_ITERATIONS,
  };
  await db.put('meta', verifier, 'token-verifier');
}

export async function tokenKnown(db: OfficeDb, token: string): Promise<boolean> {
  const verifier = (await db.get('meta', 'token-verifier')) as TokenVerifier | undefined;
  if (!verifier) return false;
  return sameBytes(await slowHash(token, verifier.salt, verifier.iterations), verifier.hash);
}
