import type { StoredSheet } from '../storage/db.ts';

/** At most this many sheets a batch: far under the collector's 1 MiB limit, even with text. */
export const SHEETS_PER_BATCH = 1000;

/** Sheets grouped by device and profile version (a batch holds one of each), cut to SHEETS_PER_BATCH. */
export function batchesOf(sheets: readonly StoredSheet[]): StoredSheet[][] {
  const groups = new Map<string, StoredSheet[]>();
  for (const sheet of [...sheets].sort((a, b) => a.seq - b.seq)) {
    const key = `${sheet.deviceId}/${sheet.profileId}/${sheet.profileVersion}`;
    const group = groups.get(key) ?? [];
    group.push(sheet);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((group) =>
    Array.from({ length: Math.ceil(group.length / SHEETS_PER_BATCH) }, (_, i) =>
      group.slice(i * SHEETS_PER_BATCH, (i + 1) * SHEETS_PER_BATCH),
    ),
  );
}
