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

/**
 * Whoever holds a kiosk's key, as a function: HMAC-SHA-256 of the data. The kiosk keeps its
 * key as a non-extractable WebCrypto key and signs through it; the collector holds the raw
 * bytes (`hmacSigner`). Code that signs or checks never sees which.
 */
export type Signer = (data: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>;

/** A Signer over raw key bytes (the collector's copy of a kiosk key); the key is imported once. */
export function hmacSigner(subtle: SubtleLike, key: Uint8Array): Signer {
  const imported = subtle.importKey('raw', own(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return async (data) => new Uint8Array(await subtle.sign('HMAC', (await imported) as never, data));
}

/** The first 16 bytes of HMAC-SHA-256 with the kiosk's key. */
export async function signatureOf(sign: Signer, data: Uint8Array): Promise<Uint8Array> {
  return (await sign(own(data))).slice(0, SIGNATURE_BYTES);
}

/** batch ‖ hash ‖ signature. */
export async function sealBatch(
  subtle: SubtleLike,
  sign: Signer,
  batch: Uint8Array,
): Promise<Uint8Array> {
  const hash = await hashOf(subtle, batch);
  const signature = await signatureOf(sign, batch);
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
export async function verifyBatchSignature(sign: Signer, sealed: Uint8Array): Promise<void> {
  const batch = sealed.subarray(0, sealed.length - SEAL_BYTES);
  const signature = sealed.subarray(sealed.length - SIGNATURE_BYTES);
  if (!sameBytes(await signatureOf(sign, batch), signature))
    throw new Problem('batch.bad-signature');
}

/** Constant-time comparison: no early exit on the first differing byte. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
