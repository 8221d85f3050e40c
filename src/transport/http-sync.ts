import type { IngestResult } from '../core/api.ts';
import type { SubtleLike } from '../core/codec/seal.ts';
import type { FlagThresholds } from '../core/settings.ts';
import { loadCredentials } from '../storage/credentials.ts';
import type { KioskDb } from '../storage/db.ts';
import {
  loadSyncStatus,
  markSent,
  type SyncStatus,
  saveSyncStatus,
  unsentSheets,
} from '../storage/outbox.ts';
import { sealKioskBatches } from './kiosk-batches.ts';
import { sendRelayedSheets } from './phone-relay.ts';
import { isTransient, refusalSentence } from './refusal.ts';

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 30 * 60_000;

export interface SyncDeps {
  db: KioskDb;
  fetch: typeof fetch;
  subtle: SubtleLike;
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

const NETWORK_ERROR =
  'Chưa gửi được phiếu về cơ quan thu phiếu (mất mạng hoặc máy chủ bận). Máy sẽ tự thử lại.';

/** Exponential back-off with jitter: about 5 s, 10 s, 20 s … capped at 30 minutes. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * Sends every unsent sheet, a batch at a time, and marks a sheet sent only when the
 * collector names it in its answer (received or already had). Network and 5xx errors
 * are retried later; a 4xx refusal quarantines the outbox with the collector's reason.
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncOutcome> {
  const credentials = await loadCredentials(deps.db);
  if (!credentials) return { kind: 'not-registered' };
  // Citizens' phone sheets scanned at the desk go first: they are few and someone waited.
  const relayed = await sendRelayedSheets(deps.db, credentials.collectorUrl, deps.fetch, deps.now);
  const pending = await unsentSheets(deps.db);
  if (pending.length === 0)
    return relayed.sent > 0 ? { kind: 'sent', count: relayed.sent } : { kind: 'nothing-to-send' };
  const status = await loadSyncStatus(deps.db);
  let sent = relayed.sent;
  const batches = await sealKioskBatches(
    deps.db,
    deps.subtle,
    credentials,
    { communeCode: deps.communeCode, thresholds: deps.thresholds, sealedAt: deps.now() },
    pending,
    { includesPersonalData: true, includesFineTimes: true },
  );
  for (const { sealed } of batches) {
    const attemptAt = deps.now();
    let response: Response;
    try {
      response = await deps.fetch(new URL('/api/v1/batches', credentials.collectorUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Uint8Array.from(sealed),
      });
    } catch {
      return fail(deps, status, attemptAt, NETWORK_ERROR, false);
    }
    if (isTransient(response.status)) return fail(deps, status, attemptAt, NETWORK_ERROR, false);
    if (!response.ok) {
      const error = await refusalSentence(response, 'Cơ quan thu phiếu từ chối lô dữ liệu.');
      return fail(deps, status, attemptAt, error, true);
    }
    const result = (await response.json()) as IngestResult;
    await markSent(
      deps.db,
      result.deviceId,
      [...result.received, ...result.duplicates],
      deps.now(),
    );
    sent += result.received.length + result.duplicates.length;
    Object.assign(status, {
      lastSuccessAt: deps.now(),
      lastAttemptAt: attemptAt,
      lastError: undefined,
      quarantined: false,
      failures: 0,
      clockSkewMs: result.serverTime - deps.now(),
    });
    await saveSyncStatus(deps.db, status);
  }
  return { kind: 'sent', count: sent };
}

async function fail(
  deps: SyncDeps,
  status: SyncStatus,
  at: number,
  error: string,
  quarantine: boolean,
): Promise<SyncOutcome> {
  const failures = status.failures + 1;
  await saveSyncStatus(deps.db, {
    ...status,
    lastAttemptAt: at,
    lastError: error,
    quarantined: quarantine,
    failures,
  });
  return quarantine
    ? { kind: 'quarantined', error }
    : { kind: 'retry', delayMs: backoffDelay(failures), error };
}
