import postgres from 'postgres';
import type { Engine, Row, Sql, SqlValue } from './engine.ts';

/** PostgreSQL, when DATABASE_URL is set; several collectors may share one database. */
export function postgresEngine(url: string, connections = 4): Engine {
  const pg = postgres(url, {
    max: connections,
    onnotice: () => {},
    // Counts and times are BIGINT: read them as numbers (all stay far below 2^53).
    types: { bigint: { to: 20, from: [20], serialize: (n: number) => String(n), parse: Number } },
  });
  const over = (client: postgres.Sql | postgres.TransactionSql): Sql => ({
    all: async (text, params = []) =>
      (await client.unsafe(
        text,
        params as SqlValue[] as postgres.ParameterOrJSON<never>[],
      )) as unknown as Row[],
    run: async (text, params = []) => {
      await client.unsafe(text, params as SqlValue[] as postgres.ParameterOrJSON<never>[]);
    },
    async insertIgnoring(table, given, shared = {}) {
      // One statement carries every value: the shared ones go into each row.
      const rows = Object.keys(shared).length ? given.map((r) => ({ ...shared, ...r })) : given;
      const first = rows[0];
      if (!first) return 0;
      const columns = Object.keys(first);
      // One multi-row statement a batch (of at most 65 535 parameters): a round trip per
      // sheet is what held the pool.
      const perStatement = Math.floor(60_000 / columns.length);
      let inserted = 0;
      for (let at = 0; at < rows.length; at += perStatement) {
        const chunk = rows.slice(at, at + perStatement) as Record<string, SqlValue>[];
        const result = await client`
          INSERT INTO ${client(table)} ${client(chunk, columns)} ON CONFLICT DO NOTHING`;
        inserted += result.count;
      }
      return inserted;
    },
    lock: async (key) => {
      await client`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    },
  });
  return {
    name: 'PostgreSQL',
    read: over(pg),
    transaction: <T>(work: (sql: Sql) => Promise<T>) =>
      pg.begin((tx) => work(over(tx))) as Promise<T>,
    async migrate(steps) {
      await pg.begin(async (tx) => {
        // One migrator at a time, even when several collector processes start together.
        await tx`SELECT pg_advisory_xact_lock(20261125)`;
        await tx`CREATE TABLE IF NOT EXISTS schema_steps (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`;
        const [{ n }] = (await tx`SELECT COUNT(*)::int AS n FROM schema_steps`) as unknown as [
          { n: number },
        ];
        for (const [i, step] of steps.slice(n).entries()) {
          await tx.unsafe(step);
          await tx`INSERT INTO schema_steps (step, applied_at) VALUES (${n + i + 1}, ${Date.now()})`;
        }
      });
    },
    async close() {
      await pg.end({ timeout: 5 });
    },
  };
}
