import { describe, expect, it, vi } from 'vitest';
import { createIdbServices } from '../../src/app/idb-services.ts';
import { defaultTiming } from '../../src/core/settings.ts';
import { kioskConnection, NewerSchemaError } from '../../src/storage/connection.ts';
import { DB_VERSION, openKioskDb } from '../../src/storage/db.ts';
import {
  HANDOFF_KEY,
  handedOffCount,
  handOffSheet,
  saveHandedOffSheets,
} from '../../src/storage/handoff.ts';
import { addSheet, listSheets } from '../../src/storage/sheets.ts';
import { draftAt, freshDbName } from './fixtures.ts';

const now = Date.UTC(2026, 10, 23, 3);

/** What a newer build in another tab does: opens the database at a higher version and migrates it. */
function upgradeElsewhere(name: string, change: (db: IDBDatabase) => void = () => {}) {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, DB_VERSION + 1);
    request.onupgradeneeded = () => change(request.result);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the upgrade was blocked by an open connection'));
  });
}

const addStore = (db: IDBDatabase) => db.createObjectStore('addedLater');

/** sessionStorage as a Map. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the kiosk connection across another tab’s upgrade', () => {
  it('steps aside for the upgrade and writes the next sheet into the newer database', async () => {
    const name = freshDbName();
    const onNewerSchema = vi.fn();
    const connection = kioskConnection({ name, onNewerSchema });
    await connection.use((db) => addSheet(db, draftAt(now), defaultTiming));

    await upgradeElsewhere(name, addStore); // not blocked: the connection closed on versionchange
    expect(onNewerSchema).toHaveBeenCalledTimes(1);

    const second = await connection.use((db) => addSheet(db, draftAt(now + 90_000), defaultTiming));
    expect(second.seq).toBe(2);
    const db = await connection.db();
    expect(db.version).toBe(DB_VERSION + 1);
    expect((await listSheets(db)).map((s) => s.seq)).toEqual([1, 2]);
    expect(onNewerSchema).toHaveBeenCalledTimes(1);
  });

  it('runs the work again on a fresh connection when the one it got was closed under it', async () => {
    const connection = kioskConnection({ name: freshDbName() });
    let runs = 0;
    const sheet = await connection.use(async (db) => {
      runs++;
      if (runs === 1) db.close(); // as a versionchange does between open and transaction
      return addSheet(db, draftAt(now), defaultTiming);
    });
    expect(runs).toBe(2);
    expect(sheet.seq).toBe(1);
    expect(await listSheets(await connection.db())).toHaveLength(1);
  });

  it('refuses to write into a newer schema that lacks a store this build uses', async () => {
    const name = freshDbName();
    const onNewerSchema = vi.fn();
    const connection = kioskConnection({ name, onNewerSchema });
    await connection.use((db) => addSheet(db, draftAt(now), defaultTiming));
    await upgradeElsewhere(name, (db) => db.deleteObjectStore('selfScores'));
    await expect(
      connection.use((db) => addSheet(db, draftAt(now + 90_000), defaultTiming)),
    ).rejects.toBeInstanceOf(NewerSchemaError);
    expect(onNewerSchema).toHaveBeenCalledTimes(1);
  });

  it('does not ask for a reload when the page started on the newer database already', async () => {
    const name = freshDbName();
    (await openKioskDb(name)).close();
    await upgradeElsewhere(name, addStore);
    const onNewerSchema = vi.fn();
    const connection = kioskConnection({ name, onNewerSchema });
    const sheet = await connection.use((db) => addSheet(db, draftAt(now), defaultTiming));
    expect(sheet.seq).toBe(1);
    expect(onNewerSchema).not.toHaveBeenCalled(); // a reload would load this same build again
  });
});

describe('sheets handed off to the newer build', () => {
  it('are saved by the next build once, oldest first, and leave the list', async () => {
    const storage = memoryStorage();
    handOffSheet(storage, draftAt(now));
    handOffSheet(storage, draftAt(now + 90_000));
    expect(handedOffCount(storage)).toBe(2);
    const db = await openKioskDb(freshDbName());
    expect(await saveHandedOffSheets(db, storage, defaultTiming)).toBe(2);
    expect((await listSheets(db)).map((s) => [s.seq, s.createdAt])).toEqual([
      [1, now],
      [2, now + 90_000],
    ]);
    expect(storage.items.has(HANDOFF_KEY)).toBe(false);
    expect(await saveHandedOffSheets(db, storage, defaultTiming)).toBe(0);
  });

  it('are not stored twice when a crash came between the commit and the list', async () => {
    const storage = memoryStorage();
    const db = await openKioskDb(freshDbName());
    await addSheet(db, draftAt(now), defaultTiming);
    handOffSheet(storage, draftAt(now));
    await saveHandedOffSheets(db, storage, defaultTiming);
    expect(await listSheets(db)).toHaveLength(1);
    expect(handedOffCount(storage)).toBe(0);
  });

  it('wait in the tab when this build cannot write, and the next start saves them', async () => {
    const name = freshDbName();
    const session = memoryStorage();
    const old = createIdbServices({
      dbName: name,
      now: () => now,
      session,
      onNewerSchema: vi.fn(),
    });
    await old.submitSheet(draftAt(now));
    await upgradeElsewhere(name, (db) => db.deleteObjectStore('selfScores'));
    expect(await old.submitSheet(draftAt(now + 90_000))).toBeUndefined();
    expect(handedOffCount(session)).toBe(1);

    // The newer build's start, played here by this build on a database it can use.
    const next = createIdbServices({ dbName: freshDbName(), now: () => now, session });
    await next.loadSettings();
    expect((await next.listSheets()).map((s) => s.createdAt)).toEqual([now + 90_000]);
    expect(handedOffCount(session)).toBe(0);
  });
});
