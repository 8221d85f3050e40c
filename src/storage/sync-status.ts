import type { KioskDb } from './db.ts';

/**
 * How delivery to the collecting office went: the one record the kiosk's status panel reads
 * (meta 'sync-status'). This module is its only writer. HTTP sync reports each attempt, the
 * phone link reports the collector's clock, a registration reports a fresh start; each
 * report changes only its own fields, read and written in one transaction, so the phone
 * link never erases a failed sync's error and two reports never undo each other.
 */
export interface SyncStatus {
  lastSuccessAt?: number;
  lastAttemptAt?: number;
  /** A Vietnamese sentence, with the problem code where the collector gave one. */
  lastError?: string;
  /** Set on a refusal (4xx): automatic tries stop until someone looks (Gửi ngay, a new registration). */
  quarantined?: boolean;
  /** Failed attempts in a row, for the back-off. */
  failures: number;
  /** Collector clock minus device clock, as last read, in ms. */
  clockSkewMs?: number;
  /** The commune in Cài đặt is not the one the kiosk registered for: the catalogue's sentence. */
  communeMismatch?: string;
}

const KEY = 'sync-status';

export async function loadSyncStatus(db: KioskDb): Promise<SyncStatus> {
  return ((await db.get('meta', KEY)) as SyncStatus | undefined) ?? { failures: 0 };
}

/** Reads, changes and writes the record in one transaction; returns what was written. */
async function change(
  db: KioskDb,
  update: (status: SyncStatus) => SyncStatus,
): Promise<SyncStatus> {
  const tx = db.transaction('meta', 'readwrite');
  const current = ((await tx.store.get(KEY)) as SyncStatus | undefined) ?? { failures: 0 };
  const next = update(current);
  await tx.store.put(next, KEY);
  await tx.done;
  return next;
}

/** The collector took a batch: errors and quarantine clear, its clock is noted. */
export const recordDelivery = (
  db: KioskDb,
  report: { attemptAt: number; at: number; clockSkewMs: number },
) =>
  change(db, ({ lastError: _error, quarantined: _quarantined, ...status }) => ({
    ...status,
    lastSuccessAt: report.at,
    lastAttemptAt: report.attemptAt,
    failures: 0,
    clockSkewMs: report.clockSkewMs,
  }));

/** A try failed: retried after a back-off, or quarantined when the collector refused it. */
export const recordFailure = (
  db: KioskDb,
  report: { attemptAt: number; error: string; quarantine: boolean },
) =>
  change(db, (status) => ({
    ...status,
    lastAttemptAt: report.attemptAt,
    lastError: report.error,
    quarantined: report.quarantine,
    failures: status.failures + 1,
  }));

/** The collector's clock as read for a phone token; nothing else changes. */
export const recordClockSkew = (db: KioskDb, clockSkewMs: number) =>
  change(db, (status) => ({ ...status, clockSkewMs }));

/** Whether the commune in Cài đặt disagrees with the registration (a sentence), or not. */
export const recordCommuneMismatch = (db: KioskDb, sentence: string | undefined) =>
  change(db, ({ communeMismatch: _old, ...status }) =>
    sentence ? { ...status, communeMismatch: sentence } : status,
  );

/** A new registration: what the last one's collector refused no longer holds. */
export const recordRegistration = (db: KioskDb) =>
  change(db, ({ lastError: _error, quarantined: _quarantined, ...status }) => ({
    ...status,
    failures: 0,
  }));
