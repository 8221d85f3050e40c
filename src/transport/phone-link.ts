import { bytesToHex } from '../core/codec/hex.ts';
import { phoneFragmentOf } from '../core/phone/link.ts';
import { issuePhoneToken } from '../core/phone/token.ts';
import { defaultProfile } from '../core/profile/registry.ts';
import { type KioskSettings, phoneQrOf } from '../core/settings.ts';
import { loadCredentials, registeredCommune, signerOf } from '../storage/credentials.ts';
import type { KioskDb } from '../storage/db.ts';
import { loadSyncStatus, recordClockSkew } from '../storage/sync-status.ts';
import { collectorClient } from './collector-api.ts';

/**
 * Collector clock minus device clock: asked now (2 s at most) and reported to the sync status,
 * else the last one recorded. Only the clock is reported: a failed sync's error stays.
 */
async function collectorClockSkew(db: KioskDb, collectorUrl: string, now: number) {
  const reply = await collectorClient({ base: collectorUrl }).call('time', {
    signal: AbortSignal.timeout(2_000),
  });
  if (reply.kind !== 'ok') return (await loadSyncStatus(db)).clockSkewMs ?? 0;
  const clockSkewMs = reply.value.serverTime - now;
  await recordClockSkew(db, clockSkewMs);
  return clockSkewMs;
}

/**
 * The link the kiosk's start screen shows as a QR: the collector's address with a fresh
 * phone token in the fragment (never sent to a server in a request line, so never in a
 * proxy log). Undefined while the kiosk is not registered or phone mode is off.
 */
export async function buildPhoneLink(
  db: KioskDb,
  settings: KioskSettings,
  now: number,
): Promise<string | undefined> {
  const phoneQr = phoneQrOf(settings);
  const credentials = await loadCredentials(db);
  if (!phoneQr.enabled || !credentials || !settings.communeCode) return undefined;
  // Tablets drift: issue on the collector's clock, read now or as last seen, so the
  // lifetime holds where it is checked.
  const skew = await collectorClockSkew(db, credentials.collectorUrl, now);
  const nonce = bytesToHex(crypto.getRandomValues(new Uint8Array(8)));
  const token = await issuePhoneToken(signerOf(credentials), {
    deviceId: credentials.deviceId,
    formId: settings.formId,
    communeCode: registeredCommune(credentials, settings.communeCode),
    issuedAt: now + skew,
    lifetimeMinutes: phoneQr.tokenMinutes,
    nonce,
  });
  const fragment = phoneFragmentOf(token, settings, {
    profileId: defaultProfile.id,
    profileVersion: defaultProfile.version,
  });
  return new URL(fragment, credentials.collectorUrl).href;
}

/** Whether a phone has already sent its sheet with this link's token (false when unknown). */
export async function phoneLinkUsed(link: string): Promise<boolean> {
  const url = new URL(link);
  const token = url.hash.replace(/^#\/phone\//, '').split('/')[0] ?? '';
  const reply = await collectorClient({ base: url.origin }).call('phoneToken', {
    params: { token },
  });
  return reply.kind === 'refused' && reply.status === 409;
}
