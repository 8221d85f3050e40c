import type * as z from 'zod/mini';
import { bytesToBase64url } from './base64url.ts';
import { type Signer, signatureOf } from './seal.ts';

/**
 * A JSON document a kiosk signs (its sheets file, its self-score): `signature` is the base64url
 * of the first 16 bytes of HMAC-SHA-256 over the document's other fields, parsed by its schema
 * and serialised in the schema's order, so an edited document no longer holds.
 */
const PLACEHOLDER = 'A'.repeat(22);

function signedText<T extends { signature: string }>(
  schema: z.ZodMiniType<T>,
  document: Omit<T, 'signature'>,
): string {
  const { signature: _ignored, ...fields } = schema.parse({ ...document, signature: PLACEHOLDER });
  return JSON.stringify(fields);
}

/** The document with its signature. */
export async function signJson<T extends { signature: string }>(
  sign: Signer,
  schema: z.ZodMiniType<T>,
  document: Omit<T, 'signature'>,
): Promise<T> {
  const text = new TextEncoder().encode(signedText(schema, document));
  return { ...document, signature: bytesToBase64url(await signatureOf(sign, text)) } as T;
}

/** Whether a parsed document's signature is the kiosk's. */
export async function jsonSignatureHolds<T extends { signature: string }>(
  sign: Signer,
  schema: z.ZodMiniType<T>,
  document: T,
): Promise<boolean> {
  const text = new TextEncoder().encode(signedText(schema, document));
  return bytesToBase64url(await signatureOf(sign, text)) === document.signature;
}
