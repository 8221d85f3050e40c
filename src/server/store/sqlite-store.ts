import { DatabaseSync } from 'node:sqlite';
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

/** The embedded default: one SQLite file (node:sqlite, no native addon), WAL journal. */
export function openSqliteStore(path: string): CollectorStore {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db);

  const insertSheet = db.prepare(
    `INSERT INTO sheets (device_id, seq, commune_code, profile_id, profile_version, form_id, form_version,
       channel, answers, created_at, flags, personal, fingerprint, received_at)
     VALUES (:device_id, :seq, :commune_code, :profile_id, :profile_version, :form_id, :form_version,
       :channel, :answers, :created_at, :flags, :personal, :fingerprint, :received_at)
     ON CONFLICT (device_id, seq) DO NOTHING`,
  );
  const fingerprintOf = db.prepare(
    'SELECT fingerprint FROM sheets WHERE device_id = ? AND seq = ?',
  );

  return {
    async registerKiosk(kiosk: KioskRecord) {
      const result = db
        .prepare(
          `INSERT INTO kiosks (device_id, commune_code, commune_name, label, hmac_key, registered_at, kind)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO NOTHING`,
        )
        .run(
          kiosk.deviceId,
          kiosk.communeCode,
          kiosk.communeName,
          kiosk.label,
          Buffer.from(kiosk.key).toString('base64'),
          kiosk.registeredAt,
          kiosk.kind,
        );
      return result.changes === 1;
    },

    async findKiosk(deviceId: string) {
      const row = db.prepare('SELECT * FROM kiosks WHERE device_id = ?').get(deviceId);
      return row ? kioskOf(row) : undefined;
    },

    async hasSheet(deviceId: string, seq: number) {
      return (
        db.prepare('SELECT 1 FROM sheets WHERE device_id = ? AND seq = ?').get(deviceId, seq) !==
        undefined
      );
    },

    async claimPhoneToken(nonce: string, claimHash: string, at: number) {
      db.prepare(
        'INSERT INTO phone_claims (nonce, claim_hash, claimed_at) VALUES (?, ?, ?) ON CONFLICT (nonce) DO NOTHING',
      ).run(nonce, claimHash, at);
      return (await this.phoneTokenClaim(nonce)) ?? claimHash;
    },

    async phoneTokenClaim(nonce: string) {
      const row = db.prepare('SELECT claim_hash FROM phone_claims WHERE nonce = ?').get(nonce) as
        | { claim_hash: string }
        | undefined;
      return row?.claim_hash;
    },

    async ingest(
      communeCode: string,
      sheets: readonly Sheet[],
      receivedAt: number,
    ): Promise<IngestOutcome> {
      const received: number[] = [];
      const duplicates: number[] = [];
      const conflicts: number[] = [];
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const sheet of sheets) {
          const row = rowOf(sheet, communeCode, receivedAt);
          if (insertSheet.run({ ...row }).changes === 1) {
            received.push(sheet.seq);
            continue;
          }
          const existing = fingerprintOf.get(row.device_id, row.seq) as
            | { fingerprint: string }
            | undefined;
          (existing?.fingerprint === row.fingerprint ? duplicates : conflicts).push(sheet.seq);
        }
        if (conflicts.length > 0) {
          db.exec('ROLLBACK');
          return { ok: false, conflicts };
        }
        db.exec('COMMIT');
        return { ok: true, received, duplicates };
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },

    async communes(): Promise<CommuneRecord[]> {
      return db.prepare(COMMUNES_SQL).all().map(communeOf);
    },

    async sheetsOfCommune(communeCode: string) {
      const rows = db
        .prepare('SELECT * FROM sheets WHERE commune_code = ? ORDER BY device_id, seq')
        .all(communeCode) as unknown as SheetRow[];
      return rows.map(sheetOf);
    },

    async sheetGroupsOfCommune(communeCode: string) {
      const rows = db.prepare(SHEET_GROUPS_SQL.replace('$1', '?')).all(communeCode) as Record<
        string,
        unknown
      >[];
      return rows.map(groupOf);
    },

    async close() {
      db.close();
    },
  };
}

function migrate(db: DatabaseSync) {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_steps (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
  );
  const done = Number(
    (db.prepare('SELECT COUNT(*) AS n FROM schema_steps').get() as { n: number }).n,
  );
  schemaSteps.slice(done).forEach((sql, i) => {
    db.exec('BEGIN');
    db.exec(sql);
    db.prepare('INSERT INTO schema_steps (step, applied_at) VALUES (?, ?)').run(
      done + i + 1,
      Date.now(),
    );
    db.exec('COMMIT');
  });
}
