import { closeSync, openSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Engine, Row, Sql, SqlValue } from './engine.ts';

/** The embedded default: one SQLite file (node:sqlite, no native addon), WAL journal. */
export function sqliteEngine(path: string): Engine {
  // Created readable by the service user only before SQLite opens it; its -wal and -shm
  // files take the same permissions.
  if (path !== ':memory:') closeSync(openSync(path, 'a', 0o600));
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;');
  const statements = new Map<string, StatementSync>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      // SQLite numbers its parameters ?1, ?2…: the same positions as PostgreSQL's $1, $2…
      statement = db.prepare(text.replace(/\$(\d+)/g, '?$1'));
      statements.set(text, statement);
    }
    return statement;
  };
  const sql: Sql = {
    all: async (text, params = []) => prepared(text).all(...(params as SqlValue[])) as Row[],
    run: async (text, params = []) => {
      prepared(text).run(...(params as SqlValue[]));
    },
    async insertIgnoring(table, rows) {
      const first = rows[0];
      if (!first) return 0;
      const columns = Object.keys(first);
      const statement = prepared(
        `INSERT INTO ${table} (${columns.join(', ')})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING`,
      );
      let inserted = 0;
      for (const row of rows)
        inserted += Number(statement.run(...columns.map((c) => row[c] ?? null)).changes);
      return inserted;
    },
    // BEGIN IMMEDIATE already makes this connection the only writer.
    lock: async () => {},
  };
  // One transaction at a time on the one connection.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    name: 'SQLite',
    read: sql,
    transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
      const run = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(sql);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async migrate(steps) {
      db.exec(
        'CREATE TABLE IF NOT EXISTS schema_steps (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      );
      const done = Number((db.prepare('SELECT COUNT(*) AS n FROM schema_steps').get() as Row).n);
      steps.slice(done).forEach((step, i) => {
        db.exec('BEGIN');
        try {
          db.exec(step);
          db.prepare('INSERT INTO schema_steps (step, applied_at) VALUES (?, ?)').run(
            done + i + 1,
            Date.now(),
          );
          db.exec('COMMIT');
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
    },
    async close() {
      await queue;
      db.close();
    },
  };
}
