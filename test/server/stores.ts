import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import { openSqliteStore } from '../../src/server/store/sqlite-store.ts';
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
        store: openSqliteStore(file),
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
      await cleaner`TRUNCATE sheets, kiosks, phone_claims`;
      await cleaner.end();
      return { store, reopen: () => openPostgresStore(url), dispose: async () => {} };
    },
  ],
];
