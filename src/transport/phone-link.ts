import { bytesToHex } from '../core/codec/hex.ts';
import { phoneFragmentOf } from '../core/phone/link.ts';
import { issuePhoneToken } from '../core/phone/token.ts';
import { defaultProfile } from '../core/profile/registry.ts';
import { type KioskSettings, phoneQrOf } from '../core/settings.ts';
import { loadCredentials, signerOf } from '../storage/credentials.ts';
import type { KioskDb } from '../storage/db.ts';
import { loadSyncStatus, saveSyncStatus } from '../storage/outbox.ts';

/** Collector clock minus device clock: asked now (2 s at most), else the last one recorded. */
async function collectorClockSkew(db: KioskDb, collectorUrl: string, now: number) {
  const status = await loadSyncStatus(db);
  try {
    const response = await fetch(new URL('/api/v1/time', collectorUrl), {
      signal: AbortSignal.timeout(2_000),
    });
    const { serverTime } = (await response.json()) as { serverTime: number };
    if (!Number.isFinite(serverTime)) throw new Error('no time');
    const clockSkewMs = serverTime - now;
    await saveSyncStatus(db, { ...status, clockSkewMs });
    return clockSkewMs;
  } catch {
    return status.clockSkewMs ?? 0;
  }
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
    communeCode: settings.communeCode,
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
  const token = url.hash.replace(/^#\/phone\//, '').split('/')[0];
  try {
    const response = await fetch(new URL(`/api/v1/phone-tokens/${token}`, url.origin));
    return response.status === 409;
  } catch {
    return false;
  }
}
