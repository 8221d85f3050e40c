import type { PhoneAnswers } from '../../core/phone/phone-sheet.ts';
import { readPhoneToken } from '../../core/phone/token.ts';
import { claimFor, openPhoneDb, type PhoneDb } from '../../storage/phone-outbox.ts';
import {
  claimToken,
  type FlushReport,
  flushPhoneOutbox,
  type Reply,
  requestDeskToken,
  sendPhoneSheet,
  type TokenStatus,
} from '../../transport/phone-client.ts';

/** What the phone screen needs, behind one interface so tests can hand it a fake. */
export interface PhoneServices {
  /** Claims the token for this phone and says whether it can be used. */
  claimToken(token: string): Promise<Reply<TokenStatus>>;
  /** The claim this phone holds the token with (shown in the answer QR). */
  claimOf(token: string): Promise<string>;
  requestDeskToken(deskId: string): Promise<Reply<{ token: string; communeName: string }>>;
  send(token: string, answers: PhoneAnswers): Promise<Reply<{ status: string }>>;
  /** Sends what waited in the outbox. */
  flush(): Promise<FlushReport>;
}

export function createPhoneServices(now: () => number = Date.now): PhoneServices {
  let database: Promise<PhoneDb> | undefined;
  const db = () => {
    database ??= openPhoneDb();
    return database;
  };
  return {
    claimToken: async (token) => claimToken(await db(), token),
    claimOf: async (token) => claimFor(await db(), readPhoneToken(token).nonce),
    requestDeskToken: (deskId) => requestDeskToken(deskId),
    send: async (token, answers) => sendPhoneSheet(await db(), token, answers, now()),
    flush: async () => flushPhoneOutbox(await db()),
  };
}
