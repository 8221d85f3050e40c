import type { KioskSettings } from '../core/settings.ts';
import type { SheetDraft } from '../core/sheet.ts';
import { type KioskDb, openKioskDb } from '../storage/db.ts';
import { readStorageStatus } from '../storage/persistence.ts';
import { isPinSet, setPin, verifyPin } from '../storage/pin.ts';
import { loadSettings, saveSettings } from '../storage/settings-store.ts';
import { addSheet, listSheets, purgePersonalData } from '../storage/sheets.ts';
import type { KioskServices } from './services.ts';

const COMMIT_MEASURE = 'kiosk:commit-sheet';

/** KioskServices over the device's IndexedDB. */
export function createIdbServices(
  options: { dbName?: string; now?: () => number } = {},
): KioskServices {
  const now = options.now ?? Date.now;
  let opened: Promise<KioskDb> | undefined;
  const db = () => {
    opened ??= openKioskDb(options.dbName);
    return opened;
  };
  // The flag rules need the timing in force; settings are read per submit so a change applies at once.
  const timing = async () => (await loadSettings(await db(), now())).settings.timing;

  return {
    loadSettings: async () => loadSettings(await db(), now()),
    saveSettings: async (settings: KioskSettings) => saveSettings(await db(), settings),
    async submitSheet(draft: SheetDraft) {
      const [database, rules] = [await db(), await timing()];
      const start = performance.now();
      const sheet = await addSheet(database, draft, rules);
      // The benchmark reads this measure in a real browser (bench/).
      performance.measure?.(COMMIT_MEASURE, { start, end: performance.now() });
      return sheet;
    },
    listSheets: async () => listSheets(await db()),
    purgePersonalData: async (period) => purgePersonalData(await db(), period),
    pin: {
      isSet: async () => isPinSet(await db()),
      set: async (pin) => setPin(await db(), pin),
      verify: async (pin) => verifyPin(await db(), pin, now()),
    },
    storageStatus: () => readStorageStatus(),
  };
}
