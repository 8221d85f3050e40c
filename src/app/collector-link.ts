import { flagThresholdsOf } from '../core/settings.ts';
import { loadCredentials } from '../storage/credentials.ts';
import type { KioskDb } from '../storage/db.ts';
import { ensureDevice } from '../storage/device.ts';
import { markSent, unsentSheets } from '../storage/outbox.ts';
import { relayedToSend } from '../storage/phone-relay.ts';
import { loadSettings } from '../storage/settings-store.ts';
import { loadSyncStatus } from '../storage/sync-status.ts';
import type { SyncDeps } from '../transport/http-sync.ts';
import type { startSyncScheduler } from '../transport/sync-scheduler.ts';
import type { CollectorLink } from './services.ts';

/** Enrolment and HTTP sync over the same database. */
export function collectorLink(db: () => Promise<KioskDb>, now: () => number): CollectorLink {
  // Sync code (codec, seal, deflate) loads after the kiosk is up: it is not in the first download.
  let scheduler: Promise<ReturnType<typeof startSyncScheduler>> | undefined;
  const schedule = () => {
    scheduler ??= import('../transport/sync-scheduler.ts').then((m) =>
      m.startSyncScheduler(syncDeps),
    );
    return scheduler;
  };
  /** The database and the settings in force now, which most calls below need together. */
  const withSettings = async () => {
    const database = await db();
    return { database, settings: (await loadSettings(database, now())).settings };
  };
  const syncDeps = async (): Promise<SyncDeps> => {
    const { database, settings } = await withSettings();
    return {
      db: database,
      fetch: (input, init) => fetch(input, init),
      subtle: crypto.subtle,
      communeCode: settings.communeCode,
      thresholds: flagThresholdsOf(settings.timing),
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
        phoneUnsent: (await relayedToSend(database)).length,
        sync: await loadSyncStatus(database),
      };
    },
    async enrol(text, collectorUrl) {
      const { enrol } = await import('../transport/enrolment.ts');
      const enrolled = await enrol(await db(), text, { collectorUrl, now: now() });
      // Sheets taken before the tablet was enrolled go at once, not at the next timer.
      // Sync starts with the enrolment (the start screen starts none before it); sheets taken
      // before it go at once when the collector was reached, else when the network is back.
      const started = schedule();
      if (enrolled.online) void started.then((s) => s.syncNow().catch(() => {}));
      return enrolled;
    },
    async deviceId() {
      return (await ensureDevice(await db())).deviceId;
    },
    startBackgroundSync() {
      void schedule();
    },
    async syncNow() {
      await (await schedule()).syncNow();
    },
    async buildQrExport(scope, qr) {
      const { buildQrExport } = await import('../transport/qr-export.ts');
      const deps = await syncDeps();
      const voice = { communeCode: deps.communeCode, thresholds: deps.thresholds, sealedAt: 0 };
      return buildQrExport(deps.db, deps.subtle, voice, scope, qr);
    },
    async phoneLink() {
      const { buildPhoneLink } = await import('../transport/phone-link.ts');
      const { database, settings } = await withSettings();
      return buildPhoneLink(database, settings, now());
    },
    async receiveAnswerQr(text) {
      const { receiveAnswerQr } = await import('../transport/phone-relay.ts');
      const { database, settings } = await withSettings();
      const result = await receiveAnswerQr(database, settings, text, now());
      void (await schedule()).syncNow();
      return result;
    },
    async phoneLinkUsed(link) {
      const { phoneLinkUsed } = await import('../transport/phone-link.ts');
      return phoneLinkUsed(link);
    },
    async exportFile(kind, includePersonalData) {
      const files = await import('../transport/file-export.ts');
      const { database, settings } = await withSettings();
      if (kind === 'json')
        return files.buildJsonExport(database, settings, includePersonalData, now());
      const build = kind === 'csv' ? files.buildCsvExport : files.buildXlsxExport;
      return build(database, settings, includePersonalData, now());
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
