import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPostgresStore, openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';

/** Each store the collector can run on, opened empty for one test. */
export const stores: [
  string,
  () => Promise<{
    store: CollectorStore;
    reopen: () => Promise<CollectorStore>;
    dispose: () => Promise<void>;
  }>,
][] = [
  [
    'SQLite file',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'collector-'));
      const file = join(dir, 'collector.sqlite');
      return {
        store: await openSqliteStore(file),
        reopen: async () => openSqliteStore(file),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const url = inject('databaseUrl');
      const store = await openPostgresStore(url);
      const cleaner = postgres(url, { onnotice: () => {} });
      // Every table the schema made, so no test sees another's rows (schema_steps stays).
      const tables = await cleaner`
        SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_steps'`;
      await cleaner.unsafe(`TRUNCATE ${tables.map((t) => t.tablename).join(', ')}`);
      await cleaner.end();
      return { store, reopen: () => openPostgresStore(url), dispose: async () => {} };
    },
  ],
];
