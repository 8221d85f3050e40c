import { deflateSync, inflateSync } from 'fflate';
import { Problem } from '../problems.ts';
import { findProfile } from '../profile/registry.ts';
import type { FormId, Profile } from '../profile/schema.ts';
import { type Flag, flagSchema, type Sheet } from '../sheet.ts';
import { ByteReader, ByteWriter } from './bytes.ts';
import { bytesToHex, hexToBytes } from './hex.ts';
import { BitModel, NumberModel, RangeDecoder, RangeEncoder, SymbolModel } from './range-coder.ts';

/**
 * The compact batch: the sheets of one device and one profile version. Answers, times
 * and flags are range-coded with adaptive models (a skewed answer costs well under a
 * bit); free text, when carried, is deflated.
 * Byte-by-byte layout and a worked example: docs/formats.md, "Compact batch".
 */
export const BATCH_FORMAT_VERSION = 1;
/** Inflated personal data larger than this is refused before it can exhaust memory. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** More sheets than any kiosk takes in years: a count above it is damage. */
export const MAX_SHEETS = 100_000;
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

/** The batch as bytes: format version, device id, then the body. */
export function encodeBatch(batch: Batch): Uint8Array {
  return new ByteWriter()
    .byte(BATCH_FORMAT_VERSION)
    .bytes(hexToBytes(batch.deviceId))
    .bytes(encodeBatchBody(batch))
    .result();
}

/** Adaptive models for one batch's sheets; encoder and decoder build the same ones. */
class SheetModels {
  readonly channel = new BitModel();
  readonly form = new BitModel();
  /** One model per question and previous answer in the sheet: people who answer Tốt tend to go on so. */
  readonly answers = Array.from({ length: 5 * 5 }, () => new SymbolModel(2));
  readonly flags = FLAGS.map(() => new BitModel());
  readonly seqFollows = new BitModel();
  readonly seqGap = new NumberModel();
  readonly minutes = new NumberModel();

  answer(question: number, previous: number | undefined): SymbolModel {
    return this.answers[question * 5 + (previous ?? 4)] as SymbolModel;
  }
}

/** The body: header fields, then the sheets range-coded, then (optionally) personal data deflated. */
export function encodeBatchBody(batch: Batch): Uint8Array {
  const profile = requireProfile(batch.profileId, batch.profileVersion);
  const sheets = [...batch.sheets].sort((a, b) => a.seq - b.seq);
  const first = sheets[0];
  const baseMinute = first ? Math.floor(first.createdAt / MINUTE) : 0;
  const body = new ByteWriter()
    .byte(batch.includesPersonalData ? 1 : 0)
    .text(profile.id)
    .varint(profile.version)
    .varint(formVersion(profile, 'citizen'))
    .varint(formVersion(profile, 'cadre'))
    .text(batch.communeCode)
    .varint(first?.seq ?? 1)
    .varint(sheets.length)
    .varint(baseMinute);

  const levelIndex = new Map(profile.levels.map((l, i) => [l.id, i]));
  const models = new SheetModels();
  const coder = new RangeEncoder();
  let previousSeq = (first?.seq ?? 1) - 1;
  let previousMinute = baseMinute;
  for (const sheet of sheets) {
    checkSheet(sheet, batch, profile);
    const gap = sheet.seq - previousSeq - 1;
    coder.bit(models.seqFollows, gap === 0 ? 0 : 1);
    if (gap > 0) coder.number(models.seqGap, gap - 1);
    previousSeq = sheet.seq;
    const minute = Math.floor(sheet.createdAt / MINUTE);
    coder.number(models.minutes, zigzag(minute - previousMinute));
    previousMinute = minute;
    coder.bit(models.channel, sheet.channel === 'phone' ? 1 : 0);
    coder.bit(models.form, FORM_BIT[sheet.formId]);
    let previous: number | undefined;
    sheet.answers.forEach((levelId, q) => {
      const index = levelIndex.get(levelId);
      if (index === undefined)
        throw new RangeError(`Sheet ${sheet.seq}: answer ${q + 1} cannot be encoded`);
      coder.symbol(models.answer(q, previous), index);
      previous = index;
    });
    FLAGS.forEach((flag, bit) => {
      coder.bit(models.flags[bit] as BitModel, sheet.flags.includes(flag) ? 1 : 0);
    });
  }
  const coded = coder.finish();
  body.varint(coded.length).bytes(coded);
  if (batch.includesPersonalData) {
    const personal = new ByteWriter();
    for (const sheet of sheets) writePersonal(personal, sheet);
    body.bytes(deflateSync(personal.result(), { level: 9 }));
  }
  return body.result();
}

