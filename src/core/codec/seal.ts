import { Problem } from '../problems.ts';

/**
 * The seal after a batch: 8 bytes of SHA-256 over the batch (integrity: a damaged scan
 * or file is caught even where no key is at hand) and 16 bytes of HMAC-SHA-256 with the
 * kiosk's key (authenticity: the collector knows which registered kiosk wrote it).
 * Crypto comes in as WebCrypto's SubtleCrypto, which browsers and Node both have.
 */
export const HASH_BYTES = 8;
export const SIGNATURE_BYTES = 16;
export const SEAL_BYTES = HASH_BYTES + SIGNATURE_BYTES;

/** The part of SubtleCrypto the seal uses (core has no DOM types). */
export interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: false,
    usages: ['sign'],
  ): Promise<unknown>;
  sign(algorithm: 'HMAC', key: never, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

/** WebCrypto takes only ArrayBuffer-backed views: copy into one. */
const own = (data: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(data);

async function hashOf(subtle: SubtleLike, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', own(data))).slice(0, HASH_BYTES);
}

/** The first 16 bytes of HMAC-SHA-256 with the kiosk's key. */
export async function signatureOf(
  subtle: SubtleLike,
  key: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  const hmacKey = await subtle.importKey(
    'raw',
    own(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle.sign('HMAC', hmacKey as never, own(data))).slice(
    0,
    SIGNATURE_BYTES,
  );
}

/** batch ‖ hash ‖ signature. */
export async function sealBatch(
  subtle: SubtleLike,
  key: Uint8Array,
  batch: Uint8Array,
): Promise<Uint8Array> {
  const hash = await hashOf(subtle, batch);
  const signature = await signatureOf(subtle, key, batch);
  const sealed = new Uint8Array(batch.length + SEAL_BYTES);
  sealed.set(batch);
  sealed.set(hash, batch.length);
  sealed.set(signature, batch.length + HASH_BYTES);
  return sealed;
}

/** The batch inside a seal, after checking its hash; damage is a Problem. */
export async function checkBatchHash(subtle: SubtleLike, sealed: Uint8Array): Promise<Uint8Array> {
  if (sealed.length <= SEAL_BYTES) throw new Problem('batch.damaged', 'too short for a seal');
  const batch = sealed.subarray(0, sealed.length - SEAL_BYTES);
  const hash = sealed.subarray(batch.length, batch.length + HASH_BYTES);
  if (!sameBytes(await hashOf(subtle, batch), hash)) throw new Problem('batch.damaged', 'hash');
  return batch;
}

/** Checks the kiosk's signature over a sealed batch whose hash already holds. */
export async function verifyBatchSignature(
  subtle: SubtleLike,
  key: Uint8Array,
  sealed: Uint8Array,
): Promise<void> {
  const batch = sealed.subarray(0, sealed.length - SEAL_BYTES);
  const signature = sealed.subarray(sealed.length - SIGNATURE_BYTES);
  if (!sameBytes(await signatureOf(subtle, key, batch), signature))
    throw new Problem('batch.bad-signature');
}

/** Constant-time comparison: no early exit on the first differing byte. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
