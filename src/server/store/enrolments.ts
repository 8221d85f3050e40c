import type * as z from 'zod/mini';
import { enrolmentRowSchema } from '../../core/accounts.ts';
import type { Engine, Row } from './engine.ts';
import type { NewKiosk } from './kiosk-record.ts';
import { kioskRowOf } from './kiosk-rows.ts';

/**
 * One-time enrolment codes (issue 11): the office makes one for a commune and a kiosk label; a
 * tablet that gives it before it expires is registered, and the code is spent in the same
 * transaction, so two tablets (or two collectors) can never both use it. Only its hash is kept.
 */

export type EnrolmentRow = z.infer<typeof enrolmentRowSchema>;

export interface Enrolment {
  communeCode: string;
  communeName: string;
  label: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
}

export interface EnrolmentStore {
  create(codeHash: string, enrolment: Enrolment): Promise<void>;
  /**
   * Spends the code and registers the kiosk it makes, in one transaction: `invalid` when the
   * code is unknown, spent or expired, `exists` when the device is registered already (the
   * code then stays unspent).
   */
  spend(
    codeHash: string,
    at: number,
    kiosk: (enrolment: Enrolment) => NewKiosk,
  ): Promise<{ ok: true; enrolment: Enrolment } | { ok: false; reason: 'invalid' | 'exists' }>;
  recent(limit: number): Promise<EnrolmentRow[]>;
}

const enrolmentOf = (row: Row): Enrolment => ({
  communeCode: String(row.commune_code),
  communeName: String(row.commune_name),
  label: String(row.label),
  createdBy: String(row.created_by),
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
});

export function enrolmentStore(engine: Engine): EnrolmentStore {
  return {
    async create(codeHash, e) {
      await engine.read.insertIgnoring('enrolments', [
        {
          code_hash: codeHash,
          commune_code: e.communeCode,
          commune_name: e.communeName,
          label: e.label,
          created_by: e.createdBy,
          created_at: e.createdAt,
          expires_at: e.expiresAt,
          used_at: null,
          device_id: null,
        },
      ]);
    },

    spend: (codeHash, at, kioskOf) =>
      engine
        .transaction(async (sql) => {
          const [row] = await sql.all(
            `UPDATE enrolments SET used_at = $1
             WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1
             RETURNING *`,
            [at, codeHash],
          );
          if (!row) return { ok: false as const, reason: 'invalid' as const };
          const enrolment = enrolmentOf(row);
          const kiosk = kioskOf(enrolment);
          if ((await sql.insertIgnoring('kiosks', [kioskRowOf(kiosk)])) !== 1)
            throw new AlreadyRegistered();
          await sql.run('UPDATE enrolments SET device_id = $1 WHERE code_hash = $2', [
            kiosk.deviceId,
            codeHash,
          ]);
          return { ok: true as const, enrolment };
        })
        .catch((error: unknown) => {
          if (error instanceof AlreadyRegistered)
            return { ok: false as const, reason: 'exists' as const };
          throw error;
        }),

    async recent(limit) {
      const rows = await engine.read.all(
        `SELECT * FROM enrolments ORDER BY created_at DESC LIMIT ${Math.max(1, Math.min(limit, 500))}`,
      );
      return rows.flatMap((row) => {
        const parsed = enrolmentRowSchema.safeParse({
          ...enrolmentOf(row),
          usedAt: row.used_at == null ? null : Number(row.used_at),
          deviceId: row.device_id == null ? null : String(row.device_id),
        });
        return parsed.success ? [parsed.data] : [];
      });
    },
  };
}

/** Rolls the transaction back so the code stays unspent. */
class AlreadyRegistered extends Error {}