/** Reads a batch written by encodeBatch; anything malformed is a Problem and yields nothing. */
export function decodeBatch(bytes: Uint8Array): Batch {
  if (bytes.length < 10) throw new Problem('batch.damaged', 'too short');
  if (bytes[0] !== BATCH_FORMAT_VERSION) throw new Problem('batch.version', `format ${bytes[0]}`);
  const deviceId = bytesToHex(bytes.subarray(1, 9));
  const body = new ByteReader(bytes.subarray(9));
  const includesPersonalData = (body.byte() & 1) === 1;
  const profileId = body.text();
  const profileVersion = body.varint();
  const profile = findProfile(profileId, profileVersion);
  if (!profile) throw new Problem('batch.version', `profile ${profileId} v${profileVersion}`);
  const versions: Record<FormId, number> = { citizen: body.varint(), cadre: body.varint() };
  const communeCode = body.text();
  const firstSeq = body.varint();
  const count = body.varint();
  if (count > MAX_SHEETS) throw new Problem('batch.too-large');
  let minute = body.varint();
  const coded = body.bytes(body.varint());

  const models = new SheetModels();
  const coder = new RangeDecoder(coded);
  const sheets: Sheet[] = [];
  let seq = firstSeq - 1;
  for (let i = 0; i < count; i++) {
    seq += 1 + (coder.bit(models.seqFollows) ? coder.number(models.seqGap) + 1 : 0);
    minute += unzigzag(coder.number(models.minutes));
    const channel = coder.bit(models.channel) ? 'phone' : 'kiosk';
    const formId: FormId = coder.bit(models.form) ? 'cadre' : 'citizen';
    const answers: string[] = [];
    let previous: number | undefined;
    for (let q = 0; q < 5; q++) {
      previous = coder.symbol(models.answer(q, previous));
      answers.push(profile.levels[previous]?.id ?? '');
    }
    const flags = FLAGS.filter((_, bit) => coder.bit(models.flags[bit] as BitModel) === 1);
    if (coder.overrun > 4 || answers.includes(''))
      throw new Problem('batch.damaged', 'coded sheets');
    sheets.push({
      deviceId,
      seq,
      profileId,
      profileVersion,
      formId,
      formVersion: versions[formId],
      channel,
      answers,
      startedAt: minute * MINUTE,
      createdAt: minute * MINUTE,
      flags: flags as Flag[],
    });
  }
  if (includesPersonalData) {
    const personal = new ByteReader(inflateBounded(body.bytes(body.remaining)));
    for (const sheet of sheets) readPersonal(personal, sheet);
    if (personal.remaining !== 0) throw new Problem('batch.damaged', 'trailing personal bytes');
  }
  if (body.remaining !== 0) throw new Problem('batch.damaged', 'trailing bytes');
  return { deviceId, communeCode, profileId, profileVersion, includesPersonalData, sheets };
}

/** Inflates at most MAX_BODY_BYTES, so a crafted stream cannot exhaust memory. */
function inflateBounded(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(MAX_BODY_BYTES + 1);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(data, { out });
  } catch {
    throw new Problem('batch.damaged', 'inflate');
  }
  if (inflated.length > MAX_BODY_BYTES) throw new Problem('batch.too-large');
  return inflated;
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
