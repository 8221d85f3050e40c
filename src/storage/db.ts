import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  openDB,
  type StoreNames,
} from 'idb';
import type { PhoneAnswers } from '../core/phone/phone-sheet.ts';
import type { Sheet } from '../core/sheet.ts';

/**
 * The kiosk's IndexedDB schema. Migrations are an append-only list: a shipped step is
 * never edited, a change is a new step (README.md beside this file). Version N of the
 * database is what the first N steps build.
 */

/** A stored sheet: the sheet itself plus what only this device needs to know about it. */
export type StoredSheet = Sheet & {
  /** When the collecting office acknowledged the sheet (HTTP sync, or a confirmed QR/file export). */
  sentAt?: number;
};

/** The device's identity and sequence counter, created with the first sheet. */
export interface DeviceRecord {
  deviceId: string;
  lastSeq: number;
}

export interface KioskDbSchema extends DBSchema {
  sheets: {
    key: [string, number];
    value: StoredSheet;
    indexes: { byCreatedAt: number };
  };
  /** Small records by name: 'device', 'pin', 'pin-lockout'. */
  meta: { key: string; value: unknown };
  /** The kiosk settings record under the key 'current'; kept raw so a damaged one can be shown, not lost. */
  settings: { key: string; value: unknown };
  /** Sheets answered on a citizen's phone and scanned here from its answer QR, to send on. */
  phoneSheets: { key: string; value: RelayedPhoneSheet };
  /** The commune's self-score of Section B, one draft a survey year (self-scores.ts). */
  selfScores: { key: number; value: SelfScoreDraft };
}

/** A phone's sheet the kiosk carries to the collector; it keeps its token and identity. */
export interface RelayedPhoneSheet {
  /** The token's nonce: the sheet's device id at the collector. */
  nonce: string;
  token: string;
  /** The phone's claim on the token, from the answer QR, when it had one. */
  claim?: string;
  answers: PhoneAnswers;
  scannedAt: number;
  sentAt?: number;
  /** The collector's sentence when it refused the sheet for good. */
  refusal?: string;
}

/**
 * The commune's self-score of Section B as staff type it (Quản trị → Tự chấm điểm), one
 * record a survey year, kept while it is made and after it is sent (self-scores.ts).
 */
export interface SelfScoreDraft {
  year: number;
  /** The profile version whose Bảng thang chấm điểm the leaf ids below belong to. */
  profileId: string;
  profileVersion: number;
  /** Half-points per scored leaf id; a leaf not listed has no score yet (it counts 0). */
  scores: Record<string, number>;
  /** The commune's note per leaf id. */
  notes: Record<string, string>;
  updatedAt: number;
  /** The last signed file the collector took, and what it answered. */
  sent?: { submittedAt: number; at: number; status: 'received' | 'duplicate' };
}

export type KioskDb = IDBPDatabase<KioskDbSchema>;
type UpgradeTx = IDBPTransaction<KioskDbSchema, StoreNames<KioskDbSchema>[], 'versionchange'>;
type Migration = (db: KioskDb, tx: UpgradeTx) => Promise<void> | void;

// Migration code talks to stores by the name they had in that version, hence the casts.
type LooseDb = IDBPDatabase<unknown>;
type LooseTx = IDBPTransaction<unknown, string[], 'versionchange'>;

export const migrations: readonly Migration[] = [
  // v1: sheets keyed by identity; settings lived in 'meta' under 'settings'.
  (db) => {
    db.createObjectStore('sheets', { keyPath: ['deviceId', 'seq'] });
    db.createObjectStore('meta');
  },
  // v2: an index for period queries, and settings in their own store.
  async (db, tx) => {
    tx.objectStore('sheets').createIndex('byCreatedAt', 'createdAt');
    (db as unknown as LooseDb).createObjectStore('settings');
    const loose = tx as unknown as LooseTx;
    const old = await loose.objectStore('meta').get('settings');
    if (old !== undefined) {
      await loose.objectStore('settings').put(old, 'current');
      await loose.objectStore('meta').delete('settings');
    }
  },
  // v3: phone sheets relayed from an answer QR (phone mode), keyed by their token's nonce.
  (db) => {
    (db as unknown as LooseDb).createObjectStore('phoneSheets', { keyPath: 'nonce' });
  },
  // v4: the commune's self-score of Section B (Tự chấm điểm), one draft a year, keyed by year.
  (db) => {
    (db as unknown as LooseDb).createObjectStore('selfScores', { keyPath: 'year' });
  },
];

export const DB_VERSION = migrations.length;
export const DEFAULT_DB_NAME = 'khao-sat-kiosk';

/** What an open connection reports to its owner (connection.ts). */
export interface KioskDbEvents {
  /**
   * Another tab asked for `newVersion` (null: the database is being deleted). The connection
   * is already closed when this is called, so that tab's upgrade is never blocked.
   */
  onVersionChange?: (newVersion: number | null) => void;
  /** The browser closed the connection itself (storage cleared, disk error). */
  onTerminated?: () => void;
}

/** Opens (and migrates) the kiosk database; `version` below DB_VERSION is for migration tests only. */
export async function openKioskDb(
  name = DEFAULT_DB_NAME,
  version = DB_VERSION,
  events: KioskDbEvents = {},
): Promise<KioskDb> {
  const db: KioskDb = await openDB<KioskDbSchema>(name, version, {
    async upgrade(upgrading, oldVersion, newVersion, tx) {
      for (let step = oldVersion; step < (newVersion ?? version); step++) {
        await migrations[step]?.(upgrading, tx);
      }
    },
    // A newer tab (after an app update) wants to migrate: step aside rather than block it.
    blocking: (_current, blockedVersion) => {
      db.close();
      events.onVersionChange?.(blockedVersion);
    },
    terminated: () => events.onTerminated?.(),
  });
  return db;
}

/** The stores and indexes this build reads and writes: what a newer schema must still have. */
const STORES_IN_USE = ['sheets', 'meta', 'settings', 'phoneSheets', 'selfScores'] as const;

/**
 * Opens the database at whatever version it has, without upgrading it: for a tab whose build
 * is older than the database (another tab's newer build migrated it). Resolves undefined when
 * that schema lacks a store or index this build uses; the caller must then not write to it.
 * Migrations keep every store and index of earlier builds (README.md beside this file), so a
 * previous build's sheet written here is one the newer build reads like any it migrated.
 */
export async function openNewerKioskDb(
  name = DEFAULT_DB_NAME,
  events: KioskDbEvents = {},
): Promise<KioskDb | undefined> {
  const db: KioskDb = await openDB<KioskDbSchema>(name, undefined, {
    blocking: (_current, blockedVersion) => {
      db.close();
      events.onVersionChange?.(blockedVersion);
    },
    terminated: () => events.onTerminated?.(),
  });
  const stores = db.objectStoreNames;
  const compatible =
    db.version > DB_VERSION &&
    STORES_IN_USE.every((store) => stores.contains(store)) &&
    db.transaction('sheets').store.indexNames.contains('byCreatedAt');
  if (compatible) return db;
  db.close();
  return undefined;
}
