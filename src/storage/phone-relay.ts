import type { KioskDb, RelayedPhoneSheet } from './db.ts';

/** Keeps a phone's sheet unless its token was scanned before; true when it is new. */
export async function keepRelayedSheet(db: KioskDb, sheet: RelayedPhoneSheet): Promise<boolean> {
  const tx = db.transaction('phoneSheets', 'readwrite');
  const known = await tx.store.get(sheet.nonce);
  if (!known) await tx.store.add(sheet);
  await tx.done;
  return !known;
}

/** Relayed sheets the collector has not answered for yet. */
export async function relayedToSend(db: KioskDb): Promise<RelayedPhoneSheet[]> {
  return (await db.getAll('phoneSheets')).filter((s) => !s.sentAt && !s.refusal);
}

export async function settleRelayedSheet(
  db: KioskDb,
  nonce: string,
  outcome: { sentAt: number } | { refusal: string },
): Promise<void> {
  const tx = db.transaction('phoneSheets', 'readwrite');
  const sheet = await tx.store.get(nonce);
  if (sheet) await tx.store.put({ ...sheet, ...outcome });
  await tx.done;
}
