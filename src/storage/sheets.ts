import { flagsForNewSheet } from '../core/flags.ts';
import { inPeriod } from '../core/period.ts';
import type { FlagThresholds, Period } from '../core/settings.ts';
import { hasPersonalData, type Sheet, type SheetDraft, sheetSchema } from '../core/sheet.ts';
import type { DeviceRecord, KioskDb, StoredSheet } from './db.ts';
import { newDeviceId } from './device.ts';

/**
 * Stores a sheet: allocates the next per-device sequence number, computes the flags
 * from the device's previous sheets and writes the sheet, all in one transaction, so
 * numbers never repeat or skip. Resolves only after the transaction has committed.
 */
export async function addSheet(
  db: KioskDb,
  draft: SheetDraft,
  timing: FlagThresholds,
): Promise<Sheet> {
  const freshId = newDeviceId(); // made before the transaction: only IndexedDB awaits inside it
  const tx = db.transaction(['sheets', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  const device = ((await meta.get('device')) as DeviceRecord | undefined) ?? {
    deviceId: freshId,
    lastSeq: 0,
  };
  const seq = device.lastSeq + 1;
  const lookBack = Math.max(timing.burstCount, timing.identicalRunLength, 1);
  const prior =
    seq === 1
      ? []
      : await tx
          .objectStore('sheets')
          .getAll(
            IDBKeyRange.bound(
              [device.deviceId, Math.max(1, seq - lookBack)],
              [device.deviceId, seq - 1],
            ),
          );

  const { nonResident: _nonResident, ...rest } = draft;
  const sheet: Sheet = sheetSchema.parse({
    ...rest,
    deviceId: device.deviceId,
    seq,
    flags: flagsForNewSheet(draft, prior, timing),
  });
  await meta.put({ ...device, lastSeq: seq }, 'device');
  await tx.objectStore('sheets').add(sheet);
  await tx.done;
  return sheet;
}

/** Every stored sheet, oldest first. */
export async function listSheets(db: KioskDb): Promise<StoredSheet[]> {
  return db.getAllFromIndex('sheets', 'byCreatedAt');
}

/**
 * Erases respondent, reasons and suggestion of the sheets created in the period.
 * Answers, identity and flags are never touched. Returns how many sheets changed.
 */
export async function purgePersonalData(db: KioskDb, period: Period): Promise<number> {
  const tx = db.transaction('sheets', 'readwrite');
  let changed = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const sheet = cursor.value;
    if (!inPeriod(sheet.createdAt, period) || !hasPersonalData(sheet)) continue;
    const { respondent: _r, reasons: _why, suggestion: _s, ...kept } = sheet;
    await cursor.update(kept);
    changed++;
  }
  await tx.done;
  return changed;
}
