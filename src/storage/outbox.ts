import type { KioskDb, StoredSheet } from './db.ts';

/**
 * How delivery to the collecting office went. Sheets themselves are the outbox: unsent
 * until the collector acknowledges their identity.
 */
export interface SyncStatus {
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  /** A Vietnamese sentence, with the problem code where the collector gave one. */
  lastError?: string;
  /** Set on a refusal (4xx): retrying would not help until someone looks. */
  quarantined?: boolean;
  /** Failed attempts in a row, for the back-off. */
  failures: number;
  /** Collector clock minus device clock at the last success, in ms. */
  clockSkewMs?: number;
}

export async function loadSyncStatus(db: KioskDb): Promise<SyncStatus> {
  return ((await db.get('meta', 'sync-status')) as SyncStatus | undefined) ?? { failures: 0 };
}

export async function saveSyncStatus(db: KioskDb, status: SyncStatus): Promise<void> {
  await db.put('meta', status, 'sync-status');
}

/** Sheets the collector has not acknowledged yet, oldest first. */
export async function unsentSheets(db: KioskDb): Promise<StoredSheet[]> {
  return (await db.getAllFromIndex('sheets', 'byCreatedAt')).filter((s) => s.sentAt === undefined);
}

/** Marks acknowledged sheets as sent, in one transaction; sheets already marked keep their time. */
export async function markSent(
  db: KioskDb,
  deviceId: string,
  seqs: readonly number[],
  at: number,
): Promise<void> {
  const tx = db.transaction('sheets', 'readwrite');
  for (const seq of seqs) {
    const sheet = await tx.store.get([deviceId, seq]);
    if (sheet && sheet.sentAt === undefined) await tx.store.put({ ...sheet, sentAt: at });
  }
  await tx.done;
}
