import type { KioskSettings } from '../core/settings.ts';
import type { SheetDraft } from '../core/sheet.ts';
import { type KioskDb, openKioskDb } from '../storage/db.ts';
import { ensureDevice } from '../storage/device.ts';
import {
  loadCredentials,
  loadSyncStatus,
  markSent,
  saveCredentials,
  unsentSheets,
} from '../storage/outbox.ts';
import { readStorageStatus } from '../storage/persistence.ts';
import { isPinSet, setPin, verifyPin } from '../storage/pin.ts';
import { loadSettings, saveSettings } from '../storage/settings-store.ts';
import { addSheet, listSheets, purgePersonalData } from '../storage/sheets.ts';
import type { SyncDeps } from '../transport/http-sync.ts';
import type { startSyncScheduler } from '../transport/sync-scheduler.ts';
import type { CollectorLink, KioskServices } from './services.ts';

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
    collector: collectorLink(db, now),
  };
}

/** Registration and HTTP sync over the same database. */
function collectorLink(db: () => Promise<KioskDb>, now: () => number): CollectorLink {
  // Sync code (codec, seal, deflate) loads after the kiosk is up: it is not in the first download.
  let scheduler: Promise<ReturnType<typeof startSyncScheduler>> | undefined;
  const schedule = () => {
    scheduler ??= import('../transport/sync-scheduler.ts').then((m) =>
      m.startSyncScheduler(syncDeps),
    );
    return scheduler;
  };
  const syncDeps = async (): Promise<SyncDeps> => {
    const database = await db();
    const { settings } = await loadSettings(database, now());
    return {
      db: database,
      fetch: (input, init) => fetch(input, init),
      subtle: crypto.subtle,
      communeCode: settings.communeCode,
      now,
    };
  };
  return {
    async status() {
      const database = await db();
      const credentials = await loadCredentials(database);
      return {
        collectorUrl: credentials?.collectorUrl,
        deviceId: credentials?.deviceId,
        unsent: (await unsentSheets(database)).length,
        sync: await loadSyncStatus(database),
      };
    },
    async register(collectorUrl, adminToken) {
      const database = await db();
      const { settings } = await loadSettings(database, now());
      const device = await ensureDevice(database);
      const { registerKiosk } = await import('../transport/registration.ts');
      const credentials = await registerKiosk(collectorUrl, adminToken, {
        deviceId: device.deviceId,
        communeCode: settings.communeCode,
        communeName: settings.communeName,
        label: settings.kioskLabel,
      });
      await saveCredentials(database, { collectorUrl, ...credentials });
    },
    startBackgroundSync() {
      void schedule();
    },
    async syncNow() {
      await (await schedule()).syncNow();
    },
    async buildQrExport(scope) {
      const { buildQrExport } = await import('../transport/qr-export.ts');
      const deps = await syncDeps();
      return buildQrExport(deps.db, deps.subtle, deps.communeCode, scope);
    },
    async exportFile(kind, includePersonalData) {
      const { buildCsvExport, buildJsonExport } = await import('../transport/file-export.ts');
      const database = await db();
      const { settings } = await loadSettings(database, now());
      return kind === 'json'
        ? buildJsonExport(database, crypto.subtle, settings, includePersonalData, now())
        : buildCsvExport(database, settings, includePersonalData, now());
    },
    async confirmExported(sheets) {
      const database = await db();
      const byDevice = new Map<string, number[]>();
      for (const { deviceId, seq } of sheets)
        byDevice.set(deviceId, [...(byDevice.get(deviceId) ?? []), seq]);
      for (const [deviceId, seqs] of byDevice) await markSent(database, deviceId, seqs, now());
    },
  };
}
