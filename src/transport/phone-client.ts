import type { DeskToken, PhoneSheetReceipt, PhoneTokenStatus } from '../core/api.ts';
import type { PhoneAnswers } from '../core/phone/phone-sheet.ts';
import { readPhoneToken } from '../core/phone/token.ts';
import {
  claimFor,
  forgetPhoneSheet,
  markPhoneSheetAccepted,
  type PhoneDb,
  queuedPhoneSheets,
  queuePhoneSheet,
} from '../storage/phone-outbox.ts';
import { type Reply as CollectorReply, collectorClient, sentenceOf } from './collector-api.ts';

/**
 * The phone's side of phone mode (docs/api.md, "Phone mode"): it asks whether its token
 * can be used, sends its one sheet, and keeps the sheet in its outbox while offline.
 */

export type TokenStatus = PhoneTokenStatus;

/** The server's answer, or that it could not be reached (a busy or restarting server counts as that). */
export type Reply<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'offline' };

/** The phone page talks to the collector it was served from. */
const client = collectorClient();

/** The typed client's reply as the phone reads it: a failure to retry is the same as no network. */
function phoneReply<T>(reply: CollectorReply<T>): Reply<T> {
  if (reply.kind === 'ok') return reply;
  if (reply.kind === 'refused')
    return { kind: 'refused', code: reply.code, message: reply.message };
  return { kind: 'offline' };
}

/** Claims the token for this phone (the first phone to open a code holds it) and reads its state. */
export async function claimToken(db: PhoneDb, token: string): Promise<Reply<TokenStatus>> {
  const claim = await claimFor(db, readPhoneToken(token).nonce);
  return phoneReply(await client.call('claimPhoneToken', { params: { token }, json: { claim } }));
}

/** A printed desk QR: the collector issues a fresh token for this scan. */
export const requestDeskToken = async (
  deskId: string,
  formId: 'citizen' | 'cadre' = 'citizen',
): Promise<Reply<DeskToken>> => {
  const reply = await client.call('deskToken', { params: { deviceId: deskId }, json: { formId } });
  // Too many scans of this desk just now (429.2): a sentence to show, not "no network".
  if (reply.kind === 'failed' && reply.status === 429)
    return { kind: 'refused', code: reply.code, message: sentenceOf(reply) };
  return phoneReply(reply);
};

const post = async (token: string, claim: string | undefined, answers: PhoneAnswers) =>
  phoneReply(
    await client.call('sendPhoneSheet', {
      json: { token, ...(claim ? { claim } : {}), sheet: answers },
    }),
  );

/**
 * Sends the sheet. It is queued first, so closing the page or losing signal mid-request
 * loses nothing; it leaves the outbox once the collector has answered for it, and when the
 * collector took it the phone remembers so (a reload shows the thanks again).
 * `communeName` is kept with it for those thanks.
 */
export async function sendPhoneSheet(
  db: PhoneDb,
  token: string,
  answers: PhoneAnswers,
  now: number,
  communeName?: string,
): Promise<Reply<PhoneSheetReceipt>> {
  const { nonce } = readPhoneToken(token);
  const claim = await claimFor(db, nonce);
  await queuePhoneSheet(db, {
    nonce,
    token,
    claim,
    answers,
    queuedAt: now,
    ...(communeName && { communeName }),
  });
  const reply = await post(token, claim, answers);
  if (reply.kind === 'ok') await markPhoneSheetAccepted(db, nonce, now, communeName);
  else if (reply.kind === 'refused') await forgetPhoneSheet(db, nonce);
  return reply;
}

export interface FlushReport {
  /** Still in the outbox: no network yet. */
  waiting: number;
  /** Refused for good (e.g. answered too late), by token nonce, with the collector's sentence. */
  refused: { nonce: string; message: string }[];
}

/** Sends what waited in the outbox; a refused sheet leaves it too, with its reason reported. */
export async function flushPhoneOutbox(db: PhoneDb, now = Date.now()): Promise<FlushReport> {
  const report: FlushReport = { waiting: 0, refused: [] };
  for (const queued of await queuedPhoneSheets(db)) {
    const reply = await post(queued.token, queued.claim, queued.answers);
    if (reply.kind === 'offline') report.waiting++;
    else if (reply.kind === 'ok') await markPhoneSheetAccepted(db, queued.nonce, now);
    else {
      await forgetPhoneSheet(db, queued.nonce);
      report.refused.push({ nonce: queued.nonce, message: reply.message });
    }
  }
  return report;
}
