import { deflateSync, inflateSync } from 'fflate';
import { Problem } from '../problems.ts';
import { findProfile } from '../profile/registry.ts';
import type { FormId, Profile } from '../profile/schema.ts';
import type { FlagThresholds } from '../settings.ts';
import { type Flag, flagSchema, type Sheet } from '../sheet.ts';
import { ByteReader, ByteWriter } from './bytes.ts';
import { bytesToHex, hexToBytes } from './hex.ts';
import { BitModel, NumberModel, RangeDecoder, RangeEncoder, SymbolModel } from './range-coder.ts';

/**
 * The compact batch: the sheets of one device and one profile version. Answers, times and
 * flags are range-coded with adaptive models (a skewed answer costs well under a bit); the
 * seconds of each sheet and free text, when carried, are deflated after them.
 * Format 2 adds, once per batch, the device's chain link after its last sheet, its clock at
 * sealing and its flag thresholds, and codes as many questions and levels as the profile has.
 * Format 1 batches are still read. Byte layout and a worked example: docs/formats.md.
 */
export const BATCH_FORMAT_VERSION = 2;
/** Inflated extension data larger than this is refused before it can exhaust memory. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Sheets a batch may carry (docs/api.md): a kiosk cuts its exports at this, a larger count is refused. */
export const MAX_SHEETS = 1000;
const MINUTE = 60_000;
const CHAIN_BYTES = 16;
const FORM_BIT: Record<FormId, number> = { citizen: 0, cadre: 1 };
const FLAGS = flagSchema.options;
const PERSONAL = 1;
const FINE_TIMES = 2;

export interface Batch {
  deviceId: string;
  communeCode: string;
  profileId: string;
  profileVersion: number;
  /** Whether names, addresses, reasons and suggestions travel with the answers. */
  includesPersonalData: boolean;
  /** Whether each sheet's second and time to answer travel (HTTP, files); a QR export leaves them out. */
  includesFineTimes: boolean;
  /** The device's clock when it sealed the batch (to the second); 0 in a format 1 batch. */
  sealedAt: number;
  /** The kiosk's flag thresholds when it sealed the batch; absent in format 1. */
  thresholds?: FlagThresholds;
  /** The device's chain link after the last sheet (32 hex digits, src/core/chain.ts); absent in format 1. */
  chainHead?: string;
  /** Ordered by seq. Without fine times, times are carried to the minute and startedAt = createdAt. */
  sheets: Sheet[];
}

/** How the sheets of one batch are coded: format 1 always five questions of four levels. */
interface Layout {
  questions: Record<FormId, number>;
  levels: readonly string[];
  bits: number;
  formVersions: Record<FormId, number>;
}

/** Adaptive models for one batch's sheets; encoder and decoder build the same ones. */
class SheetModels {
  readonly channel = new BitModel();
  readonly form = new BitModel();
  /** One model per question and previous answer in the sheet: people who answer Tốt tend to go on so. */
  readonly answers: SymbolModel[];
  readonly flags = FLAGS.map(() => new BitModel());
  readonly seqFollows = new BitModel();
  readonly seqGap = new NumberModel();
  readonly minutes = new NumberModel();
  private readonly stride: number;

  constructor(layout: Layout) {
    this.stride = layout.levels.length + 1;
    const questions = Math.max(layout.questions.citizen, layout.questions.cadre);
    this.answers = Array.from(
      { length: questions * this.stride },
      () => new SymbolModel(layout.bits),
    );
  }

  answer(question: number, previous: number | undefined): SymbolModel {
    return this.answers[question * this.stride + (previous ?? this.stride - 1)] as SymbolModel;
  }
}

