import postgres from 'postgres';
import type { Sheet } from '../../core/sheet.ts';
import {
  COMMUNES_SQL,
  communeOf,
  groupOf,
  kioskOf,
  rowOf,
  SHEET_GROUPS_SQL,
  type SheetRow,
  sheetOf,
} from './rows.ts';
import { schemaSteps } from './schema.ts';
import type { CollectorStore, CommuneRecord, IngestOutcome, KioskRecord } from './store.ts';

const SHEET_COLUMNS = [
  'device_id',
  'seq',
  'commune_code',
  'profile_id',
  'profile_version',
  'form_id',
  'form_version',
  'channel',
  'answers',
  'created_at',
  'flags',
  'personal',
  'fingerprint',
  'received_at',
] as const;

/** Thrown inside a transaction to roll it back when a batch holds a conflicting sheet. */
class ConflictRollback extends Error {
  readonly conflicts: number[];
  constructor(conflicts: number[]) {
    super('conflict');
    this.conflicts = conflicts;
  }
}

/** PostgreSQL, when DATABASE_URL is set: the same schema and semantics as the SQLite file. */
export async function openPostgresStore(url: string): Promise<CollectorStore> {
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  await migrate(sql);

  return {
    async registerKiosk(kiosk: KioskRecord) {
      const rows = await sql`
        INSERT INTO kiosks (device_id, commune_code, commune_name, label, hmac_key, registered_at, kind)
        VALUES (${kiosk.deviceId}, ${kiosk.communeCode}, ${kiosk.communeName}, ${kiosk.label},
                ${Buffer.from(kiosk.key).toString('base64')}, ${kiosk.registeredAt}, ${kiosk.kind})
        ON CONFLICT (device_id) DO NOTHING RETURNING device_id`;
      return rows.length === 1;
    },

    async findKiosk(deviceId: string) {
      const [row] = await sql`SELECT * FROM kiosks WHERE device_id = ${deviceId}`;
      return row ? kioskOf(row) : undefined;
    },

    async hasSheet(deviceId: string, seq: number) {
      const rows = await sql`SELECT 1 FROM sheets WHERE device_id = ${deviceId} AND seq = ${seq}`;
      return rows.length > 0;
    },

    async claimPhoneToken(nonce: string, claimHash: string, at: number) {
      await sql`
        INSERT INTO phone_claims (nonce, claim_hash, claimed_at) VALUES (${nonce}, ${claimHash}, ${at})
        ON CONFLICT (nonce) DO NOTHING`;
      const [row] = await sql`SELECT claim_hash FROM phone_claims WHERE nonce = ${nonce}`;
      return row ? String(row.claim_hash) : claimHash;
    },

    async phoneTokenClaim(nonce: string) {
      const [row] = await sql`SELECT claim_hash FROM phone_claims WHERE nonce = ${nonce}`;
      return row ? String(row.claim_hash) : undefined;
    },

    async ingest(
      communeCode: string,
      sheets: readonly Sheet[],
      receivedAt: number,
    ): Promise<IngestOutcome> {
      try {
        return await sql.begin(async (tx) => {
          const received: number[] = [];
          const duplicates: number[] = [];
          const conflicts: number[] = [];
          for (const sheet of sheets) {
            const row = rowOf(sheet, communeCode, receivedAt);
            const inserted = await tx`
              INSERT INTO sheets ${tx(row, ...SHEET_COLUMNS)}
              ON CONFLICT (device_id, seq) DO NOTHING RETURNING seq`;
            if (inserted.length === 1) {
              received.push(sheet.seq);
              continue;
            }
            const [existing] = await tx`
              SELECT fingerprint FROM sheets WHERE device_id = ${row.device_id} AND seq = ${row.seq}`;
            (existing?.fingerprint === row.fingerprint ? duplicates : conflicts).push(sheet.seq);
          }
          if (conflicts.length > 0) throw new ConflictRollback(conflicts);
          return { ok: true as const, received, duplicates };
        });
      } catch (error) {
        if (error instanceof ConflictRollback) return { ok: false, conflicts: error.conflicts };
        throw error;
      }
    },

    async communes(): Promise<CommuneRecord[]> {
      return (await sql.unsafe(COMMUNES_SQL)).map(communeOf);
    },

    async sheetsOfCommune(communeCode: string) {
      const rows = await sql<SheetRow[]>`
        SELECT * FROM sheets WHERE commune_code = ${communeCode} ORDER BY device_id, seq`;
      return rows.map(sheetOf);
    },

    async sheetGroupsOfCommune(communeCode: string) {
      const rows = await sql.unsafe(SHEET_GROUPS_SQL, [communeCode]);
      return rows.map(groupOf);
    },

    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}

async function migrate(sql: postgres.Sql) {
  await sql.begin(async (tx) => {
    // One migrator at a time, even when several collector processes start together.
    await tx`SELECT pg_advisory_xact_lock(20261125)`;
    await tx`CREATE TABLE IF NOT EXISTS schema_steps (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`;
    const [{ n }] = (await tx`SELECT COUNT(*)::int AS n FROM schema_steps`) as unknown as [
      { n: number },
    ];
    for (const [i, step] of schemaSteps.slice(n).entries()) {
      await tx.unsafe(step);
      await tx`INSERT INTO schema_steps (step, applied_at) VALUES (${n + i + 1}, ${Date.now()})`;
    }
  });
}
