import { batchIdOf, toFrames } from '../core/codec/frames.ts';
import { receiptOf } from '../core/codec/receipt.ts';
import type { SubtleLike } from '../core/codec/seal.ts';
import { inPeriod } from '../core/period.ts';
import { Problem } from '../core/problems.ts';
import type { Period } from '../core/settings.ts';
import { loadCredentials } from '../storage/credentials.ts';
import type { KioskDb, StoredSheet } from '../storage/db.ts';
import { listSheets } from '../storage/sheets.ts';
import { type KioskVoice, sealKioskBatches } from './kiosk-batches.ts';
import { defaultFrameQrOptions, type FrameQrOptions, frameCharsFor } from './qr-frame-image.ts';

/** Which sheets a QR export carries. */
export type ExportScope = { kind: 'unsent' } | { kind: 'period'; period: Period };

export interface QrExport {
  /** Every frame of every batch, in order; the reader takes them in any order. */
  frames: string[];
  /** How the frames are to be drawn (they were cut to fit). */
  qr: FrameQrOptions;
  sheetCount: number;
  /** What to mark sent once the office confirms it has them (PIN confirmation: all at once). */
  sheets: SheetIdentity[];
  /** Each batch with the receipt the office shows for it (docs/formats.md, "Receipt QR"). */
  batches: { receipt: string; sheets: SheetIdentity[] }[];
}

export interface SheetIdentity {
  deviceId: string;
  seq: number;
}

const identityOf = ({ deviceId, seq }: StoredSheet): SheetIdentity => ({ deviceId, seq });

/**
 * Builds the QR frames of an export, sealed with the kiosk's key. Answers only: personal data
 * and seconds stay off a screen (and out of the frames' density budget).
 */
export async function buildQrExport(
  db: KioskDb,
  subtle: SubtleLike,
  voice: KioskVoice,
  scope: ExportScope,
  qr: FrameQrOptions = defaultFrameQrOptions,
): Promise<QrExport> {
  const frameChars = frameCharsFor(qr);
  const credentials = await loadCredentials(db);
  if (!credentials) throw new Problem('kiosk.not-registered');
  const chosen = (await listSheets(db)).filter((s: StoredSheet) =>
    scope.kind === 'unsent' ? s.sentAt === undefined : inPeriod(s.createdAt, scope.period),
  );
  const sealed = await sealKioskBatches(db, subtle, credentials, voice, chosen, {
    includesPersonalData: false,
    includesFineTimes: false,
  });
  return {
    frames: sealed.flatMap((b) => toFrames(b.sealed, batchIdOf(b.sealed), frameChars)),
    qr,
    sheetCount: chosen.length,
    sheets: chosen.map(identityOf),
    batches: sealed.map((b) => ({
      receipt: receiptOf(b.sealed),
      sheets: b.sheets.map(identityOf),
    })),
  };
}