/** The batch as bytes: format version, device id, then the body. */
export function encodeBatch(batch: Batch): Uint8Array {
  const profile = findProfile(batch.profileId, batch.profileVersion);
  if (!profile) throw new RangeError(`Unknown profile ${batch.profileId} v${batch.profileVersion}`);
  const layout = layoutOf(profile);
  const sheets = [...batch.sheets].sort((a, b) => a.seq - b.seq);
  if (sheets.length > MAX_SHEETS) throw new RangeError(`More than ${MAX_SHEETS} sheets in a batch`);
  for (const sheet of sheets) checkSheet(sheet, batch, layout);
  const first = sheets[0];
  const baseMinute = first ? Math.floor(first.createdAt / MINUTE) : 0;
  const thresholds = batch.thresholds;
  if (!thresholds) throw new RangeError('A format 2 batch carries the kiosk thresholds');
  const chain = hexToBytes(batch.chainHead ?? '00'.repeat(CHAIN_BYTES));
  if (chain.length !== CHAIN_BYTES) throw new RangeError('A chain link is 16 bytes');
  const writer = new ByteWriter()
    .byte(BATCH_FORMAT_VERSION)
    .bytes(hexToBytes(batch.deviceId))
    .byte((batch.includesPersonalData ? PERSONAL : 0) | (batch.includesFineTimes ? FINE_TIMES : 0))
    .text(profile.id)
    .varint(profile.version)
    .text(batch.communeCode)
    .varint(Math.floor(batch.sealedAt / 1000))
    .varint(thresholds.minIntervalSeconds)
    .varint(thresholds.burstWindowSeconds)
    .varint(thresholds.burstCount)
    .varint(thresholds.identicalRunLength)
    .bytes(chain)
    .varint(first?.seq ?? 1)
    .varint(sheets.length)
    .varint(baseMinute);
  const coded = codeSheets(sheets, layout, first?.seq ?? 1, baseMinute);
  writer.varint(coded.length).bytes(coded);
  if (batch.includesPersonalData || batch.includesFineTimes) {
    const extension = new ByteWriter();
    if (batch.includesFineTimes) for (const sheet of sheets) writeFineTimes(extension, sheet);
    if (batch.includesPersonalData) for (const sheet of sheets) writePersonal(extension, sheet);
    writer.bytes(deflateSync(extension.result(), { level: 9 }));
  }
  return writer.result();
}

