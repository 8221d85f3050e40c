import { base64urlToBytes } from '../core/codec/base64url.ts';
import { decodeOfflineEnrolment, enrolmentCodeIn } from '../core/enrolment.ts';
import { Problem } from '../core/problems.ts';
import { saveCredentials } from '../storage/credentials.ts';
import type { KioskDb } from '../storage/db.ts';
import { ensureDevice } from '../storage/device.ts';
import { loadSettings, saveSettings } from '../storage/settings-store.ts';
import { type CollectorClient, collectorClient, successOf } from './collector-api.ts';

/**
 * The tablet enrols with the collecting office without any office secret typed on it (issue
 * 11; docs/api.md, "Enrolment"): it gives a one-time code (scanned from the office's QR, opened
 * as a link, or typed) and receives its key; or, without network, it scans the office's
 * offline enrolment QR made for its device id. Either way it keeps the key as a non-extractable
 * WebCrypto key and takes the commune and label the office set.
 */

export interface Enrolled {
  deviceId: string;
  communeCode: string;
  communeName: string;
  label: string;
  /** Whether the collector was reached (a code), or the QR carried everything (offline). */
  online: boolean;
}

/** Keeps the key and makes the kiosk's settings name the commune the office enrolled it for. */
async function keep(
  db: KioskDb,
  collectorUrl: string,
  enrolled: Omit<Enrolled, 'online'> & { key: string },
  now: number,
) {
  await saveCredentials(db, {
    collectorUrl,
    deviceId: enrolled.deviceId,
    key: base64urlToBytes(enrolled.key),
    communeCode: enrolled.communeCode,
  });
  const { settings } = await loadSettings(db, now);
  await saveSettings(db, {
    ...settings,
    communeCode: enrolled.communeCode,
    communeName: enrolled.communeName,
    kioskLabel: enrolled.label,
  });
}

/**
 * Enrols with what the person scanned or typed: an offline enrolment QR, an enrolment link, or
 * a code. Throws a Problem (or a ReplyError) whose message is the sentence to show.
 */
export async function enrol(
  db: KioskDb,
  text: string,
  options: { collectorUrl: string; now: number; client?: CollectorClient },
): Promise<Enrolled> {
  const device = await ensureDevice(db);
  const offline = decodeOfflineEnrolment(text.trim());
  if (offline) {
    if (offline.deviceId !== device.deviceId) throw new Problem('enrolment.other-device');
    await keep(db, options.collectorUrl, offline, options.now);
    const { key: _key, ...shown } = offline;
    return { ...shown, online: false };
  }
  const code = enrolmentCodeIn(text);
  if (!code) throw new Problem('enrolment.unreadable');
  // A link names the collector it came from; a typed code goes to the one this page is on.
  const linked = /^https?:\/\//.test(text.trim()) ? new URL(text.trim()).origin : undefined;
  const collectorUrl = linked ?? options.collectorUrl;
  const client = options.client ?? collectorClient({ base: collectorUrl });
  const enrolled = successOf(
    await client.call('redeemEnrolment', { json: { code, deviceId: device.deviceId } }),
  );
  await keep(db, collectorUrl, enrolled, options.now);
  const { key: _key, ...shown } = enrolled;
  return { ...shown, online: true };
}
