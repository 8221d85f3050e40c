import { deflateSync, inflateSync } from 'fflate';
import { Problem } from '../problems.ts';
import { findProfile } from '../profile/registry.ts';
import type { FormId, Profile } from '../profile/schema.ts';
import { type Flag, flagSchema, type Sheet } from '../sheet.ts';
import { ByteReader, ByteWriter } from './bytes.ts';

/**
 * The compact batch: the sheets of one device and one profile version, laid out in
 * byte columns (so deflate finds the skew in answers and times) and deflated.
 * Byte-by-byte layout and a worked example: docs/formats.md, "Compact batch".
 */
export const BATCH_FORMAT_VERSION = 1;
/** Inflated bodies larger than this are refused before they can exhaust memory. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
const MINUTE = 60_000;
const FORM_BIT: Record<FormId, number> = { citizen: 0, cadre: 1 };
const FLAGS = flagSchema.options;

export interface Batch {
  deviceId: string;
  communeCode: string;
  profileId: string;
  profileVersion: number;
  /** Whether names, addresses, reasons and suggestions travel with the answers. */
  includesPersonalData: boolean;
  /** Ordered by seq. Times are carried to the minute; startedAt is not carried. */
  sheets: Sheet[];
}

/** The batch as bytes: format version, device id, then the deflated body. */
export function encodeBatch(batch: Batch): Uint8Array {
  return new ByteWriter()
    .byte(BATCH_FORMAT_VERSION)
    .bytes(hexToBytes(batch.deviceId))
    .bytes(deflateSync(encodeBatchBody(batch), { level: 9 }))
    .result();
}

/** The body before deflate: header fields, then one column per field across the sheets. */
export function encodeBatchBody(batch: Batch): Uint8Array {
  const profile = requireProfile(batch.profileId, batch.profileVersion);
  const sheets = [...batch.sheets].sort((a, b) => a.seq - b.seq);
  const first = sheets[0];
  const body = new ByteWriter()
    .byte(batch.includesPersonalData ? 1 : 0)
    .text(profile.id)
    .varint(profile.version)
    .varint(formVersion(profile, 'citizen'))
    .varint(formVersion(profile, 'cadre'))
    .text(batch.communeCode)
    .varint(first?.seq ?? 1)
    .varint(sheets.length)
    .varint(first ? Math.floor(first.createdAt / MINUTE) : 0);

  const levelIndex = new Map(profile.levels.map((l, i) => [l.id, i]));
  const answerAt = (sheet: Sheet, q: number) => {
    const index = levelIndex.get(sheet.answers[q] ?? '');
    if (index === undefined || index > 3)
      throw new RangeError(`Sheet ${sheet.seq}: answer ${q + 1} cannot be encoded`);
    return index;
  };
  for (const sheet of sheets) {
    checkSheet(sheet, batch, profile);
    body.byte(
      ((sheet.channel === 'phone' ? 1 : 0) << 7) |
        (FORM_BIT[sheet.formId] << 6) |
        (answerAt(sheet, 0) << 4) |
        (answerAt(sheet, 1) << 2) |
        answerAt(sheet, 2),
    );
  }
  for (const sheet of sheets) {
    const flagBits = sheet.flags.reduce((bits, f) => bits | (1 << FLAGS.indexOf(f)), 0);
    body.byte((answerAt(sheet, 3) << 6) | (answerAt(sheet, 4) << 4) | flagBits);
  }
  // Gaps in the numbering after the first sheet: 0 when numbers follow on.
  for (let i = 1; i < sheets.length; i++)
    body.varint((sheets[i]?.seq ?? 0) - (sheets[i - 1]?.seq ?? 0) - 1);
  let previousMinute = first ? Math.floor(first.createdAt / MINUTE) : 0;
  for (const sheet of sheets) {
    const minute = Math.floor(sheet.createdAt / MINUTE);
    body.varint(zigzag(minute - previousMinute));
    previousMinute = minute;
  }
  if (batch.includesPersonalData) for (const sheet of sheets) writePersonal(body, sheet);
  return body.result();
}

