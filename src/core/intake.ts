import { type Fault, Problem, type ProblemKey, problemCatalogue } from './problems.ts';
import { levelIndex } from './profile/level-index.ts';
import { findForm, findProfile } from './profile/registry.ts';
import type { Sheet } from './sheet.ts';

/**
 * The one gate every sheet passes before anything that receives it stores it — at the collector
 * (kiosk batch, signed file, phone sheet), on the kiosk relaying a phone's answer QR, and in the
 * office's browser (parcels read by camera or file). The survey scores the commune whose own staff hold
 * the tablet, so nothing is taken on trust: a sheet is checked against the profile and form
 * version it names. A refusal is a catalogue problem listing every fault; nothing is stored.
 */
export type IntakePath =
  /** A kiosk's compact batch (HTTP sync or QR frames). */
  | 'batch'
  /** A kiosk's signed JSON file. */
  | 'file'
  /** A citizen's phone sheet, sent by the phone or relayed from its answer QR. */
  | 'phone'
  /** A row the collector stored earlier, read back (an older build may have let it in). */
  | 'stored';

export interface IntakeContext {
  path: IntakePath;
  /** The receiving side's clock, ms since the epoch. */
  now: number;
  /** The device a batch or file speaks for: each of its sheets must carry it. */
  deviceId?: string;
}

/** 01/01/2024 00:00 in Vietnam: the Đề án starts in 2024, so no sheet is older. */
export const EARLIEST_SHEET_AT = Date.UTC(2023, 11, 31, 17);
/** A device clock may run ahead of the receiver by this much (a day): beyond it is not a clock. */
export const MAX_CLOCK_AHEAD_MS = 24 * 3_600_000;
/** From "Bắt đầu" to "Gửi phiếu": the idle countdown ends a sheet long before this. */
export const MAX_ANSWERING_MS = 24 * 3_600_000;
/** Largest sequence number: far beyond any device's life, inside every integer column. */
export const MAX_SEQ = 2_000_000_000;
/** Consent ticked during the sheet, give or take the minute the batch rounds times to. */
const CONSENT_SLACK_MS = 60_000;
const NAME_CHARS = 200;
const ADDRESS_CHARS = 300;
const REASON_CHARS = 500;
const SUGGESTION_CHARS = 2000;
/** C0 controls other than tab and line breaks, DEL, and UTF-16 halves without their pair. */
const ILL_FORMED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Finding = { key: ProblemKey; path: string; message: string };

/** The first fault of one sheet, or undefined when the gate lets it through. */
export function sheetFault(sheet: Sheet, context: IntakeContext): Finding | undefined {
  const profile = findProfile(sheet.profileId, sheet.profileVersion);
  if (!profile)
    return fault(
      'sheet.unknown-profile',
      'profileId',
      `${sheet.profileId} v${sheet.profileVersion}`,
    );
  const form = findForm(profile, sheet.formId);
  if (!form || form.version !== sheet.formVersion)
    return fault('sheet.unknown-profile', 'formVersion', `${sheet.formId} v${sheet.formVersion}`);

  if (sheet.answers.length !== form.questions.length)
    return fault('sheet.answers', 'answers', `${sheet.answers.length} of ${form.questions.length}`);
  const levels = levelIndex(profile);
  const unknown = sheet.answers.findIndex((id) => !levels.has(id));
  if (unknown >= 0)
    return fault(
      'sheet.answers',
      `answers.${unknown}`,
      `level ${JSON.stringify(sheet.answers[unknown])}`,
    );

  const phone = context.path === 'phone';
  const channelFits = context.path === 'stored' || sheet.channel === (phone ? 'phone' : 'kiosk');
  if (!channelFits)
    return fault('sheet.identity', 'channel', `${sheet.channel} on ${context.path}`);
  if (
    !Number.isSafeInteger(sheet.seq) ||
    sheet.seq < 1 ||
    sheet.seq > MAX_SEQ ||
    (phone && sheet.seq !== 1)
  )
    return fault('sheet.identity', 'seq', String(sheet.seq));
  if (context.deviceId !== undefined && sheet.deviceId !== context.deviceId)
    return fault(
      'sheet.identity',
      'deviceId',
      `${sheet.deviceId} in ${context.deviceId}'s delivery`,
    );
  if (
    new Set(sheet.flags).size !== sheet.flags.length ||
    (phone && sheet.flags.some((f) => f !== 'non-resident'))
  )
    return fault('sheet.identity', 'flags', sheet.flags.join(','));

  if (sheet.createdAt < EARLIEST_SHEET_AT || sheet.createdAt > context.now + MAX_CLOCK_AHEAD_MS)
    return fault('sheet.time', 'createdAt', new Date(sheet.createdAt).toISOString());
  if (sheet.startedAt > sheet.createdAt || sheet.createdAt - sheet.startedAt > MAX_ANSWERING_MS)
    return fault('sheet.time', 'startedAt', `${sheet.createdAt - sheet.startedAt} ms to answer`);

  return personalFault(sheet, form.questions.length, (id) =>
    Boolean(profile.levels[levels.get(id) ?? -1]?.satisfied),
  );
}

