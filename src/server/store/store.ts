import type { CommuneHeader } from '../../core/commune-figures.ts';
import type { SheetGroup } from '../../core/scoring/form-summary.ts';
import type { Sheet } from '../../core/sheet.ts';

/** A registered kiosk as the collector keeps it. */
export interface KioskRecord {
  deviceId: string;
  communeCode: string;
  communeName: string;
  label: string;
  /** The HMAC key the kiosk seals its batches and phone tokens with. */
  key: Uint8Array;
  registeredAt: number;
  /** A tablet at the desk, or a printed desk QR whose phone tokens the collector issues. */
  kind: 'kiosk' | 'desk';
}

/** A commune as the collector lists it (the figures' header). */
export type CommuneRecord = CommuneHeader;

/** The outcome of storing a batch: all of it, or none of it. */
export type IngestOutcome =
  | { ok: true; received: number[]; duplicates: number[] }
  | { ok: false; conflicts: number[] };

/**
 * The collector's storage, one schema for SQLite (default) and PostgreSQL. Sheet
 * identity (device_id, seq) is the primary key and inserts use ON CONFLICT, so two
 * deliveries of one sheet can never race into two rows.
 */
export interface CollectorStore {
  registerKiosk(kiosk: KioskRecord): Promise<boolean>;
  findKiosk(deviceId: string): Promise<KioskRecord | undefined>;
  hasSheet(deviceId: string, seq: number): Promise<boolean>;
  /** Records the first claim of a phone token; returns the claim hash that holds it now. */
  claimPhoneToken(nonce: string, claimHash: string, at: number): Promise<string>;
  /** The claim hash holding a phone token, if any phone claimed it. */
  phoneTokenClaim(nonce: string): Promise<string | undefined>;
  /** Stores every sheet of a batch in one transaction, or none when any conflicts. */
  ingest(communeCode: string, sheets: readonly Sheet[], receivedAt: number): Promise<IngestOutcome>;
  communes(): Promise<CommuneRecord[]>;
  sheetsOfCommune(communeCode: string): Promise<Sheet[]>;
  /** The commune's sheets counted by form, profile, answers and whether flagged: enough for every figure. */
  sheetGroupsOfCommune(communeCode: string): Promise<SheetGroup[]>;
  close(): Promise<void>;
}
