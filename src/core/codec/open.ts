import { Problem } from '../problems.ts';
import { type Batch, decodeBatch } from './batch.ts';
import { bytesToHex } from './hex.ts';
import { checkBatchHash, type Signer, type SubtleLike, verifyBatchSignature } from './seal.ts';

/** The kiosk's signer by device id, or undefined for a device the collector never registered. */
export type KeyLookup = (deviceId: string) => Promise<Signer | undefined>;

/**
 * Opens a sealed batch in the order that keeps bad input harmless: hash, then the
 * registered kiosk's signature, then inflate and decode. Any failure is a Problem and
 * nothing of the batch is returned.
 */
export async function openSealedBatch(
  subtle: SubtleLike,
  sealed: Uint8Array,
  keyOf: KeyLookup,
): Promise<Batch> {
  const batch = await checkBatchHash(subtle, sealed);
  const deviceId = bytesToHex(batch.subarray(1, 9));
  const sign = await keyOf(deviceId);
  if (!sign) throw new Problem('batch.bad-signature', `unregistered device ${deviceId}`);
  await verifyBatchSignature(sign, sealed);
  return decodeBatch(batch);
}
