import {
  DB_VERSION,
  type KioskDb,
  type KioskDbEvents,
  openKioskDb,
  openNewerKioskDb,
} from './db.ts';

/**
 * The database is newer than this build and lacks a store or index this build uses, so this
 * build must not write to it (handoff.ts keeps a finished sheet for the newer build instead).
 */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
  constructor() {
    super('The kiosk database was upgraded by a newer version of the app.');
  }
}

export interface KioskConnection {
  /** An open connection: the one in use, or a new one if that was closed. */
  db(): Promise<KioskDb>;
  /**
   * Runs `work` on an open connection. If the connection turns out closed under it (another
   * tab's upgrade closed it between `db()` and the first transaction), IndexedDB refuses the
   * transaction with InvalidStateError before anything is written; `work` then runs once more
   * on a reopened connection. `work` must be one transaction, or safe to repeat.
   */
  use<T>(work: (db: KioskDb) => Promise<T>): Promise<T>;
}

export interface ConnectionOptions {
  name?: string;
  /**
   * The database became newer than it was when this page first opened it: a newer build (in
   * another tab) migrated it, and a reload would run that build. Called at most once.
   */
  onNewerSchema?: () => void;
}

const isDomError = (error: unknown, name: string) =>
  error instanceof Error && (error as { name?: unknown }).name === name;

/**
 * The kiosk's one handle on its database, shared by every service of a page. Two tabs of the
 * kiosk each hold one: when the other tab's new build upgrades the database, this tab's
 * connection closes at once (the upgrade is never blocked) and is marked stale; the next use
 * reopens it. Reopening with this build's version fails with VersionError once the database
 * is newer: it is then opened at its own version if it still has what this build uses (the
 * migration rules promise that), so a sheet being sent is written all the same.
 */
export function kioskConnection({ name, onNewerSchema }: ConnectionOptions = {}): KioskConnection {
  let current: Promise<KioskDb> | undefined;
  /** The version of the first connection this page opened. */
  let firstVersion: number | undefined;
  let told = false;
  const newer = () => {
    if (told || firstVersion === undefined) return;
    told = true;
    onNewerSchema?.();
  };
  const events: KioskDbEvents = {
    onVersionChange: (version) => {
      current = undefined;
      if (version !== null && firstVersion !== undefined && version > firstVersion) newer();
    },
    onTerminated: () => {
      current = undefined;
    },
  };
  const open = async (): Promise<KioskDb> => {
    let db: KioskDb | undefined;
    try {
      db = await openKioskDb(name, DB_VERSION, events);
    } catch (error) {
      if (!isDomError(error, 'VersionError')) throw error;
      db = await openNewerKioskDb(name, events);
      if (!db) {
        newer();
        throw new NewerSchemaError();
      }
    }
    firstVersion ??= db.version;
    if (db.version > firstVersion) newer();
    return db;
  };
  const get = (): Promise<KioskDb> => {
    if (current) return current;
    const opening = open();
    current = opening;
    // A failed open is not kept: the next use tries again.
    opening.catch(() => {
      if (current === opening) current = undefined;
    });
    return opening;
  };
  return {
    db: get,
    async use(work) {
      const opening = get();
      const database = await opening;
      try {
        return await work(database);
      } catch (error) {
        if (!isDomError(error, 'InvalidStateError')) throw error;
        if (current === opening) current = undefined;
        return work(await get());
      }
    },
  };
}
