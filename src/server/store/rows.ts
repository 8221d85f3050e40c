import { createHash } from 'node:crypto';
import { sheetFingerprint } from '../../core/identity.ts';
import { type FlagReason, flagReasonSchema, type StreamSheet } from '../../core/office-flags.ts';
import { type Sheet, sheetSchema } from '../../core/sheet.ts';
import type { Row, SqlValue } from './engine.ts';
import type { Delivery } from './store.ts';

/**
 * The version of the intake gate (src/core/intake.ts) this build runs. When a database's rows
 * were last checked by an older one, every stored row is checked again on start.
 */
export const GATE_VERSION = 1;

/**
 * A sheet as one row of the `sheets` table, as it is first stored: its own columns
 * (`SheetColumns`) and those every sheet of its delivery shares (`DeliveryColumns`, bound
 * once a statement). The columns a review, the retention or the gate's recheck fill later
 * (`review`, `personal_purged_at`, `set_aside`) are left out, so NULL, and not bound at all.
 */
export interface SheetColumns extends Record<string, SqlValue> {
  seq: number;
  profile_id: string;
  profile_version: number;
  form_id: string;
  form_version: number;
  answers: string;
  created_at: number;
  started_at: number;
  flags: string;
  office_flags: string;
  personal: string | null;
  chain: string | null;
}

export interface DeliveryColumns extends Record<string, SqlValue> {
  channel: string;
  device_id: string;
  commune_code: string;
  issuer_id: string | null;
  precise: number;
  received_at: number;
  excluded: number;
}

/**
 * The fingerprint of a stored row (src/core/identity.ts), made from its columns as from the
 * sheet: nothing of it is stored twice. A fill-in of times keeps the minute it is made of.
 */
export function storedFingerprint(row: Row): string {
  return sheetFingerprint({
    profileId: String(row.profile_id),
    profileVersion: Number(row.profile_version),
    formId: row.form_id as Sheet['formId'],
    formVersion: Number(row.form_version),
    channel: row.channel as Sheet['channel'],
    answers: String(row.answers).split(','),
    createdAt: Number(row.created_at),
    flags: row.flags ? (String(row.flags).split(',') as Sheet['flags']) : [],
  });
}

/** The personal part of a sheet as stored (JSON), or null when it has none. */
export function personalOf(sheet: Sheet): string | null {
  const { respondent, reasons, suggestion } = sheet;
  if (respondent === undefined && reasons === undefined && suggestion === undefined) return null;
  return JSON.stringify({ respondent, reasons, suggestion });
}

/** What every sheet of a delivery (one device's, on one channel) stores alike. */
export function deliveryColumnsOf(delivery: Delivery, deviceId: string): DeliveryColumns {
  return {
    channel: delivery.channel,
    device_id: deviceId,
    commune_code: delivery.communeCode,
    issuer_id: delivery.issuerId,
    precise: delivery.precise ? 1 : 0,
    received_at: delivery.receivedAt,
    excluded: 0,
  };
}

/** `chain`: the office's link after this sheet, when it follows on the verified chain. */
export function sheetColumnsOf(
  sheet: Sheet,
  officeFlags: readonly FlagReason[],
  chain: string | null,
): SheetColumns {
  return {
    seq: sheet.seq,
    profile_id: sheet.profileId,
    profile_version: sheet.profileVersion,
    form_id: sheet.formId,
    form_version: sheet.formVersion,
    answers: sheet.answers.join(','),
    created_at: sheet.createdAt,
    started_at: sheet.startedAt,
    flags: sheet.flags.join(','),
    office_flags: officeFlagsText(officeFlags),
    personal: personalOf(sheet),
    chain,
  };
}

export const officeFlagsText = (reasons: readonly FlagReason[]) =>
  reasons.length ? JSON.stringify(reasons) : '';

/** A row back into a Sheet, or undefined when the row does not even have a sheet's shape. */
export function sheetOf(row: Row): Sheet | undefined {
  let personal: unknown = {};
  try {
    personal = row.personal ? JSON.parse(String(row.personal)) : {};
  } catch {
    return undefined;
  }
  const parsed = sheetSchema.safeParse({
    deviceId: row.device_id,
    seq: Number(row.seq),
    profileId: row.profile_id,
    profileVersion: Number(row.profile_version),
    formId: row.form_id,
    formVersion: Number(row.form_version),
    channel: row.channel,
    answers: String(row.answers).split(','),
    startedAt: Number(row.started_at ?? row.created_at),
    createdAt: Number(row.created_at),
    flags: row.flags ? String(row.flags).split(',') : [],
    ...(typeof personal === 'object' && personal !== null ? personal : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

/** The office's flags of a row; an unreadable value reads as none (the row is then re-flagged). */
export function officeFlagsOf(row: Row): FlagReason[] {
  if (!row.office_flags) return [];
  try {
    const parsed = JSON.parse(String(row.office_flags)) as unknown[];
    return parsed.flatMap((r) => {
      const reason = flagReasonSchema.safeParse(r);
      return reason.success ? [reason.data] : [];
    });
  } catch {
    return [];
  }
}

/** A stored row as the office's stream rules see it. */
export function streamSheetOf(row: Row): StreamSheet {
  return {
    seq: Number(row.seq),
    createdAt: Number(row.created_at),
    precise: Number(row.precise) === 1,
    formId: String(row.form_id),
    answers: String(row.answers).split(','),
    channel: row.channel === 'phone' ? 'phone' : 'kiosk',
    kioskFlags: row.flags ? (String(row.flags).split(',') as StreamSheet['kioskFlags']) : [],
  };
}

/** A key's fingerprint for the office to compare with the kiosk's screen: "3F2A 9C0D 1E4B 5A68". */
export function keyFingerprint(key: Uint8Array): string {
  const hex = createHash('sha256').update(key).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/..../g)?.join(' ') ?? hex;
}
