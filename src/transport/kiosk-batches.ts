import { chainLinksFrom, chainStart } from '../core/chain.ts';
import { type Batch, encodeBatch } from '../core/codec/batch.ts';
import { type SubtleLike, sealBatch } from '../core/codec/seal.ts';
import type { FlagThresholds } from '../core/settings.ts';
import type { Sheet } from '../core/sheet.ts';
import { type CollectorCredentials, signerOf } from '../storage/credentials.ts';
import type { KioskDb, StoredSheet } from '../storage/db.ts';
import { listSheets } from '../storage/sheets.ts';
import { batchesOf } from './batching.ts';

/** What a kiosk says of itself in every batch it seals. */
export interface KioskVoice {
  communeCode: string;
  thresholds: FlagThresholds;
  /**
   * The kiosk's clock as it seals (HTTP sync: the office measures the kiosk's clock by it), or
   * 0 for a QR export, which must seal the same bytes each time it is rebuilt so the office's
   * receipt still matches.
   */
  sealedAt: number;
}

export interface SealedBatch {
  sealed: Uint8Array;
  sheets: StoredSheet[];
}

/**
 * The chosen sheets as sealed batches (one device and profile version each, at most the
 * batch maximum), each carrying the kiosk's chain link after its last sheet — computed over
 * every sheet the kiosk holds, since the office checks the link against what it received.
 */
export async function sealKioskBatches(
  db: KioskDb,
  subtle: SubtleLike,
  credentials: CollectorCredentials,
  voice: KioskVoice,
  chosen: readonly StoredSheet[],
  carries: Pick<Batch, 'includesPersonalData' | 'includesFineTimes'>,
): Promise<SealedBatch[]> {
  const links = chainLinks(credentials.deviceId, await listSheets(db));
  const sign = signerOf(credentials);
  const out: SealedBatch[] = [];
  for (const batch of batchesOf(chosen)) {
    const first = batch[0];
    const last = batch.at(-1);
    if (!first || !last) continue;
    const chainHead = links.get(last.seq);
    const sealed = await sealBatch(
      subtle,
      sign,
      encodeBatch({
        deviceId: first.deviceId,
        communeCode: voice.communeCode,
        profileId: first.profileId,
        profileVersion: first.profileVersion,
        ...carries,
        sealedAt: voice.sealedAt,
        thresholds: voice.thresholds,
        ...(chainHead ? { chainHead } : {}),
        sheets: batch.map(({ sentAt: _sentAt, ...sheet }) => sheet),
      }),
    );
    out.push({ sealed, sheets: batch });
  }
  return out;
}

/** The device's chain link after each of its sheets, 1, 2, 3… as far as they run without a gap. */
function chainLinks(deviceId: string, sheets: readonly Sheet[]): Map<number, string> {
  const mine = sheets.filter((s) => s.deviceId === deviceId).sort((a, b) => a.seq - b.seq);
  return chainLinksFrom(chainStart(deviceId), 0, mine);
}
