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

/**
 * The phone's side of phone mode (docs/api.md, "Phone mode"): it asks whether its token
 * can be used, sends its one sheet, and keeps the sheet in its outbox while offline.
 */

export interface TokenStatus {
  communeCode: string;
  communeName: string;
  formId: 'citizen' | 'cadre';
  expiresAt: number;
}

/** The server's answer, or that it could not be reached. */
export type Reply<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'offline' };

async function call<T>(path: string, init?: RequestInit): Promise<Reply<T>> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    return { kind: 'offline' };
  }
  const body = (await response.json().catch(() => ({}))) as T & { code?: string; message?: string };
  if (response.ok) return { kind: 'ok', value: body };
  // A gateway or a restarting server: the same as no network, try again later.
  if (response.status >= 500 || !body.message) return { kind: 'offline' };
  return { kind: 'refused', code: body.code ?? String(response.status), message: body.message };
}

/** Claims the token for this phone (the first phone to open a code holds it) and reads its state. */
export async function claimToken(db: PhoneDb, token: string): Promise<Reply<TokenStatus>> {
  const claim = await claimFor(db, readPhoneToken(token).nonce);
  return call<TokenStatus>(`/api/v1/phone-tokens/${encodeURIComponent(token)}/claims`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ claim }),
  });
}

/** A printed desk QR: the collector issues a fresh token for this scan. */
export const requestDeskToken = (deskId: string, formId: 'citizen' | 'cadre' = 'citizen') =>
  call<{ token: string; communeName: string }>(
    `/api/v1/desks/${encodeURIComponent(deskId)}/tokens`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ formId }),
    },
  );

const post = (token: string, claim: string | undefined, answers: PhoneAnswers) =>
  call<{ status: 'received' | 'duplicate' }>('/api/v1/phone-sheets', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, claim, sheet: answers }),
  });

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
): Promise<Reply<{ status: 'received' | 'duplicate' }>> {
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
