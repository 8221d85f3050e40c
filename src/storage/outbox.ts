import type { KioskDb, StoredSheet } from './db.ts';

/** Sheets the collector has not acknowledged yet, oldest first: the sheets themselves are the outbox. */
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
