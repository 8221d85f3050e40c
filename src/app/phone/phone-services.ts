import type { PhoneAnswers } from '../../core/phone/phone-sheet.ts';
import { readPhoneToken } from '../../core/phone/token.ts';
import {
  acceptedPhoneSheet,
  claimFor,
  openPhoneDb,
  type PhoneDb,
  queuedPhoneSheet,
} from '../../storage/phone-outbox.ts';
import {
  claimToken,
  type FlushReport,
  flushPhoneOutbox,
  type Reply,
  requestDeskToken,
  sendPhoneSheet,
  type TokenStatus,
} from '../../transport/phone-client.ts';

/** What this phone already did with a token: its sheet was taken, or it waits to be sent. */
export type SavedPhoneSheet =
  | { kind: 'accepted'; communeName?: string }
  | { kind: 'queued'; claim: string; answers: PhoneAnswers; communeName?: string };

/** What the phone screen needs, behind one interface so tests can hand it a fake. */
export interface PhoneServices {
  /** This phone's own record of the token's sheet, if it answered it already. */
  savedSheet(token: string): Promise<SavedPhoneSheet | undefined>;
  /** Claims the token for this phone and says whether it can be used. */
  claimToken(token: string): Promise<Reply<TokenStatus>>;
  /** The claim this phone holds the token with (shown in the answer QR). */
  claimOf(token: string): Promise<string>;
  requestDeskToken(deskId: string): Promise<Reply<{ token: string; communeName: string }>>;
  /** Sends the sheet; `communeName` is kept for the thanks a reload shows. */
  send(
    token: string,
    answers: PhoneAnswers,
    communeName: string,
  ): Promise<Reply<{ status: string }>>;
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
    savedSheet: async (token) => {
      const { nonce } = readPhoneToken(token);
      const accepted = await acceptedPhoneSheet(await db(), nonce);
      if (accepted) return { kind: 'accepted', communeName: accepted.communeName };
      const queued = await queuedPhoneSheet(await db(), nonce);
      if (!queued) return undefined;
      const claim = queued.claim ?? (await claimFor(await db(), nonce));
      return { kind: 'queued', claim, answers: queued.answers, communeName: queued.communeName };
    },
    claimToken: async (token) => claimToken(await db(), token),
    claimOf: async (token) => claimFor(await db(), readPhoneToken(token).nonce),
    requestDeskToken: (deskId) => requestDeskToken(deskId),
    send: async (token, answers, communeName) =>
      sendPhoneSheet(await db(), token, answers, now(), communeName),
    flush: async () => flushPhoneOutbox(await db()),
  };
}
