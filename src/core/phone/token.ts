import { base64urlToBytes, bytesToBase64url } from '../codec/base64url.ts';
import { bytesToHex, hexToBytes } from '../codec/hex.ts';
import { type Signer, sameBytes, signatureOf } from '../codec/seal.ts';
import { COMMUNE_CODE } from '../commune-code.ts';
import { Problem } from '../problems.ts';
import type { FormId } from '../profile/schema.ts';

/**
 * Phone token (format 1): what the QR at the desk carries so that one citizen can answer
 * one sheet on their own phone. 45 bytes, base64url (60 characters) in the link:
 *
 *   offset size
 *    0      1   format version (1)
 *    1      8   device id of the kiosk or desk that issued it
 *    9      1   form: 0 citizen, 1 cadre
 *   10      1   number of digits of the commune code (1–8)
 *   11      4   commune code as an unsigned integer, big-endian
 *   15      4   issued at, whole seconds since the Unix epoch, big-endian
 *   19      2   lifetime in minutes, big-endian
 *   21      8   nonce (random): the token's identity, and the phone sheet's device id
 *   29     16   HMAC-SHA-256 with the issuer's key over "KS1-PHONE" ‖ bytes 0–28, first 16 bytes
 *
 * Documented with an example in docs/formats.md, "Phone token".
 */
export const PHONE_TOKEN_VERSION = 1;
export const PHONE_TOKEN_BYTES = 45;
const SIGNED_BYTES = 29;
/** Domain separation: the issuer's key also signs batches; a token can never pass for one. */
const DOMAIN = new TextEncoder().encode('KS1-PHONE');
const FORM_CODE: Record<FormId, number> = { citizen: 0, cadre: 1 };
const FORM_OF: readonly FormId[] = ['citizen', 'cadre'];

export interface PhoneTokenFields {
  deviceId: string;
  formId: FormId;
  communeCode: string;
  /** ms since the epoch; carried to the second. */
  issuedAt: number;
  lifetimeMinutes: number;
  /** 16 hex digits. */
  nonce: string;
}

export interface PhoneToken extends PhoneTokenFields {
  expiresAt: number;
  /** The token as it travels (base64url). */
  text: string;
}

function signedPart(fields: PhoneTokenFields): Uint8Array {
  if (!/^[0-9a-f]{16}$/.test(fields.deviceId) || !/^[0-9a-f]{16}$/.test(fields.nonce))
    throw new RangeError('device id and nonce are 16 hex digits');
  if (!COMMUNE_CODE.test(fields.communeCode)) throw new RangeError('commune code: 1–8 digits');
  const bytes = new Uint8Array(SIGNED_BYTES);
  const view = new DataView(bytes.buffer);
  bytes[0] = PHONE_TOKEN_VERSION;
  bytes.set(hexToBytes(fields.deviceId), 1);
  bytes[9] = FORM_CODE[fields.formId];
  bytes[10] = fields.communeCode.length;
  view.setUint32(11, Number(fields.communeCode));
  view.setUint32(15, Math.floor(fields.issuedAt / 1000));
  view.setUint16(19, fields.lifetimeMinutes);
  bytes.set(hexToBytes(fields.nonce), 21);
  return bytes;
}

const signingInput = (signed: Uint8Array) => {
  const input = new Uint8Array(DOMAIN.length + signed.length);
  input.set(DOMAIN);
  input.set(signed, DOMAIN.length);
  return input;
};

/** Issues a token: the issuer's key signs the fields. */
export async function issuePhoneToken(sign: Signer, fields: PhoneTokenFields): Promise<string> {
  const signed = signedPart(fields);
  const token = new Uint8Array(PHONE_TOKEN_BYTES);
  token.set(signed);
  token.set(await signatureOf(sign, signingInput(signed)), SIGNED_BYTES);
  return bytesToBase64url(token);
}

/** Reads a token's fields without checking its signature (the phone has no key). */
export function readPhoneToken(text: string): PhoneToken {
  let bytes: Uint8Array;
  try {
    bytes = base64urlToBytes(text.trim());
  } catch {
    throw new Problem('token.damaged', 'not base64url');
  }
  if (bytes.length !== PHONE_TOKEN_BYTES) throw new Problem('token.damaged', 'length');
  if (bytes[0] !== PHONE_TOKEN_VERSION) throw new Problem('token.damaged', 'version');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const formId = FORM_OF[bytes[9] ?? 255];
  const digits = bytes[10] ?? 0;
  if (!formId || digits < 1 || digits > 8) throw new Problem('token.damaged', 'fields');
  const communeCode = String(view.getUint32(11)).padStart(digits, '0');
  if (communeCode.length !== digits) throw new Problem('token.damaged', 'commune code');
  const issuedAt = view.getUint32(15) * 1000;
  const lifetimeMinutes = view.getUint16(19);
  return {
    deviceId: bytesToHex(bytes.subarray(1, 9)),
    formId,
    communeCode,
    issuedAt,
    lifetimeMinutes,
    expiresAt: issuedAt + lifetimeMinutes * 60_000,
    nonce: bytesToHex(bytes.subarray(21, 29)),
    text: bytesToBase64url(bytes),
  };
}

/** Whether the issuer's key signed this token (constant time in the signature's length). */
export async function phoneTokenSignatureHolds(sign: Signer, token: PhoneToken): Promise<boolean> {
  const bytes = base64urlToBytes(token.text);
  const expected = await signatureOf(sign, signingInput(bytes.subarray(0, SIGNED_BYTES)));
  return sameBytes(expected, bytes.subarray(SIGNED_BYTES));
}
