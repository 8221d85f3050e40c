import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import type { CommuneFigures } from '../../src/core/commune-figures.ts';
import { openPostgresStore, openSqliteStore } from '../../src/server/store/collector-store.ts';
import { schemaSteps } from '../../src/server/store/schema.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { admin, testCollector } from './harness.ts';

const KIOSK = '3f2a9c0d1e4b5a68';
const AT = 1795482700000; // 24/11/2026

/** A database as build 3 left it: a kiosk, a good sheet and rows an older gate let in. */
const OLD_ROWS = [
  `INSERT INTO kiosks VALUES ('${KIOSK}', '10507', 'Xã Tứ Kỳ', 'Quầy 1', 'AAAA', 0, 'kiosk')`,
  `INSERT INTO sheets VALUES ('${KIOSK}', 1, '10507', 'hai-duong-2024', 1, 'citizen', 1, 'kiosk', 'tot,tot,kha,tot,tot', ${AT}, '', NULL, 'f1', ${AT})`,
  // The poison of issue 9: unknown level ids, sent with a desk QR's token.
  `INSERT INTO sheets VALUES ('00aa00aa00aa00aa', 1, '10507', 'hai-duong-2024', 1, 'citizen', 1, 'phone', 'x,x,x,x,x', ${AT}, '', NULL, 'f2', ${AT})`,
  // Ten Tốt: a mean of 20 out of 10.
  `INSERT INTO sheets VALUES ('00bb00bb00bb00bb', 1, '10507', 'hai-duong-2024', 1, 'citizen', 1, 'phone', 'tot,tot,tot,tot,tot,tot,tot,tot,tot,tot', ${AT}, '', NULL, 'f3', ${AT})`,
  `INSERT INTO sheets VALUES ('${KIOSK}', 2, '10507', 'hai-duong-2024', 1, 'citizen', 1, 'kiosk', 'tot,kha,tot,tot,tot', ${AT + 600_000}, '', NULL, 'f4', ${AT})`,
];

async function expectOldRowsSetAside(store: CollectorStore) {
  const collector = testCollector(store);
  const response = await collector.api.request('/api/v1/communes', { headers: admin });
  expect(response.status).toBe(200);
  const {
    communes: [commune],
  } = (await response.json()) as { communes: CommuneFigures[] };
  expect(commune).toMatchObject({ sheetCount: 2, setAsideCount: 2 });
  expect(commune?.citizen.mean?.display).toBe('9');
  for (const path of ['/api/v1/communes.csv', '/api/v1/communes.xlsx'])
    expect((await collector.api.request(path, { headers: admin })).status).toBe(200);
  const setAside = (await (
    await collector.api.request('/api/v1/set-aside', { headers: admin })
  ).json()) as {
    deviceId: string;
    code: string;
  }[];
  expect(setAside.map((r) => [r.deviceId, r.code])).toEqual([
    ['00aa00aa00aa00aa', '400.15'],
    ['00bb00bb00bb00bb', '400.15'],
  ]);
  // The chain of the kiosk is computed over the rows that were already there.
  expect((await store.kioskRegistry())[0]?.chain.verifiedThrough).toBe(2);
}

describe('collector schema step 4 (trusted intake)', () => {
  it('sets aside, on SQLite, the rows an older build stored that the gate now refuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-migration-'));
    const file = join(dir, 'collector.sqlite');
    const old = new DatabaseSync(file);
    old.exec('CREATE TABLE schema_steps (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    schemaSteps.slice(0, 3).forEach((step, i) => {
      old.exec(step);
      old.prepare('INSERT INTO schema_steps VALUES (?, 0)').run(i + 1);
    });
    for (const row of OLD_ROWS) old.exec(row);
    old.close();
    const store = await openSqliteStore(file);
    await expectOldRowsSetAside(store);
    await store.close();
    // And reopening finds nothing more to do: the same answer.
    const again = await openSqliteStore(file);
    expect((await again.setAside()).length).toBe(2);
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets aside the same rows on PostgreSQL', async () => {
    const url = inject('databaseUrl');
    const name = `migration_${process.pid}_${Date.now()}`;
    const server = postgres(url, { onnotice: () => {} });
    await server.unsafe(`CREATE DATABASE ${name}`);
    const oldUrl = url.replace(/\/[^/]+$/, `/${name}`);
    const old = postgres(oldUrl, { onnotice: () => {} });
    await old.unsafe(
      'CREATE TABLE schema_steps (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    for (const [i, step] of schemaSteps.slice(0, 3).entries()) {
      await old.unsafe(step);
      await old.unsafe(`INSERT INTO schema_steps VALUES (${i + 1}, 0)`);
    }
    for (const row of OLD_ROWS) await old.unsafe(row);
    await old.end();
    const store = await openPostgresStore(oldUrl);
    await expectOldRowsSetAside(store);
    await store.close();
    await server.unsafe(`DROP DATABASE ${name}`);
    await server.end();
  });
});

describe('the SQLite file', () => {
  it('is readable by the service user only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-mode-'));
    const file = join(dir, 'collector.sqlite');
    const store = await openSqliteStore(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
