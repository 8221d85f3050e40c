import { base64urlToBytes } from '../core/codec/base64url.ts';
import type { Signer } from '../core/codec/seal.ts';
import type { KioskDb } from './db.ts';
import { CREDENTIALS_RECORD } from './enrolled.ts';
import { recordRegistration } from './sync-status.ts';

/**
 * What the kiosk keeps about the collecting office: its address, the device id it registered,
 * and the key the office issued — as a non-extractable WebCrypto key, so whoever reads the
 * tablet's storage can have the kiosk sign but cannot copy the key to mint sheets or phone
 * tokens elsewhere (docs/architecture.md, "Trust").
 */
export interface CollectorCredentials {
  collectorUrl: string;
  deviceId: string;
  signingKey: CryptoKey;
  /**
   * The commune the office registered the kiosk for: its batches and phone tokens say this
   * one, whatever Cài đặt says later. Absent in records kept before it was (Cài đặt's then).
   */
  communeCode?: string;
}

/** How builds before non-extractable keys stored them: the raw key as base64url. */
interface RawKeyCredentials {
  collectorUrl: string;
  deviceId: string;
  key: string;
}

const NAME = CREDENTIALS_RECORD;

/** The raw key as a WebCrypto HMAC key that signs and cannot be exported. */
export const importSigningKey = (raw: Uint8Array) =>
  crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);

/**
 * The kiosk's credentials; a record from an older build (raw key) is converted on first read
 * and the raw key erased.
 */
export async function loadCredentials(db: KioskDb): Promise<CollectorCredentials | undefined> {
  const stored = (await db.get('meta', NAME)) as
    | CollectorCredentials
    | RawKeyCredentials
    | undefined;
  if (!stored || 'signingKey' in stored) return stored;
  const bytes = base64urlToBytes(stored.key);
  const credentials: CollectorCredentials = {
    collectorUrl: stored.collectorUrl,
    deviceId: stored.deviceId,
    signingKey: await importSigningKey(bytes),
  };
  await db.put('meta', credentials, NAME);
  return credentials;
}

/** Keeps the office's answer to a registration; the raw key is never written. */
export async function saveCredentials(
  db: KioskDb,
  registration: { collectorUrl: string; deviceId: string; key: Uint8Array; communeCode?: string },
): Promise<void> {
  const credentials: CollectorCredentials = {
    collectorUrl: registration.collectorUrl,
    deviceId: registration.deviceId,
    signingKey: await importSigningKey(registration.key),
    ...(registration.communeCode ? { communeCode: registration.communeCode } : {}),
  };
  await db.put('meta', credentials, NAME);
  await recordRegistration(db);
}

/** The commune the kiosk speaks for to the collector: the registration's, else Cài đặt's. */
export const registeredCommune = (
  credentials: CollectorCredentials,
  settingsCommune: string,
): string => credentials.communeCode ?? settingsCommune;

/** The kiosk signs through its key without ever holding its bytes. */
export function signerOf(credentials: CollectorCredentials): Signer {
  return async (data) =>
    new Uint8Array(await crypto.subtle.sign('HMAC', credentials.signingKey, data));
}