/** Reads a batch written by encodeBatch; anything malformed is a Problem and yields nothing. */
export function decodeBatch(bytes: Uint8Array): Batch {
  if (bytes.length < 10) throw new Problem('batch.damaged', 'too short');
  if (bytes[0] !== BATCH_FORMAT_VERSION) throw new Problem('batch.version', `format ${bytes[0]}`);
  const deviceId = bytesToHex(bytes.subarray(1, 9));
  const out = new Uint8Array(MAX_BODY_BYTES + 1);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(bytes.subarray(9), { out });
  } catch {
    throw new Problem('batch.damaged', 'inflate');
  }
  if (inflated.length > MAX_BODY_BYTES) throw new Problem('batch.too-large');

  const body = new ByteReader(inflated);
  const includesPersonalData = (body.byte() & 1) === 1;
  const profileId = body.text();
  const profileVersion = body.varint();
  const profile = findProfile(profileId, profileVersion);
  if (!profile) throw new Problem('batch.version', `profile ${profileId} v${profileVersion}`);
  const versions: Record<FormId, number> = { citizen: body.varint(), cadre: body.varint() };
  const communeCode = body.text();
  const firstSeq = body.varint();
  const count = body.varint();
  if (count > body.remaining) throw new Problem('batch.damaged', 'count');
  let minute = body.varint();

  const columnA = body.bytes(count);
  const columnB = body.bytes(count);
  const seqs: number[] = [];
  for (let i = 0; i < count; i++)
    seqs.push(i === 0 ? firstSeq : (seqs[i - 1] ?? 0) + 1 + body.varint());
  const sheets: Sheet[] = [];
  for (let i = 0; i < count; i++) {
    minute += unzigzag(body.varint());
    const a = columnA[i] ?? 0;
    const b = columnB[i] ?? 0;
    const formId: FormId = (a >> 6) & 1 ? 'cadre' : 'citizen';
    const level = (index: number) => profile.levels[index]?.id ?? '';
    sheets.push({
      deviceId,
      seq: seqs[i] ?? 0,
      profileId,
      profileVersion,
      formId,
      formVersion: versions[formId],
      channel: a >> 7 ? 'phone' : 'kiosk',
      answers: [
        level((a >> 4) & 3),
        level((a >> 2) & 3),
        level(a & 3),
        level(b >> 6),
        level((b >> 4) & 3),
      ],
      startedAt: minute * MINUTE,
      createdAt: minute * MINUTE,
      flags: FLAGS.filter((_, bit) => (b >> bit) & 1) as Flag[],
    });
  }
  if (includesPersonalData) for (const sheet of sheets) readPersonal(body, sheet);
  if (body.remaining !== 0) throw new Problem('batch.damaged', 'trailing bytes');
  return { deviceId, communeCode, profileId, profileVersion, includesPersonalData, sheets };
}

function writePersonal(body: ByteWriter, sheet: Sheet) {
  const reasons = Object.entries(sheet.reasons ?? {});
  body.byte(
    (sheet.respondent ? 1 : 0) |
      (sheet.suggestion !== undefined ? 2 : 0) |
      (reasons.length ? 4 : 0),
  );
  if (sheet.respondent) {
    body.text(sheet.respondent.name).text(sheet.respondent.address);
    body
      .varint(sheet.respondent.consent.noticeVersion)
      .varint(Math.floor(sheet.respondent.consent.at / MINUTE));
  }
  if (sheet.suggestion !== undefined) body.text(sheet.suggestion);
  if (reasons.length) {
    body.varint(reasons.length);
    for (const [question, text] of reasons) body.varint(Number(question)).text(text);
  }
}

function readPersonal(body: ByteReader, sheet: Sheet) {
  const present = body.byte();
  if (present & 1) {
    const [name, address] = [body.text(), body.text()];
    const noticeVersion = body.varint();
    sheet.respondent = { name, address, consent: { noticeVersion, at: body.varint() * MINUTE } };
  }
  if (present & 2) sheet.suggestion = body.text();
  if (present & 4) {
    const reasons: Record<string, string> = {};
    for (let n = body.varint(); n > 0; n--) {
      const question = String(body.varint());
      reasons[question] = body.text();
    }
    sheet.reasons = reasons;
  }
}

function requireProfile(id: string, version: number): Profile {
  const profile = findProfile(id, version);
  if (!profile) throw new RangeError(`Unknown profile ${id} v${version}`);
  const fits = profile.levels.length <= 4 && profile.forms.every((f) => f.questions.length === 5);
  if (!fits) throw new RangeError('Batch format 1 carries five questions of at most four levels');
  return profile;
}

function checkSheet(sheet: Sheet, batch: Batch, profile: Profile) {
  const sameSource = sheet.deviceId === batch.deviceId && sheet.profileId === profile.id;
  const sameVersions =
    sheet.profileVersion === profile.version &&
    sheet.formVersion === formVersion(profile, sheet.formId);
  if (!sameSource || !sameVersions)
    throw new RangeError(`Sheet ${sheet.seq} does not belong in this batch`);
}

function formVersion(profile: Profile, formId: FormId): number {
  return profile.forms.find((f) => f.id === formId)?.version ?? 0;
}

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
