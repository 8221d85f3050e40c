import type { SubtleLike } from '../core/codec/seal.ts';
import type { FlagThresholds } from '../core/settings.ts';
import { loadCredentials, registeredCommune } from '../storage/credentials.ts';
import type { KioskDb } from '../storage/db.ts';
import { markSent, unsentSheets } from '../storage/outbox.ts';
import {
  loadSyncStatus,
  recordCommuneMismatch,
  recordDelivery,
  recordFailure,
} from '../storage/sync-status.ts';
import { collectorClient } from './collector-api.ts';
import { sealKioskBatches } from './kiosk-batches.ts';
import { sendRelayedSheets } from './phone-relay.ts';
import { problemSentence, sentenceOf } from './refusal.ts';

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 30 * 60_000;

export interface SyncDeps {
  db: KioskDb;
  fetch: typeof fetch;
  subtle: SubtleLike;
  /**
   * The commune Cài đặt names now. Batches say the registered one (the credentials'); this
   * is only compared with it, so a change in Cài đặt is reported, not sent.
   */
  communeCode: string;
  /** The kiosk's flag thresholds, which travel with its sheets. */
  thresholds: FlagThresholds;
  now: () => number;
}

export type SyncOutcome =
  | { kind: 'nothing-to-send' }
  | { kind: 'not-registered' }
  | { kind: 'sent'; count: number }
  | { kind: 'retry'; delayMs: number; error: string }
  | { kind: 'quarantined'; error: string };

/** Exponential back-off with jitter: about 5 s, 10 s, 20 s … capped at 30 minutes. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * Sends every unsent sheet, a batch at a time, and marks a sheet sent only when the
 * collector names it in its answer (received or already had). Network and 5xx errors
 * are retried later; a 4xx refusal quarantines the outbox with the collector's reason, and
 * while quarantined only a `manual` try (Gửi ngay) sends again. Every attempt is reported
 * to the sync status (src/storage/sync-status.ts), never written here.
 */
export async function syncOnce(
  deps: SyncDeps,
  options: { manual?: boolean } = {},
): Promise<SyncOutcome> {
  const credentials = await loadCredentials(deps.db);
  if (!credentials) return { kind: 'not-registered' };
  const communeCode = registeredCommune(credentials, deps.communeCode);
  await recordCommuneMismatch(
    deps.db,
    communeCode === deps.communeCode ? undefined : problemSentence('sync.commune-changed'),
  );
  const client = collectorClient({ base: credentials.collectorUrl, fetch: deps.fetch });
  // Citizens' phone sheets scanned at the desk go first: they are few and someone waited.
  const relayed = await sendRelayedSheets(deps.db, client, deps.now);
  const pending = await unsentSheets(deps.db);
  if (pending.length === 0)
    return relayed.sent > 0 ? { kind: 'sent', count: relayed.sent } : { kind: 'nothing-to-send' };
  const status = await loadSyncStatus(deps.db);
  // The collector refused these sheets: sending them again on a timer would not change that.
  if (status.quarantined && !options.manual)
    return { kind: 'quarantined', error: status.lastError ?? '' };
  let sent = relayed.sent;
  const batches = await sealKioskBatches(
    deps.db,
    deps.subtle,
    credentials,
    { communeCode, thresholds: deps.thresholds, sealedAt: deps.now() },
    pending,
    { includesPersonalData: true, includesFineTimes: true },
  );
  for (const { sealed } of batches) {
    const attemptAt = deps.now();
    const reply = await client.call('deliverBatch', {
      raw: { body: Uint8Array.from(sealed), contentType: 'application/octet-stream' },
    });
    if (reply.kind !== 'ok') {
      const quarantine = reply.kind === 'refused';
      const error = quarantine ? sentenceOf(reply) : problemSentence('sync.waiting');
      const { failures } = await recordFailure(deps.db, { attemptAt, error, quarantine });
      return quarantine
        ? { kind: 'quarantined', error }
        : { kind: 'retry', delayMs: backoffDelay(failures), error };
    }
    const result = reply.value;
    await markSent(
      deps.db,
      result.deviceId,
      [...result.received, ...result.duplicates],
      deps.now(),
    );
    sent += result.received.length + result.duplicates.length;
    await recordDelivery(deps.db, {
      attemptAt,
      at: deps.now(),
      clockSkewMs: result.serverTime - deps.now(),
    });
  }
  return { kind: 'sent', count: sent };
}