function personalFault(
  sheet: Sheet,
  questionCount: number,
  satisfied: (levelId: string) => boolean,
): Finding | undefined {
  const text = (value: string, max: number, path: string) =>
    value.length > max || ILL_FORMED.test(value)
      ? fault('sheet.personal', path, `${value.length} characters or ill-formed`)
      : undefined;
  const { respondent, reasons, suggestion } = sheet;
  if (respondent) {
    const { name, address, consent } = respondent;
    const found =
      text(name, NAME_CHARS, 'respondent.name') ??
      text(address, ADDRESS_CHARS, 'respondent.address');
    if (found) return found;
    const consentFits =
      consent.at >= sheet.startedAt - CONSENT_SLACK_MS &&
      consent.at <= sheet.createdAt + CONSENT_SLACK_MS;
    if (!consentFits || !Number.isSafeInteger(consent.noticeVersion))
      return fault('sheet.personal', 'respondent.consent', `consent at ${consent.at}`);
  }
  for (const [question, why] of Object.entries(reasons ?? {})) {
    const index = Number(question) - 1;
    const answer = sheet.answers[index];
    // A reason is asked only for an unsatisfied answer (Trung bình, Yếu).
    if (
      !/^[1-9]\d?$/.test(question) ||
      index >= questionCount ||
      answer === undefined ||
      satisfied(answer) ||
      why.length === 0
    )
      return fault('sheet.personal', `reasons.${question}`, 'no such unsatisfied answer');
    const found = text(why, REASON_CHARS, `reasons.${question}`);
    if (found) return found;
  }
  if (suggestion !== undefined) return text(suggestion, SUGGESTION_CHARS, 'suggestion');
  return undefined;
}

const fault = (key: ProblemKey, path: string, message: string): Finding => ({ key, path, message });

/**
 * The sheets of one delivery through the gate, all or none: returns them when every sheet
 * holds, else throws the Problem of the first fault with every sheet's fault listed
 * (at most 50).
 */
export function admitSheets(sheets: readonly Sheet[], context: IntakeContext): readonly Sheet[] {
  const faults: (Fault & { key: ProblemKey })[] = [];
  sheets.forEach((sheet, i) => {
    const found = faults.length < 50 ? sheetFault(sheet, context) : undefined;
    if (found)
      faults.push({
        key: found.key,
        path: `sheets.${i}.${found.path}`,
        message: `${problemCatalogue[found.key].code}: ${found.message}`,
      });
  });
  const first = faults[0];
  if (first)
    throw new Problem(
      first.key,
      `${first.path}: ${first.message}`,
      faults.map(({ path, message }) => ({ path, message })),
    );
  return sheets;
}
