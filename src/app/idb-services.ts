import type { KioskSettings } from '../core/settings.ts';
import type { SheetDraft } from '../core/sheet.ts';
import { kioskConnection, NewerSchemaError } from '../storage/connection.ts';
import type { KioskDb } from '../storage/db.ts';
import { isEnrolled } from '../storage/enrolled.ts';
import { handOffSheet, saveHandedOffSheets } from '../storage/handoff.ts';
import { readStorageStatus } from '../storage/persistence.ts';
import { loadSettings, saveSettings } from '../storage/settings-store.ts';
import { addSheet, listSheets, purgePersonalData } from '../storage/sheets.ts';
import type { CollectorLink, KioskServices, SelfScoreService } from './services.ts';
import { newerBuildSeen } from './shell/newer-build.ts';

const COMMIT_MEASURE = 'kiosk:commit-sheet';

/** The tab's sessionStorage, where the browser has one (handoff.ts). */
function tabStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

type IdbServiceOptions = {
  dbName?: string;
  now?: () => number;
  /** Where a sheet waits for the newer build when this build cannot write it (handoff.ts). */
  session?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** The database was migrated by a newer build in another tab (default: newer-build.ts). */
  onNewerSchema?: () => void;
};

/**
 * KioskServices over the device's IndexedDB, through one connection that survives another
 * tab's upgrade (storage/connection.ts).
 */
export function createIdbServices(options: IdbServiceOptions = {}): KioskServices {
  const now = options.now ?? Date.now;
  const session = options.session ?? tabStorage();
  const connection = kioskConnection({
    ...(options.dbName !== undefined && { name: options.dbName }),
    // The service worker that serves the build which migrated the database controls every tab.
    onNewerSchema: options.onNewerSchema ?? (() => newerBuildSeen(true)),
  });
  const db = connection.db;
  const settingsNow = () => connection.use((database) => loadSettings(database, now()));
  // The flag rules need the timing in force; settings are read per submit so a change applies at once.
  const timing = async () => (await settingsNow()).settings.timing;

  return {
    async loadSettings() {
      const loaded = await settingsNow();
      // Sheets an older build of this tab could not write wait for this one (handoff.ts).
      if (session)
        await connection
          .use((database) => saveHandedOffSheets(database, session, loaded.settings.timing))
          .catch(() => 0);
      return loaded;
    },
    saveSettings: async (settings: KioskSettings) =>
      connection.use((database) => saveSettings(database, settings)),
    async submitSheet(draft: SheetDraft) {
      try {
        const rules = await timing();
        const start = performance.now();
        const sheet = await connection.use((database) => addSheet(database, draft, rules));
        // The benchmark reads this measure in a real browser (bench/).
        performance.measure?.(COMMIT_MEASURE, { start, end: performance.now() });
        return sheet;
      } catch (error) {
        // A newer build migrated the database beyond what this one can write: the sheet waits
        // in this tab for that build, which the reload at the start screen brings (handoff.ts).
        if (!(error instanceof NewerSchemaError) || !session) throw error;
        handOffSheet(session, draft);
        return undefined;
      }
    },
    listSheets: async () => connection.use(listSheets),
    purgePersonalData: async (period) =>
      connection.use((database) => purgePersonalData(database, period)),
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
