import { fromBase45, toBase45 } from '../codec/base45.ts';
import { base64urlToBytes, bytesToBase64url } from '../codec/base64url.ts';
import { Problem } from '../problems.ts';
import type { Profile } from '../profile/schema.ts';
import type { PhoneAnswers } from './phone-sheet.ts';
import { PHONE_TOKEN_BYTES, type PhoneToken, readPhoneToken } from './token.ts';

/**
 * Answer QR (format 1): a phone that cannot reach the collector shows its sheet as a QR
 * that the kiosk at the desk scans and sends on. Alphanumeric mode, like the batch frames:
 *
 *   KS1P/<base45 of the bytes below>
 *
 *   size
 *    45   the phone token, as issued
 *    16   the phone's claim on the token (all zero when it opened the token offline)
 *     1   flags: bit 0 the respondent does not reside in the commune
 *     1   profile version, 1   form version
 *     1   number of answers n
 *   ⌈n/4⌉ answers, 2 bits each (index in the profile's levels), first answer in the high bits
 *     4   answered at, whole seconds since the Unix epoch, big-endian
 *     2   seconds from start to answer, big-endian (capped at 65 535)
 *
 * Answers only: names, reasons and suggestions travel over HTTP, never on a screen.
 */
const PREFIX = 'KS1P/';

const CLAIM_BYTES = 16;
const HEAD_BYTES = PHONE_TOKEN_BYTES + CLAIM_BYTES;

/** `claim`: the base64url secret the phone claimed the token with, if it could. */
export function answerQrOf(
  token: PhoneToken,
  answers: PhoneAnswers,
  profile: Profile,
  claim?: string,
): string {
  const levels = answers.answers.map((id) => profile.levels.findIndex((l) => l.id === id));
  if (answers.profileId !== profile.id || levels.some((i) => i < 0 || i > 3))
    throw new RangeError('answers do not belong to this profile');
  const answerBytes = Math.ceil(levels.length / 4);
  const bytes = new Uint8Array(HEAD_BYTES + 4 + answerBytes + 6);
  const view = new DataView(bytes.buffer);
  bytes.set(base64urlToBytes(token.text));
  if (claim) bytes.set(base64urlToBytes(claim).subarray(0, CLAIM_BYTES), PHONE_TOKEN_BYTES);
  let at = HEAD_BYTES;
  bytes[at++] = answers.nonResident ? 1 : 0;
  bytes[at++] = answers.profileVersion;
  bytes[at++] = answers.formVersion;
  bytes[at++] = levels.length;
  levels.forEach((level, i) => {
    const byte = at + (i >> 2);
    bytes[byte] = (bytes[byte] ?? 0) | (level << (6 - 2 * (i & 3)));
  });
  at += answerBytes;
  view.setUint32(at, Math.floor(answers.createdAt / 1000));
  view.setUint16(
    at + 4,
    Math.min(65_535, Math.round((answers.createdAt - answers.startedAt) / 1000)),
  );
  return PREFIX + toBase45(bytes);
}

/** Reads an answer QR; anything else, or a damaged one, is a Problem. */
export function readAnswerQr(
  text: string,
  profile: Profile,
): { token: PhoneToken; answers: PhoneAnswers; claim?: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PREFIX)) throw new Problem('answer.not-ours');
  let bytes: Uint8Array;
  try {
    bytes = fromBase45(trimmed.slice(PREFIX.length));
  } catch {
    throw new Problem('token.damaged', 'answer QR base45');
  }
  if (bytes.length < HEAD_BYTES) throw new Problem('token.damaged', 'answer QR length');
  const token = readPhoneToken(bytesToBase64url(bytes.subarray(0, PHONE_TOKEN_BYTES)));
  const claimBytes = bytes.subarray(PHONE_TOKEN_BYTES, HEAD_BYTES);
  const claim = claimBytes.some((b) => b !== 0) ? bytesToBase64url(claimBytes) : undefined;
  let at = HEAD_BYTES;
  const flags = bytes[at++] ?? 0;
  const profileVersion = bytes[at++] ?? 0;
  const formVersion = bytes[at++] ?? 0;
  const count = bytes[at++] ?? 0;
  const answerBytes = Math.ceil(count / 4);
  if (count < 1 || count > 10 || bytes.length !== at + answerBytes + 6)
    throw new Problem('token.damaged', 'answer QR length');
  const answers = Array.from({ length: count }, (_, i) => {
    const level = ((bytes[at + (i >> 2)] ?? 0) >> (6 - 2 * (i & 3))) & 3;
    return profile.levels[level]?.id ?? '';
  });
  at += answerBytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const createdAt = view.getUint32(at) * 1000;
  return {
    token,
    ...(claim ? { claim } : {}),
    answers: {
      profileId: profile.id,
      profileVersion,
      formId: token.formId,
      formVersion,
      answers,
      startedAt: createdAt - view.getUint16(at + 4) * 1000,
      createdAt,
      ...(flags & 1 ? { nonResident: true } : {}),
    },
  };
}
