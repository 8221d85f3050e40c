import { sheetFingerprint } from '../../core/identity.ts';
import type { SheetGroup } from '../../core/scoring/form-summary.ts';
import { type Sheet, sheetSchema } from '../../core/sheet.ts';
import type { CommuneRecord, KioskRecord } from './store.ts';

/** A sheet as one row of the `sheets` table. */
export interface SheetRow {
  device_id: string;
  seq: number;
  commune_code: string;
  profile_id: string;
  profile_version: number;
  form_id: string;
  form_version: number;
  channel: string;
  answers: string;
  created_at: number;
  flags: string;
  personal: string | null;
  fingerprint: string;
  received_at: number;
}

export function rowOf(sheet: Sheet, communeCode: string, receivedAt: number): SheetRow {
  const personal = {
    respondent: sheet.respondent,
    reasons: sheet.reasons,
    suggestion: sheet.suggestion,
  };
  const hasPersonal = Object.values(personal).some((v) => v !== undefined);
  return {
    device_id: sheet.deviceId,
    seq: sheet.seq,
    commune_code: communeCode,
    profile_id: sheet.profileId,
    profile_version: sheet.profileVersion,
    form_id: sheet.formId,
    form_version: sheet.formVersion,
    channel: sheet.channel,
    answers: sheet.answers.join(','),
    created_at: sheet.createdAt,
    flags: sheet.flags.join(','),
    personal: hasPersonal ? JSON.stringify(personal) : null,
    fingerprint: sheetFingerprint(sheet),
    received_at: receivedAt,
  };
}

/** A row back into a validated Sheet (startedAt is not kept by the collector). */
export function sheetOf(row: SheetRow): Sheet {
  const personal = row.personal ? JSON.parse(row.personal) : {};
  return sheetSchema.parse({
    deviceId: row.device_id,
    seq: Number(row.seq),
    profileId: row.profile_id,
    profileVersion: Number(row.profile_version),
    formId: row.form_id,
    formVersion: Number(row.form_version),
    channel: row.channel,
    answers: row.answers.split(','),
    startedAt: Number(row.created_at),
    createdAt: Number(row.created_at),
    flags: row.flags ? row.flags.split(',') : [],
    ...personal,
  });
}

/** The GROUP BY both engines run for summaries (flagged = any flag present). */
export const SHEET_GROUPS_SQL = `
  SELECT form_id, profile_id, profile_version, answers, flags <> '' AS flagged, channel, COUNT(*) AS n
  FROM sheets WHERE commune_code = $1
  GROUP BY form_id, profile_id, profile_version, answers, flags <> '', channel`;

/** One row of SHEET_GROUPS_SQL as a SheetGroup. */
export function groupOf(row: Record<string, unknown>): SheetGroup {
  return {
    formId: row.form_id === 'cadre' ? 'cadre' : 'citizen',
    profileId: String(row.profile_id),
    profileVersion: Number(row.profile_version),
    answers: String(row.answers).split(','),
    flagged: row.flagged === true || Number(row.flagged) === 1,
    channel: row.channel === 'phone' ? 'phone' : 'kiosk',
    count: Number(row.n),
  };
}

/** A `kiosks` row (either engine) as a KioskRecord. */
export function kioskOf(row: Record<string, unknown>): KioskRecord {
  return {
    deviceId: String(row.device_id),
    communeCode: String(row.commune_code),
    communeName: String(row.commune_name),
    label: String(row.label),
    key: new Uint8Array(Buffer.from(String(row.hmac_key), 'base64')),
    registeredAt: Number(row.registered_at),
    kind: row.kind === 'desk' ? 'desk' : 'kiosk',
  };
}

/** The per-commune counts both engines run. */
// By commune code, not by kiosk: a phone sheet's device id is its token's nonce.
export const COMMUNES_SQL = `
  SELECT c.commune_code, c.commune_name, COUNT(s.seq) AS sheet_count,
         COALESCE(SUM(CASE WHEN s.channel = 'phone' THEN 1 ELSE 0 END), 0) AS phone_sheet_count,
         MAX(s.received_at) AS last_received_at
  FROM (SELECT commune_code, MAX(commune_name) AS commune_name FROM kiosks GROUP BY commune_code) c
  LEFT JOIN sheets s ON s.commune_code = c.commune_code
  GROUP BY c.commune_code, c.commune_name ORDER BY c.commune_code`;

/** One row of COMMUNES_SQL as a CommuneRecord. */
export function communeOf(row: Record<string, unknown>): CommuneRecord {
  return {
    communeCode: String(row.commune_code),
    communeName: String(row.commune_name),
    sheetCount: Number(row.sheet_count),
    phoneSheetCount: Number(row.phone_sheet_count),
    lastReceivedAt: row.last_received_at === null ? null : Number(row.last_received_at),
  };
}
