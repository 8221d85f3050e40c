import { DatabaseSync } from 'node:sqlite';
import type { Sheet } from '../../core/sheet.ts';
import { groupOf, rowOf, SHEET_GROUPS_SQL, type SheetRow, sheetOf } from './rows.ts';
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
          `INSERT INTO kiosks (device_id, commune_code, commune_name, label, hmac_key, registered_at)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO NOTHING`,
        )
        .run(
          kiosk.deviceId,
          kiosk.communeCode,
          kiosk.communeName,
          kiosk.label,
          Buffer.from(kiosk.key).toString('base64'),
          kiosk.registeredAt,
        );
      return result.changes === 1;
    },

    async findKiosk(deviceId: string) {
      const row = db.prepare('SELECT * FROM kiosks WHERE device_id = ?').get(deviceId) as
        | Record<string, string | number>
        | undefined;
      if (!row) return undefined;
      return {
        deviceId: String(row.device_id),
        communeCode: String(row.commune_code),
        communeName: String(row.commune_name),
        label: String(row.label),
        key: new Uint8Array(Buffer.from(String(row.hmac_key), 'base64')),
        registeredAt: Number(row.registered_at),
      };
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
      const rows = db
        .prepare(
          `SELECT k.commune_code, MAX(k.commune_name) AS commune_name, COUNT(s.seq) AS sheet_count,
                  MAX(s.received_at) AS last_received_at
           FROM kiosks k LEFT JOIN sheets s ON s.device_id = k.device_id
           GROUP BY k.commune_code ORDER BY k.commune_code`,
        )
        .all() as Record<string, string | number | null>[];
      return rows.map((r) => ({
        communeCode: String(r.commune_code),
        communeName: String(r.commune_name),
        sheetCount: Number(r.sheet_count),
        lastReceivedAt: r.last_received_at === null ? null : Number(r.last_received_at),
      }));
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
