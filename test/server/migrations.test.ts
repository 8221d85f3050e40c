import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import type { CommuneFigures } from '../../src/core/commune-figures.ts';
import type { Sheet } from '../../src/core/sheet.ts';
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

/** The kiosk's sheet `seq`, answered in the minute before `createdAt`. */
const sheetAt = (seq: number, createdAt: number): Sheet => ({
  deviceId: KIOSK,
  seq,
  profileId: 'hai-duong-2024',
  profileVersion: 1,
  formId: 'citizen',
  formVersion: 1,
  channel: 'kiosk',
  answers: ['tot', 'kha', 'tot', 'tot', 'yeu'],
  startedAt: createdAt - 60_000,
  createdAt,
  flags: [],
});

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

/** A SQLite file with the collector's first `steps` schema steps applied, and these rows. */
function fileAtStep(steps: number, rows: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'collector-step-'));
  const file = join(dir, 'collector.sqlite');
  const old = new DatabaseSync(file);
  old.exec('CREATE TABLE schema_steps (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
  schemaSteps.slice(0, steps).forEach((step, i) => {
    old.exec(step);
    old.prepare('INSERT INTO schema_steps VALUES (?, 0)').run(i + 1);
  });
  for (const row of rows) old.exec(row);
  old.close();
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const appliedSteps = (file: string) => {
  const db = new DatabaseSync(file);
  const steps = db.prepare('SELECT step FROM schema_steps ORDER BY step').all();
  db.close();
  return steps.map((r) => Number(r.step));
};

describe('collector schema step 3 (phone claims)', () => {
  it('keeps the kiosks and sheets of a step-2 SQLite file, and holds phone claims after it', async () => {
    const good = [OLD_ROWS[0], OLD_ROWS[1], OLD_ROWS[4]].filter((r) => r !== undefined);
    const { file, dispose } = fileAtStep(2, good);
    const store = await openSqliteStore(file);
    expect(appliedSteps(file)).toEqual(schemaSteps.map((_, i) => i + 1));
    expect(await store.sheetsOfCommune('10507')).toHaveLength(2);
    expect((await store.findKiosk(KIOSK))?.communeName).toBe('Xã Tứ Kỳ');
    const db = new DatabaseSync(file);
    db.exec("INSERT INTO phone_claims VALUES ('00cc00cc00cc00cc', 'h', 0)");
    db.close();
    await store.close();
    dispose();
  });
});

describe('collector schema step 5 (accounts, audit log, enrolments)', () => {
  it('keeps everything a step-4 SQLite file holds and adds the office’s account tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-step5-'));
    const file = join(dir, 'collector.sqlite');
    // A collector at step 4: the current schema without step 5's tables (step 5 only adds tables).
    const current = await openSqliteStore(file);
    const collector = testCollector(current);
    const key = await collector.register(KIOSK);
    expect((await collector.postBatch(await collector.seal(key, [sheetAt(1, AT)]))).status).toBe(
      200,
    );
    await current.close();
    const old = new DatabaseSync(file);
    for (const table of [
      'accounts',
      'sessions',
      'sign_in_failures',
      'first_admin_code',
      'audit_log',
      'enrolments',
    ])
      old.exec(`DROP TABLE ${table}`);
    stepSixUndone(old);
    old.exec('DELETE FROM schema_steps WHERE step = 5');
    old.close();
    expect(appliedSteps(file)).toEqual([1, 2, 3, 4]);

    const store = await openSqliteStore(file);
    expect(appliedSteps(file)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await store.sheetsOfCommune('10507')).toEqual([expect.objectContaining({ seq: 1 })]);
    expect((await store.findKiosk(KIOSK))?.communeCode).toBe('10507');
    const reopened = testCollector(store);
    const [commune] = (await reopened.communes()) as CommuneFigures[];
    expect(commune?.citizen.mean).toMatchObject({ num: 7, den: 1 }); // (4 + 2 + 4 + 4 + 0) / 2
    const check = new DatabaseSync(file);
    expect(check.prepare('SELECT COUNT(*) AS n FROM accounts').get()?.n).toBe(0);
    check.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

/** Back to step 6's stored fingerprints, each one stale: step 7 must not read them. */
function stepSevenUndone(db: DatabaseSync) {
  db.exec(`ALTER TABLE sheets ADD COLUMN fingerprint TEXT NOT NULL DEFAULT 'stale';
    DELETE FROM schema_steps WHERE step = 7;`);
}

/** Back to step 5's index on the sheets (step 6 only replaces that index). */
function stepSixUndone(db: DatabaseSync) {
  stepSevenUndone(db);
  db.exec(`DROP INDEX sheets_by_commune_device;
    CREATE INDEX sheets_by_commune_time ON sheets (commune_code, created_at, channel, device_id, seq);
    DELETE FROM schema_steps WHERE step = 6;`);
}

describe('collector schema step 6 (the sheets of a commune by device)', () => {
  it('replaces the index by time on a step-5 SQLite file; the export pages through the new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-step6-'));
    const file = join(dir, 'collector.sqlite');
    const current = await openSqliteStore(file);
    const collector = testCollector(current);
    const key = await collector.register(KIOSK);
    // Numbered in one order, answered in the other: the export follows the numbers.
    const sheets = [1, 2, 3].map((seq) => sheetAt(seq, AT - seq * 60_000));
    expect((await collector.postBatch(await collector.seal(key, sheets))).status).toBe(200);
    await current.close();
    const old = new DatabaseSync(file);
    stepSixUndone(old);
    old.close();
    expect(appliedSteps(file)).toEqual([1, 2, 3, 4, 5]);

    const store = await openSqliteStore(file);
    expect(appliedSteps(file)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const check = new DatabaseSync(file);
    const indexes = check
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sheets'")
      .all()
      .map((r) => String(r.name));
    check.close();
    expect(indexes).toContain('sheets_by_commune_device');
    expect(indexes).not.toContain('sheets_by_commune_time');
    const exported: number[] = [];
    for await (const record of store.storedSheets({})) exported.push(record.sheet.seq);
    expect(exported).toEqual([1, 2, 3]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('collector schema step 7 (fingerprints made from the columns)', () => {
  it('drops the stored fingerprints of a step-6 SQLite file; a copy is still a duplicate and other content a conflict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-step7-'));
    const file = join(dir, 'collector.sqlite');
    const current = await openSqliteStore(file);
    const collector = testCollector(current);
    const key = await collector.register(KIOSK);
    const sheets = [1, 2].map((seq) => sheetAt(seq, AT + seq * 60_000));
    expect((await collector.postBatch(await collector.seal(key, sheets))).status).toBe(200);
    await current.close();
    const old = new DatabaseSync(file);
    stepSevenUndone(old);
    old.close();
    expect(appliedSteps(file)).toEqual([1, 2, 3, 4, 5, 6]);

    const store = await openSqliteStore(file);
    expect(appliedSteps(file)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const check = new DatabaseSync(file);
    const columns = check
      .prepare('SELECT name FROM pragma_table_info(?)')
      .all('sheets')
      .map((r) => String(r.name));
    check.close();
    expect(columns).not.toContain('fingerprint');
    const reopened = testCollector(store);
    const again = await reopened.postBatch(await reopened.seal(key, sheets));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ received: [], duplicates: [1, 2] });
    const other = { ...sheetAt(2, AT + 120_000), answers: ['yeu', 'yeu', 'yeu', 'yeu', 'yeu'] };
    const conflict = await reopened.postBatch(await reopened.seal(key, [other]));
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ code: '409.1', conflicts: [2] });
    expect((await store.sheetsOfCommune('10507')).map((s) => s.answers[0])).toEqual(['tot', 'tot']);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
