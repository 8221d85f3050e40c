import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import {
  openCollectorStore,
  openPostgresStore,
  openSqliteStore,
} from '../../src/server/store/collector-store.ts';
import type { Engine } from '../../src/server/store/engine.ts';
import { postgresEngine } from '../../src/server/store/postgres-engine.ts';
import { sqliteEngine } from '../../src/server/store/sqlite-engine.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';

interface Opened {
  store: CollectorStore;
  /** The engine under the store, for tests that read its tables. */
  engine: Engine;
  reopen: () => Promise<CollectorStore>;
  dispose: () => Promise<void>;
}

/** Each store the collector can run on, opened empty for one test. */
export const stores: [string, () => Promise<Opened>][] = [
  [
    'SQLite file',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'collector-'));
      const file = join(dir, 'collector.sqlite');
      const engine = sqliteEngine(file);
      return {
        store: await openCollectorStore(engine),
        engine,
        reopen: () => openSqliteStore(file),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const url = inject('databaseUrl');
      const engine = postgresEngine(url);
      const store = await openCollectorStore(engine);
      const cleaner = postgres(url, { onnotice: () => {} });
      // Every table the schema made, so no test sees another's rows (schema_steps stays).
      const tables = await cleaner`
        SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_steps'`;
      await cleaner.unsafe(`TRUNCATE ${tables.map((t) => t.tablename).join(', ')}`);
      await cleaner.end();
      return { store, engine, reopen: () => openPostgresStore(url), dispose: async () => {} };
    },
  ],
];

/** The same, named for tests that also read the engine. */
export const engines = stores;
