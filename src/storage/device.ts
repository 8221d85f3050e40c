import { bytesToHex } from '../core/codec/hex.ts';
import type { DeviceRecord, KioskDb } from './db.ts';

/** A new random device id: 16 lowercase hex characters (64 bits). */
export function newDeviceId(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(8)));
}

/** The device record, created once (first call) and never changed except for its counter. */
export async function ensureDevice(db: KioskDb): Promise<DeviceRecord> {
  const candidate: DeviceRecord = { deviceId: newDeviceId(), lastSeq: 0 };
  const tx = db.transaction('meta', 'readwrite');
  const existing = (await tx.store.get('device')) as DeviceRecord | undefined;
  if (!existing) await tx.store.put(candidate, 'device');
  await tx.done;
  return existing ?? candidate;
}
