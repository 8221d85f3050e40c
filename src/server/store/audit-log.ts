import { createHash } from 'node:crypto';
import { type AuditEntry, auditEntrySchema } from '../../core/accounts.ts';
import type { Engine, Row } from './engine.ts';

/**
 * The office's audit log: every office action appended with who, when and what (docs/api.md,
 * "Audit log"). Nothing in the collector edits or deletes an entry, and each entry carries the
 * SHA-256 of the one before it and itself, so an entry changed or removed in the database
 * behind the collector's back shows as a broken chain on the office's screen.
 */

export type NewAuditEntry = Omit<AuditEntry, 'ordinal' | 'hash'>;

/** The link of an entry: its content after the previous link. */
export function auditLink(previous: string, entry: Omit<AuditEntry, 'hash'>): string {
  const content = JSON.stringify([
    entry.ordinal,
    entry.at,
    entry.actor,
    entry.action,
    entry.target,
    entry.detail,
    entry.address,
  ]);
  return createHash('sha256').update(`${previous}\n${content}`).digest('hex');
}

const entryOf = (row: Row): AuditEntry | undefined => {
  const parsed = auditEntrySchema.safeParse({
    ordinal: Number(row.ordinal),
    at: Number(row.at),
    actor: row.actor,
    action: row.action,
    target: row.target,
    detail: row.detail,
    address: row.address,
    hash: row.hash,
  });
  return parsed.success ? parsed.data : undefined;
};

export interface AuditLog {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries in a time range, newest first (at most `limit`), with the chain checked over the whole log. */
  read(range: { start: number; end: number; limit: number }): Promise<{
    entries: AuditEntry[];
    chainHolds: boolean;
    total: number;
  }>;
  /** Every entry in a time range, oldest first, a page at a time (the export). */
  each(range: { start: number; end: number }): AsyncGenerator<AuditEntry>;
}

const PAGE = 1000;

export function auditLog(engine: Engine): AuditLog {
  const { read } = engine;

  async function* pages(where: string, params: (number | string)[]) {
    let after = 0;
    for (;;) {
      const rows = await read.all(
        `SELECT * FROM audit_log WHERE ordinal > $1 ${where} ORDER BY ordinal LIMIT ${PAGE}`,
        [after, ...params],
      );
      for (const row of rows) yield row;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = Number(last.ordinal);
    }
  }

  /** Whether every stored row links to the one before, from the first. */
  async function chainHolds(): Promise<{ holds: boolean; total: number }> {
    let previous = '';
    let expected = 1;
    for await (const row of pages('', [])) {
      const entry = entryOf(row);
      if (!entry || entry.ordinal !== expected || auditLink(previous, entry) !== entry.hash)
        return { holds: false, total: Number(row.ordinal) };
      previous = entry.hash;
      expected += 1;
    }
    return { holds: true, total: expected - 1 };
  }

  return {
    append: (entry) =>
      engine.transaction(async (sql) => {
        // Two collectors append one after the other, so the chain has one line.
        await sql.lock('audit-log');
        const [last] = await sql.all(
          'SELECT ordinal, hash FROM audit_log ORDER BY ordinal DESC LIMIT 1',
        );
        const ordinal = Number(last?.ordinal ?? 0) + 1;
        const linked = { ...entry, ordinal };
        const hash = auditLink(last ? String(last.hash) : '', linked);
        await sql.run(
          `INSERT INTO audit_log (ordinal, at, actor, action, target, detail, address, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            ordinal,
            entry.at,
            entry.actor,
            entry.action,
            entry.target,
            entry.detail,
            entry.address,
            hash,
          ],
        );
        return { ...linked, hash };
      }),

    async read({ start, end, limit }) {
      const rows = await read.all(
        `SELECT * FROM audit_log WHERE at >= $1 AND at < $2 ORDER BY ordinal DESC LIMIT ${Math.max(1, Math.min(limit, 5000))}`,
        [start, end],
      );
      const { holds, total } = await chainHolds();
      return { entries: rows.flatMap((r) => entryOf(r) ?? []), chainHolds: holds, total };
    },

    async *each({ start, end }) {
      for await (const row of pages('AND at >= $2 AND at < $3', [start, end])) {
        const entry = entryOf(row);
        if (entry) yield entry;
      }
    },
  };
}
