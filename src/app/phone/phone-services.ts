import type { PhoneAnswers } from '../../core/phone/phone-sheet.ts';
import { openPhoneDb, type PhoneDb } from '../../storage/phone-outbox.ts';
import {
  checkToken,
  type FlushReport,
  flushPhoneOutbox,
  type Reply,
  requestDeskToken,
  sendPhoneSheet,
  type TokenStatus,
} from '../../transport/phone-client.ts';

/** What the phone screen needs, behind one interface so tests can hand it a fake. */
export interface PhoneServices {
  checkToken(token: string): Promise<Reply<TokenStatus>>;
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
    checkToken,
    requestDeskToken: (deskId) => requestDeskToken(deskId),
    send: async (token, answers) => sendPhoneSheet(await db(), token, answers, now()),
    flush: async () => flushPhoneOutbox(await db()),
  };
}
