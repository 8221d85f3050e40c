import type { KioskRow, SequenceGap } from '../../core/api.ts';
import { flagThresholdsSchema } from '../../core/settings.ts';
import type { Row, Sql } from './engine.ts';
import { kioskOf } from './kiosk-rows.ts';
import { keyFingerprint } from './rows.ts';

/**
 * What each kiosk and desk did, as the office's registry lists it (GET /api/v1/kiosks): its
 * sheets, the numbers missing between them, its chain, its thresholds, its last contact.
 */
export async function kioskRegistry(sql: Sql): Promise<KioskRow[]> {
  const kiosks = (await sql.all('SELECT * FROM kiosks ORDER BY commune_code, registered_at')).map(
    (row) => ({ row, record: kioskOf(row) }),
  );
  const own = byDevice(
    await sql.all(
      `SELECT device_id, COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi,
         SUM(CASE WHEN office_flags <> '' THEN 1 ELSE 0 END) AS office_flagged,
         SUM(CASE WHEN flags <> '' THEN 1 ELSE 0 END) AS kiosk_flagged
       FROM sheets WHERE channel = 'kiosk' GROUP BY device_id`,
    ),
  );
  const phone = byDevice(
    await sql.all(
      `SELECT issuer_id AS device_id, COUNT(*) AS n,
         SUM(CASE WHEN office_flags <> '' THEN 1 ELSE 0 END) AS office_flagged
       FROM sheets WHERE channel = 'phone' AND issuer_id IS NOT NULL GROUP BY issuer_id`,
    ),
  );
  const ends = await sql.all(
    `SELECT s.device_id, s.seq, s.created_at FROM sheets s
     JOIN (SELECT device_id, MIN(seq) AS lo, MAX(seq) AS hi FROM sheets WHERE channel = 'kiosk'
           GROUP BY device_id) m ON s.device_id = m.device_id AND (s.seq = m.lo OR s.seq = m.hi)
     WHERE s.channel = 'kiosk'`,
  );
  const endTime = new Map(ends.map((r) => [`${r.device_id}:${r.seq}`, Number(r.created_at)]));
  const claimedUpTo = byDevice(
    await sql.all(
      `SELECT device_id, MAX(seq) AS hi,
         SUM(CASE WHEN checked_at IS NULL THEN 1 ELSE 0 END) AS pending
       FROM chain_claims GROUP BY device_id`,
    ),
  );
  const verified = byDevice(await sql.all('SELECT device_id, verified_seq FROM chain_states'));
  const breaks = groupByDevice(
    await sql.all('SELECT device_id, seq, detected_at FROM chain_breaks ORDER BY seq'),
  );
  const changes = groupByDevice(
    await sql.all(
      'SELECT device_id, seen_at, first_seq, thresholds FROM threshold_changes ORDER BY first_seq',
    ),
  );

  const rows: KioskRow[] = [];
  for (const { row, record } of kiosks) {
    const id = record.deviceId;
    const mine = own.get(id);
    const lo = mine ? Number(mine.lo) : 0;
    const hi = mine ? Number(mine.hi) : 0;
    const count = mine ? Number(mine.n) : 0;
    const claimed = Number(claimedUpTo.get(id)?.hi ?? 0);
    const missing = await gapsOf(sql, id, { lo, hi, count }, claimed, endTime);
    rows.push({
      deviceId: id,
      kind: record.kind,
      communeCode: record.communeCode,
      communeName: record.communeName,
      label: record.label,
      registeredAt: record.registeredAt,
      keyFingerprint: keyFingerprint(record.key),
      state: record.revokedAt === null ? 'active' : 'revoked',
      revokedAt: record.revokedAt,
      revocationReason: record.revocationReason,
      forms: record.forms,
      sheets: count,
      phoneSheets: Number(phone.get(id)?.n ?? 0),
      firstSheet: mine ? { seq: lo, createdAt: endTime.get(`${id}:${lo}`) ?? 0 } : null,
      lastSheet: mine ? { seq: hi, createdAt: endTime.get(`${id}:${hi}`) ?? 0 } : null,
      lastContactAt: row.last_contact_at === null ? null : Number(row.last_contact_at),
      clockSkewMs: row.clock_skew_ms === null ? null : Number(row.clock_skew_ms),
      missing,
      missingCount: missing.reduce((n, gap) => n + gap.to - gap.from + 1, 0),
      chain: {
        verifiedThrough: Number(verified.get(id)?.verified_seq ?? 0),
        pendingClaims: Number(claimedUpTo.get(id)?.pending ?? 0),
        breaks: (breaks.get(id) ?? []).map((b) => ({
          seq: Number(b.seq),
          detectedAt: Number(b.detected_at),
        })),
      },
      thresholds: (changes.get(id) ?? []).flatMap((c) => {
        const thresholds = flagThresholdsSchema.safeParse(JSON.parse(String(c.thresholds)));
        return thresholds.success
          ? [
              {
                seenAt: Number(c.seen_at),
                firstSeq: Number(c.first_seq),
                thresholds: thresholds.data,
              },
            ]
          : [];
      }),
      officeFlagged: Number(mine?.office_flagged ?? 0) + Number(phone.get(id)?.office_flagged ?? 0),
      kioskFlagged: Number(mine?.kiosk_flagged ?? 0),
    });
  }
  return rows;
}

/**
 * The numbers a kiosk has not delivered: before its first sheet here, between sheets, and
 * after its last one up to the highest number its chain links name (the kiosk said it had
 * them). Scanned only for a kiosk whose count says it has gaps.
 */
async function gapsOf(
  sql: Sql,
  deviceId: string,
  own: { lo: number; hi: number; count: number },
  claimed: number,
  endTime: Map<string, number>,
): Promise<SequenceGap[]> {
  const gaps: SequenceGap[] = [];
  if (own.count === 0) {
    if (claimed > 0) gaps.push({ from: 1, to: claimed, after: null, before: null });
    return gaps;
  }
  if (own.lo > 1)
    gaps.push({
      from: 1,
      to: own.lo - 1,
      after: null,
      before: endTime.get(`${deviceId}:${own.lo}`) ?? null,
    });
  if (own.count !== own.hi - own.lo + 1) {
    const rows = await sql.all(
      `SELECT seq, created_at, next_seq, next_created_at FROM (
         SELECT seq, created_at, LEAD(seq) OVER (ORDER BY seq) AS next_seq,
                LEAD(created_at) OVER (ORDER BY seq) AS next_created_at
         FROM sheets WHERE channel = 'kiosk' AND device_id = $1) t
       WHERE next_seq > seq + 1 ORDER BY seq`,
      [deviceId],
    );
    for (const r of rows)
      gaps.push({
        from: Number(r.seq) + 1,
        to: Number(r.next_seq) - 1,
        after: Number(r.created_at),
        before: Number(r.next_created_at),
      });
  }
  if (claimed > own.hi)
    gaps.push({
      from: own.hi + 1,
      to: claimed,
      after: endTime.get(`${deviceId}:${own.hi}`) ?? null,
      before: null,
    });
  return gaps;
}

function byDevice(rows: Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [String(r.device_id), r]));
}

function groupByDevice(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const id = String(r.device_id);
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  return groups;
}