/** Range-codes the sheets, in seq order, after the header's first seq and base minute. */
function codeSheets(
  sheets: readonly Sheet[],
  layout: Layout,
  firstSeq: number,
  baseMinute: number,
) {
  const levelIndex = new Map(layout.levels.map((id, i) => [id, i]));
  const models = new SheetModels(layout);
  const coder = new RangeEncoder();
  let previousSeq = firstSeq - 1;
  let previousMinute = baseMinute;
  for (const sheet of sheets) {
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
  return coder.finish();
}

/** Reads a batch written by encodeBatch (format 2, or an older format 1); anything malformed is a Problem. */
export function decodeBatch(bytes: Uint8Array): Batch {
  if (bytes.length < 10) throw new Problem('batch.damaged', 'too short');
  const format = bytes[0];
  if (format !== 1 && format !== 2) throw new Problem('batch.version', `format ${format}`);
  const deviceId = bytesToHex(bytes.subarray(1, 9));
  const body = new ByteReader(bytes.subarray(9));
  const options = body.byte();
  const includesPersonalData = (options & PERSONAL) !== 0;
  const includesFineTimes = format === 2 && (options & FINE_TIMES) !== 0;
  const profileId = body.text();
  const profileVersion = body.varint();
  const profile = findProfile(profileId, profileVersion);
  if (!profile) throw new Problem('batch.version', `profile ${profileId} v${profileVersion}`);
  let layout = layoutOf(profile);
  let sealedAt = 0;
  let thresholds: FlagThresholds | undefined;
  let chainHead: string | undefined;
  if (format === 1) {
    const formVersions = { citizen: body.varint(), cadre: body.varint() };
    if (profile.levels.length > 4)
      throw new Problem('batch.version', 'format 1 with over four levels');
    layout = { ...layout, questions: { citizen: 5, cadre: 5 }, bits: 2, formVersions };
  }
  const communeCode = body.text();
  if (format === 2) {
    sealedAt = body.varint() * 1000;
    thresholds = {
      minIntervalSeconds: body.varint(),
      burstWindowSeconds: body.varint(),
      burstCount: body.varint(),
      identicalRunLength: body.varint(),
    };
    chainHead = bytesToHex(body.bytes(CHAIN_BYTES));
  }
  const firstSeq = body.varint();
  const count = body.varint();
  if (count > MAX_SHEETS) throw new Problem('batch.too-large', `${count} sheets`);
  const baseMinute = body.varint();
  const coded = body.bytes(body.varint());
  const sheets = decodeSheets(coded, layout, count, {
    deviceId,
    profileId,
    profileVersion,
    firstSeq,
    baseMinute,
  });
  // One reading only: the same sheets must code back to the very bytes. A count that does
  // not match the coded sheets, or bytes after them, cannot pass.
  const recoded = codeSheets(sheets, layout, firstSeq, baseMinute);
  if (!sameBytes(recoded, coded))
    throw new Problem('batch.damaged', 'coded sheets do not match the count');
  if (includesPersonalData || includesFineTimes) {
    const extension = new ByteReader(inflateBounded(body.bytes(body.remaining)));
    if (includesFineTimes) for (const sheet of sheets) readFineTimes(extension, sheet);
    if (includesPersonalData) for (const sheet of sheets) readPersonal(extension, sheet);
    if (extension.remaining !== 0) throw new Problem('batch.damaged', 'trailing extension bytes');
  }
  if (body.remaining !== 0) throw new Problem('batch.damaged', 'trailing bytes');
  return {
    deviceId,
    communeCode,
    profileId,
    profileVersion,
    includesPersonalData,
    includesFineTimes,
    sealedAt,
    ...(thresholds ? { thresholds } : {}),
    ...(chainHead && count > 0 ? { chainHead } : {}),
    sheets,
  };
}

function decodeSheets(
  coded: Uint8Array,
  layout: Layout,
  count: number,
  header: {
    deviceId: string;
    profileId: string;
    profileVersion: number;
    firstSeq: number;
    baseMinute: number;
  },
): Sheet[] {
  const models = new SheetModels(layout);
  const coder = new RangeDecoder(coded);
  const sheets: Sheet[] = [];
  let seq = header.firstSeq - 1;
  let minute = header.baseMinute;
  for (let i = 0; i < count; i++) {
    seq += 1 + (coder.bit(models.seqFollows) ? coder.number(models.seqGap) + 1 : 0);
    minute += unzigzag(coder.number(models.minutes));
    const channel = coder.bit(models.channel) ? 'phone' : 'kiosk';
    const formId: FormId = coder.bit(models.form) ? 'cadre' : 'citizen';
    const answers: string[] = [];
    let previous: number | undefined;
    for (let q = 0; q < layout.questions[formId]; q++) {
      previous = coder.symbol(models.answer(q, previous));
      const level = layout.levels[previous];
      if (level === undefined) throw new Problem('batch.damaged', 'answer outside the levels');
      answers.push(level);
    }
    const flags = FLAGS.filter((_, bit) => coder.bit(models.flags[bit] as BitModel) === 1);
    if (coder.overrun > 4 || minute < 0) throw new Problem('batch.damaged', 'coded sheets');
    sheets.push({
      deviceId: header.deviceId,
      seq,
      profileId: header.profileId,
      profileVersion: header.profileVersion,
      formId,
      formVersion: layout.formVersions[formId],
      channel,
      answers,
      startedAt: minute * MINUTE,
      createdAt: minute * MINUTE,
      flags: flags as Flag[],
    });
  }
  return sheets;
}

function layoutOf(profile: Profile): Layout {
  const questions = { citizen: 0, cadre: 0 };
  const formVersions = { citizen: 0, cadre: 0 };
  for (const form of profile.forms) {
    questions[form.id] = form.questions.length;
    formVersions[form.id] = form.version;
  }
  const levels = profile.levels.map((l) => l.id);
  return {
    questions,
    levels,
    bits: Math.max(1, Math.ceil(Math.log2(levels.length))),
    formVersions,
  };
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

/** The second within the minute, then the seconds from start to submission. */
function writeFineTimes(body: ByteWriter, sheet: Sheet) {
  body.byte(Math.floor((sheet.createdAt % MINUTE) / 1000));
  body.varint(Math.max(0, Math.round((sheet.createdAt - sheet.startedAt) / 1000)));
}

function readFineTimes(body: ByteReader, sheet: Sheet) {
  const second = body.byte();
  if (second > 59) throw new Problem('batch.damaged', 'second of minute');
  sheet.createdAt += second * 1000;
  sheet.startedAt = sheet.createdAt - body.varint() * 1000;
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
  if (present > 7) throw new Problem('batch.damaged', 'personal presence byte');
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

function checkSheet(sheet: Sheet, batch: Batch, layout: Layout) {
  const belongs =
    sheet.deviceId === batch.deviceId &&
    sheet.profileId === batch.profileId &&
    sheet.profileVersion === batch.profileVersion &&
    sheet.formVersion === layout.formVersions[sheet.formId] &&
    sheet.answers.length === layout.questions[sheet.formId];
  if (!belongs) throw new RangeError(`Sheet ${sheet.seq} does not belong in this batch`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
