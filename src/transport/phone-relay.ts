import { admitSheets } from '../core/intake.ts';
import { readAnswerQr } from '../core/phone/answer-qr.ts';
import { phoneSheetOf } from '../core/phone/phone-sheet.ts';
import { checkPhoneToken } from '../core/phone/token-check.ts';
import { Problem } from '../core/problems.ts';
import { profileOfSettings } from '../core/profile/registry.ts';
import type { KioskSettings } from '../core/settings.ts';
import { loadCredentials, registeredCommune, signerOf } from '../storage/credentials.ts';
import type { KioskDb } from '../storage/db.ts';
import { keepRelayedSheet, relayedToSend, settleRelayedSheet } from '../storage/phone-relay.ts';
import { loadSyncStatus } from '../storage/sync-status.ts';
import type { CollectorClient } from './collector-api.ts';
import { sentenceOf } from './refusal.ts';

/**
 * Phone mode's way back through the desk: a phone without network shows its sheet as an
 * answer QR, the kiosk that issued the token checks it with its own key and carries it to
 * the collector like the phone would have. The sheet keeps its identity (the token's
 * nonce), so it counts once even if the phone later sends it itself.
 */
export async function receiveAnswerQr(
  db: KioskDb,
  settings: KioskSettings,
  text: string,
  now: number,
): Promise<{ isNew: boolean }> {
  const { token, answers, claim } = readAnswerQr(text, profileOfSettings(settings));
  const credentials = await loadCredentials(db);
  // Only this kiosk's own tokens: it holds no other key.
  if (!credentials || credentials.deviceId !== token.deviceId)
    throw new Problem('token.unknown-issuer', token.deviceId);
  const skew = (await loadSyncStatus(db)).clockSkewMs ?? 0;
  await checkPhoneToken(
    token,
    {
      sign: signerOf(credentials),
      communeCode: registeredCommune(credentials, settings.communeCode),
    },
    now + skew,
    answers.createdAt,
  );
  if (answers.formId !== token.formId) throw new Problem('token.wrong-form');
  // The same gate the collector runs: a sheet it would refuse is not kept to be sent.
  admitSheets([phoneSheetOf(token, answers)], { path: 'phone', now: now + skew });
  const isNew = await keepRelayedSheet(db, {
    nonce: token.nonce,
    token: token.text,
    ...(claim ? { claim } : {}),
    answers,
    scannedAt: now,
  });
  return { isNew };
}

/**
 * Sends relayed phone sheets to the collector's phone endpoint. A sheet leaves the list when
 * the collector took it (or had it); a refusal is kept with its reason; no network stops.
 */
export async function sendRelayedSheets(
  db: KioskDb,
  client: CollectorClient,
  now: () => number,
): Promise<{ sent: number; offline: boolean }> {
  let sent = 0;
  for (const sheet of await relayedToSend(db)) {
    const reply = await client.call('sendPhoneSheet', {
      json: {
        token: sheet.token,
        ...(sheet.claim ? { claim: sheet.claim } : {}),
        sheet: sheet.answers,
      },
    });
    if (reply.kind === 'offline' || reply.kind === 'failed') return { sent, offline: true };
    if (reply.kind === 'ok') {
      await settleRelayedSheet(db, sheet.nonce, { sentAt: now() });
      sent++;
    } else {
      await settleRelayedSheet(db, sheet.nonce, { refusal: sentenceOf(reply) });
    }
  }
  return { sent, offline: false };
}
