/**
 * The two databases the collector runs on, behind one small surface, so the store's SQL and
 * logic are written once (collector-store.ts). SQL is written with `$1, $2…` parameters in the
 * subset SQLite and PostgreSQL share.
 */
export type Row = Record<string, unknown>;
export type SqlValue = string | number | null;

export interface Sql {
  all(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(text: string, params?: readonly SqlValue[]): Promise<void>;
  /**
   * Inserts rows (all with the same columns), skipping any whose key exists, in as few
   * round trips as the engine needs; returns how many were inserted. `shared` holds columns
   * whose value is the same in every row (a delivery's commune, device, time of receipt):
   * bound once a statement, not once a row.
   */
  insertIgnoring(
    table: string,
    rows: readonly Record<string, SqlValue>[],
    shared?: Readonly<Record<string, SqlValue>>,
  ): Promise<number>;
  /**
   * Holds `key` until the transaction ends, so two collectors on one database work on a
   * device's stream one after the other (SQLite's one writer needs nothing more).
   */
  lock(key: string): Promise<void>;
}

export interface Engine {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** Reads outside a transaction. */
  readonly read: Sql;
  /**
   * Runs `work` in one transaction, committed when it resolves, rolled back when it throws.
   * Work awaits only this Sql: no network or timers inside, so on SQLite no other request
   * can interleave with it.
   */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** Applies the schema steps not yet applied, in order, each once (also with several collectors). */
  migrate(steps: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
