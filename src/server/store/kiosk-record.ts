import type { FormId } from '../../core/profile/schema.ts';

/** A registered kiosk, or a printed desk QR whose phone tokens the collector issues. */
export interface KioskRecord {
  deviceId: string;
  communeCode: string;
  communeName: string;
  label: string;
  /** The HMAC key the kiosk seals its batches and phone tokens with. */
  key: Uint8Array;
  registeredAt: number;
  kind: 'kiosk' | 'desk';
  revokedAt: number | null;
  revocationReason: string | null;
  /** A desk's tokens may be for these forms only (citizen, unless the office allows more). */
  forms: FormId[];
}

export type NewKiosk = Omit<KioskRecord, 'revokedAt' | 'revocationReason' | 'forms'> & {
  forms?: FormId[];
};
