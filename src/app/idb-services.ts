import type { KioskSettings } from '../core/settings.ts';
import type { SheetDraft } from '../core/sheet.ts';
import { type KioskDb, openKioskDb } from '../storage/db.ts';
import { isEnrolled } from '../storage/enrolled.ts';
import { readStorageStatus } from '../storage/persistence.ts';
import { loadSettings, saveSettings } from '../storage/settings-store.ts';
import { addSheet, listSheets, purgePersonalData } from '../storage/sheets.ts';
import type { CollectorLink, KioskServices, SelfScoreService } from './services.ts';

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
      // The PIN code loads when the admin area is asked for, not with the first screen.
      isSet: async () => (await import('../storage/pin.ts')).isPinSet(await db()),
      set: async (pin) => (await import('../storage/pin.ts')).setPin(await db(), pin),
      verify: async (pin) => (await import('../storage/pin.ts')).verifyPin(await db(), pin, now()),
    },
    storageStatus: () => readStorageStatus(),
    collector: lazyCollectorLink(db, now),
    selfScore: lazySelfScore(db, now),
  };
}

/** The self-score (and the scorecard it shows) loads only when its tab is opened. */
function lazySelfScore(db: () => Promise<KioskDb>, now: () => number): SelfScoreService {
  let loaded: Promise<SelfScoreService> | undefined;
  const service = () => {
    loaded ??= import('./self-score-service.ts').then((m) => m.selfScoreService(db, now));
    return loaded;
  };
  return {
    scorecard: async () => (await service()).scorecard(),
    loadDraft: async (year) => (await service()).loadDraft(year),
    saveDraft: async (draft) => (await service()).saveDraft(draft),
    send: async (draft) => (await service()).send(draft),
    file: async (draft) => (await service()).file(draft),
  };
}

/**
 * The collector link loads on first use (after the kiosk is up): enrolment, sync,
 * codec and exports are not part of the kiosk's first download.
 */
function lazyCollectorLink(db: () => Promise<KioskDb>, now: () => number): CollectorLink {
  let loaded: Promise<CollectorLink> | undefined;
  const link = () => {
    loaded ??= import('./collector-link.ts').then((m) => m.collectorLink(db, now));
    return loaded;
  };
  return {
    status: async () => (await link()).status(),
    enrol: async (text, url) => (await link()).enrol(text, url),
    deviceId: async () => (await link()).deviceId(),
    // Sync and phone code load only for an enrolled kiosk; enrolling starts sync itself.
    startBackgroundSync: () => {
      void (async () => {
        if (await isEnrolled(await db())) (await link()).startBackgroundSync();
      })();
    },
    syncNow: async () => (await link()).syncNow(),
    buildQrExport: async (scope, qr) => (await link()).buildQrExport(scope, qr),
    confirmExported: async (sheets) => (await link()).confirmExported(sheets),
    exportFile: async (kind, personal) => (await link()).exportFile(kind, personal),
    phoneLink: async () =>
      (await isEnrolled(await db())) ? (await link()).phoneLink() : undefined,
    phoneLinkUsed: async (url) => (await link()).phoneLinkUsed(url),
    receiveAnswerQr: async (text) => (await link()).receiveAnswerQr(text),
  };
}
