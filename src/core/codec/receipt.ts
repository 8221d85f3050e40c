import { Problem } from '../problems.ts';
import { bytesToHex } from './hex.ts';
import { HASH_BYTES, SEAL_BYTES } from './seal.ts';

/**
 * The office's receipt for one batch, shown as a QR on the collector screen once the
 * batch is safely stored there, and scanned by the kiosk to mark those sheets sent:
 *   KS1OK/<the batch's 8-byte hash as 16 uppercase hex digits>
 * Every character is in the QR alphanumeric set. The hash is the one inside the seal,
 * so only an office that read the whole batch intact can show the right receipt.
 */
const PREFIX = 'KS1OK/';
const RECEIPT = /^KS1OK\/([0-9A-F]{16})$/;

/** The receipt text of a sealed batch. */
export function receiptOf(sealed: Uint8Array): string {
  const hashAt = sealed.length - SEAL_BYTES;
  return `${PREFIX}${bytesToHex(sealed.subarray(hashAt, hashAt + HASH_BYTES)).toUpperCase()}`;
}

/** The batch hash a receipt names; anything else read by the camera is a Problem. */
export function parseReceipt(text: string): string {
  const match = RECEIPT.exec(text.trim());
  if (!match?.[1]) throw new Problem('receipt.not-ours');
  return match[1];
}
