import * as z from 'zod/mini';
import { fromBase45, toBase45 } from './codec/base45.ts';
import { COMMUNE_CODE } from './commune-code.ts';
import { ENROLMENT_ROUTE } from './enrolment-route.ts';
import { deviceIdSchema } from './sheet.ts';

/**
 * Enrolling a kiosk without typing an office secret on it (issue 11; docs/formats.md,
 * "Enrolment QR"). Online, the office shows a one-time code as a QR of the link
 * `<collector>/#/dang-ky/ABCD-EFGH`; the tablet opens it (or has it typed) and gets its key from
 * the collector. Offline, the tablet shows its device id, the office registers it and shows
 * the key itself as a QR (`KS1K…`), which the tablet scans: its QR exports and files are then
 * accepted like those of a kiosk that registered online.
 */

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ENROLMENT_CODE_LENGTH = 8;

const grouped = (chars: string) => chars.match(/.{1,4}/g)?.join('-') ?? chars;

/** A one-time code of `length` characters from as many random bytes (5 bits each), in groups of 4: "ABCD-EFGH". */
export function oneTimeCodeOf(random: Uint8Array, length = ENROLMENT_CODE_LENGTH): string {
  if (random.length < length) throw new RangeError(`${length} random bytes needed`);
  // 256 is a multiple of 32: every character is equally likely.
  return grouped([...random.slice(0, length)].map((b) => ALPHABET[b % 32]).join(''));
}

/**
 * A code as typed ("abcd efgh", "ABCD-EFGH", O for 0, I or L for 1) in its one spelling;
 * undefined when it is not a code of that length.
 */
export function normalizeCode(text: string, length = ENROLMENT_CODE_LENGTH): string | undefined {
  const plain = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== length || [...plain].some((ch) => !ALPHABET.includes(ch))) return undefined;
  return grouped(plain);
}

export { ENROLMENT_ROUTE };

/** The link an online enrolment QR carries. */
export const enrolmentLink = (origin: string, code: string) =>
  `${origin.replace(/\/$/, '')}/${ENROLMENT_ROUTE}${code}`;

/** The code in an enrolment link or a typed code; undefined when the text holds neither. */
export function enrolmentCodeIn(text: string): string | undefined {
  const at = text.indexOf(ENROLMENT_ROUTE);
  return normalizeCode(at >= 0 ? text.slice(at + ENROLMENT_ROUTE.length) : text);
}

/** What an offline enrolment QR carries: the kiosk's registration and its key. */
export const offlineEnrolmentSchema = z.object({
  deviceId: deviceIdSchema,
  /** base64url of the 32-byte key. */
  key: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
  communeCode: z.string().check(z.regex(COMMUNE_CODE)),
  communeName: z.string().check(z.minLength(1), z.maxLength(120)),
  label: z.string().check(z.maxLength(80)),
});
export type OfflineEnrolment = z.infer<typeof offlineEnrolmentSchema>;

export const OFFLINE_ENROLMENT_PREFIX = 'KS1K';
const OFFLINE_ENROLMENT_VERSION = 1;

/** "KS1K" + base45 of [version 1][UTF-8 JSON]: alphanumeric QR mode, a small QR. */
export function encodeOfflineEnrolment(enrolment: OfflineEnrolment): string {
  const json = new TextEncoder().encode(JSON.stringify(offlineEnrolmentSchema.parse(enrolment)));
  const bytes = new Uint8Array(json.length + 1);
  bytes[0] = OFFLINE_ENROLMENT_VERSION;
  bytes.set(json, 1);
  return `${OFFLINE_ENROLMENT_PREFIX}${toBase45(bytes)}`;
}

/** The enrolment in a scanned text; undefined for anything else or a damaged one. */
export function decodeOfflineEnrolment(text: string): OfflineEnrolment | undefined {
  if (!text.startsWith(OFFLINE_ENROLMENT_PREFIX)) return undefined;
  try {
    const bytes = fromBase45(text.slice(OFFLINE_ENROLMENT_PREFIX.length));
    if (bytes[0] !== OFFLINE_ENROLMENT_VERSION) return undefined;
    const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(1));
    const parsed = offlineEnrolmentSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
