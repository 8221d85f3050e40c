import { formIdSchema } from '../../core/profile/schema.ts';
import type { Row, SqlValue } from './engine.ts';
import type { KioskRecord, NewKiosk } from './kiosk-record.ts';

/** A new kiosk or desk as a `kiosks` row. */
export function kioskRowOf(kiosk: NewKiosk): Record<string, SqlValue> {
  return {
    device_id: kiosk.deviceId,
    commune_code: kiosk.communeCode,
    commune_name: kiosk.communeName,
    label: kiosk.label,
    hmac_key: Buffer.from(kiosk.key).toString('base64'),
    registered_at: kiosk.registeredAt,
    kind: kiosk.kind,
    forms: (kiosk.forms ?? ['citizen']).join(','),
  };
}

/** A `kiosks` row as a KioskRecord. */
export function kioskOf(row: Row): KioskRecord {
  const forms = String(row.forms ?? 'citizen')
    .split(',')
    .flatMap((f) => (formIdSchema.safeParse(f).success ? [f as 'citizen' | 'cadre'] : []));
  return {
    deviceId: String(row.device_id),
    communeCode: String(row.commune_code),
    communeName: String(row.commune_name),
    label: String(row.label),
    key: new Uint8Array(Buffer.from(String(row.hmac_key), 'base64')),
    registeredAt: Number(row.registered_at),
    kind: row.kind === 'desk' ? 'desk' : 'kiosk',
    revokedAt:
      row.revoked_at === null || row.revoked_at === undefined ? null : Number(row.revoked_at),
    revocationReason: row.revocation_reason ? String(row.revocation_reason) : null,
    forms,
  };
}
