import { base64urlToBytes } from '../core/codec/base64url.ts';
import { encodeBatch } from '../core/codec/batch.ts';
import { batchIdOf, toFrames } from '../core/codec/frames.ts';
import { receiptOf } from '../core/codec/receipt.ts';
import { type SubtleLike, sealBatch } from '../core/codec/seal.ts';
import { inPeriod } from '../core/period.ts';
import type { Period } from '../core/settings.ts';
import type { KioskDb, StoredSheet } from '../storage/db.ts';
import { loadCredentials } from '../storage/outbox.ts';
import { listSheets } from '../storage/sheets.ts';
import { batchesOf } from './batching.ts';
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

export const NOT_REGISTERED =
  'Máy chưa đăng ký với cơ quan thu phiếu nên chưa ký được dữ liệu. Vui lòng đăng ký ở mục Gửi dữ liệu.';

const identityOf = ({ deviceId, seq }: StoredSheet): SheetIdentity => ({ deviceId, seq });

/** Builds the QR frames of an export, sealed with the kiosk's key (personal data left out). */
export async function buildQrExport(
  db: KioskDb,
  subtle: SubtleLike,
  communeCode: string,
  scope: ExportScope,
  qr: FrameQrOptions = defaultFrameQrOptions,
): Promise<QrExport> {
  const frameChars = frameCharsFor(qr);
  const credentials = await loadCredentials(db);
  if (!credentials) throw new Error(NOT_REGISTERED);
  const key = base64urlToBytes(credentials.key);
  const chosen = (await listSheets(db)).filter((s: StoredSheet) =>
    scope.kind === 'unsent' ? s.sentAt === undefined : inPeriod(s.createdAt, scope.period),
  );
  const frames: string[] = [];
  const batches: QrExport['batches'] = [];
  for (const batch of batchesOf(chosen)) {
    const first = batch[0];
    if (!first) continue;
    const sealed = await sealBatch(
      subtle,
      key,
      encodeBatch({
        deviceId: first.deviceId,
        communeCode,
        profileId: first.profileId,
        profileVersion: first.profileVersion,
        includesPersonalData: false,
        sheets: batch.map(({ sentAt: _sentAt, ...sheet }) => sheet),
      }),
    );
    frames.push(...toFrames(sealed, batchIdOf(sealed), frameChars));
    batches.push({ receipt: receiptOf(sealed), sheets: batch.map(identityOf) });
  }
  return {
    frames,
    qr,
    sheetCount: chosen.length,
    sheets: chosen.map(identityOf),
    batches,
  };
}
