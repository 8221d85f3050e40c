import type { FlagThresholds } from '../core/settings.ts';
import type { SheetDraft } from '../core/sheet.ts';
import type { KioskDb } from './db.ts';
import { addSheet } from './sheets.ts';

/**
 * Finished sheets this tab could not write because the database had been migrated by a newer
 * build to a schema this build cannot use (connection.ts: NewerSchemaError). They wait in the
 * tab's sessionStorage, which a reload keeps, and the build that loads after the reload saves
 * them when it opens the database. Key and format are a contract between builds and never
 * change: a JSON array of SheetDraft (core/sheet.ts), oldest first.
 *
 * Why nothing is lost: the draft is in sessionStorage, synchronously, before the citizen is
 * thanked (if that write fails, the sheet stays on screen with "Thử lại"); it leaves the list
 * only after its own transaction has committed; a sheet committed just before a crash, whose
 * draft was still listed, is recognised at the next start and not stored twice.
 */
export const HANDOFF_KEY = 'khao-sat-kiosk:handed-off-sheets';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function read(storage: Store): SheetDraft[] {
  try {
    const list: unknown = JSON.parse(storage.getItem(HANDOFF_KEY) ?? '[]');
    return Array.isArray(list) ? (list as SheetDraft[]) : [];
  } catch {
    return [];
  }
}

function write(storage: Store, list: SheetDraft[]) {
  if (list.length === 0) storage.removeItem(HANDOFF_KEY);
  else storage.setItem(HANDOFF_KEY, JSON.stringify(list));
}

/** Keeps a finished sheet for the next build; throws if the browser refuses to store it. */
export function handOffSheet(storage: Store, draft: SheetDraft): void {
  write(storage, [...read(storage), draft]);
}

export function handedOffCount(storage: Store): number {
  return read(storage).length;
}

/** The same sheet committed already: same moments and answers (a citizen's sheet is unique in those). */
async function isStored(db: KioskDb, draft: SheetDraft): Promise<boolean> {
  const same = await db.getAllFromIndex('sheets', 'byCreatedAt', draft.createdAt);
  return same.some(
    (sheet) =>
      sheet.startedAt === draft.startedAt &&
      sheet.formId === draft.formId &&
      JSON.stringify(sheet.answers) === JSON.stringify(draft.answers),
  );
}

/**
 * Saves the sheets a previous build of this tab handed off, oldest first, each removed from
 * the list once committed. A sheet this build cannot store stays listed. Returns how many
 * were saved.
 */
export async function saveHandedOffSheets(
  db: KioskDb,
  storage: Store,
  timing: FlagThresholds,
): Promise<number> {
  let saved = 0;
  for (const draft of read(storage)) {
    try {
      if (!(await isStored(db, draft))) await addSheet(db, draft, timing);
    } catch {
      continue;
    }
    write(
      storage,
      read(storage).filter((kept) => JSON.stringify(kept) !== JSON.stringify(draft)),
    );
    saved++;
  }
  return saved;
}
