import { closeSync, openSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { Engine, Row, Sql, SqlValue } from './engine.ts';

/** Values bound a multi-row INSERT: far below SQLite's limit of 32 766. */
const ROW_VALUES_A_STATEMENT = 4000;

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
    async insertIgnoring(table, rows, shared = {}) {
      const first = rows[0];
      if (!first) return 0;
      const fixed = Object.keys(shared);
      const columns = Object.keys(first);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      // Rows a statement: node:sqlite's cost is mostly per call and per bound value, so a
      // few calls a batch, and the shared values bound once each (?1…?k, before the rows').
      const perStatement = Math.max(
        1,
        Math.floor((ROW_VALUES_A_STATEMENT - fixed.length) / columns.length),
      );
      const into = `INSERT INTO ${table} (${[...fixed, ...columns].join(', ')})`;
      const fixedValues = fixed.map((c) => shared[c] ?? null);
      let inserted = 0;
      for (let at = 0; at < rows.length; at += perStatement) {
        const chunk = rows.slice(at, at + perStatement);
        const values = chunk.map(() => tuple).join(', ');
        const statement = prepared(
          fixed.length === 0
            ? `${into} VALUES ${values} ON CONFLICT DO NOTHING`
            : // WHERE true: SQLite's parser needs it between a SELECT and its ON CONFLICT.
              `${into} SELECT ${fixed.map((_, i) => `?${i + 1}`).join(', ')},
               ${columns.map((_, i) => `column${i + 1}`).join(', ')}
               FROM (VALUES ${values}) WHERE true ON CONFLICT DO NOTHING`,
        );
        const bound: SqlValue[] = [...fixedValues];
        for (const row of chunk) for (const c of columns) bound.push(row[c] ?? null);
        inserted += Number(statement.run(...bound).changes);
      }
      return inserted;
    },
    // BEGIN IMMEDIATE already makes this connection the only writer.
    lock: async () => {},
  };
  const checkpoints = path === ':memory:' ? undefined : checkpointer(db, path);
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
          checkpoints?.committed();
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
      await checkpoints?.close();
      db.close();
    },
  };
}

/**
 * The WAL's checkpoints on a thread of their own (sqlite-checkpointer.ts), started by the
 * first write: a commit then only appends to the WAL, and the thread copies it into the file
 * meanwhile (one checkpoint at a time, asked again after a commit once the last is done).
 * SQLite's own checkpoint at commit stays as the bound: at 10 000 pages (40 MB), which only a
 * thread that falls behind lets the WAL reach, the writer checkpoints itself.
 */
function checkpointer(db: DatabaseSync, path: string) {
  let thread: Worker | undefined;
  let running = false;
  let wanted = false;
  const ask = () => {
    running = true;
    wanted = false;
    thread?.postMessage('checkpoint');
  };
  return {
    committed() {
      if (!thread) {
        db.exec('PRAGMA wal_autocheckpoint = 10000');
        thread = new Worker(new URL('./sqlite-checkpointer.ts', import.meta.url), {
          workerData: path,
        });
        thread.unref();
        thread.on('message', () => {
          running = false;
          if (wanted) ask();
        });
        // A thread that fails leaves the checkpoints to SQLite at commit, as without it.
        thread.on('error', () => db.exec('PRAGMA wal_autocheckpoint = 1000'));
      }
      if (running) wanted = true;
      else ask();
    },
    async close() {
      if (!thread) return;
      // Held open until the thread has closed its connection (it is unref'd while it runs).
      thread.ref();
      const exited = new Promise((resolve) => thread?.once('exit', resolve));
      thread.postMessage('close');
      await exited;
    },
  };
}
