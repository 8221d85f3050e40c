import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { KioskRow } from '../../src/core/api.ts';
import { chainFrom, chainStart } from '../../src/core/chain.ts';
import { bytesToHex } from '../../src/core/codec/hex.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import { openPostgresStore } from '../../src/server/store/collector-store.ts';
import type { Engine } from '../../src/server/store/engine.ts';
import { postgresEngine } from '../../src/server/store/postgres-engine.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { everyTallyRow, rebuildTallies } from '../../src/server/store/tallies.ts';
import { type CollectorProcess, runCollector } from '../fixtures/collector-process.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { ADMIN, admin, phoneAnswers, testCollector } from './harness.ts';

/**
 * Collector processes (`node src/server/main.ts`) on one PostgreSQL, as behind a proxy that
 * spreads requests over them: the same deliveries through two at the same moment store each
 * sheet once, and every process then tells the same figures and the same evidence
 * (docs/deploy.md, "Several collectors"). Bounded: 3 kiosks, a few hundred requests, seconds.
 */

const KIOSKS = ['a1b2c3d4e5f60718', 'b2c3d4e5f6071829', 'c3d4e5f60718293a'];
const FIRST_SHEETS = 50;
const ALL_SHEETS = 60;
const BATCH = 10;
const ROUNDS = 3;
const PHONE_TOKENS_PER_KIOSK = 2;
const PHONE_SHEETS = KIOSKS.length * PHONE_TOKENS_PER_KIOSK;

let databaseUrl: string;
let store: CollectorStore;
let engine: Engine;
let dir: string;
const collectors: CollectorProcess[] = [];
/** Kiosk keys, as the office's registration answered them. */
const keys: Uint8Array[] = [];

/** Starts collectors on the test's database at once, as systemd starts its units; their addresses. */
async function startCollectors(names: string[]): Promise<string[]> {
  const runs = names.map((name) =>
    runCollector({
      DATABASE_URL: databaseUrl,
      COLLECTOR_ADMIN_TOKEN: ADMIN,
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, name),
      DIST_DIR: dir,
    }),
  );
  collectors.push(...runs);
  return Promise.all(
    runs.map(async (run) => `http://127.0.0.1:${new URL(String((await run.started).url)).port}`),
  );
}

let a: string;
let b: string;

beforeAll(async () => {
  databaseUrl = inject('databaseUrl');
  store = await openPostgresStore(databaseUrl); // migrates, so the tables exist to empty
  const cleaner = postgres(databaseUrl, { onnotice: () => {} });
  const tables = await cleaner`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_steps'`;
  await cleaner.unsafe(`TRUNCATE ${tables.map((t) => t.tablename).join(', ')}`);
  await cleaner.end();
  engine = postgresEngine(databaseUrl);
  dir = mkdtempSync(join(tmpdir(), 'two-collectors-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>khảo sát</title>');
  [a, b] = (await startCollectors(['a', 'b'])) as [string, string];
}, 30_000);

afterAll(async () => {
  await Promise.all(collectors.map((run) => run.stop()));
  await store?.close();
  await engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const post = (base: string, path: string, body: BodyInit, headers: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers, body });

async function getJson<T>(base: string, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: admin });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Every sheet of the test's kiosks, by kiosk: seq 1…ALL_SHEETS, a week in November 2026. */
const streams = KIOSKS.map((id, k) => syntheticWeek(ALL_SHEETS, 40 + k, id));

/** The same builders the in-process tests use (seal, signed file, phone token); they touch no store. */
const kiosk = () => testCollector(store);

/** Kiosk k's batch of sheets from…to (seq), sealed with the link a kiosk holding 1…to sends. */
const sealedBatch = (k: number, from: number, to: number) => {
  const sheets = streams[k] as Sheet[];
  return kiosk().seal(keys[k] as Uint8Array, sheets.slice(from - 1, to), {
    chainHead: chainFrom(bytesToHex(chainStart(KIOSKS[k] as string)), sheets.slice(0, to)),
  });
};

/** What one request stored for one stream: sheets stored fresh and sheets it found there. */
interface Answer {
  stream: string;
  received: number[];
  duplicates: number[];
}

const postBatch = (base: string, k: number, body: Uint8Array): Promise<Answer> =>
  post(base, '/api/v1/batches', Uint8Array.from(body), {
    'content-type': 'application/octet-stream',
  }).then(async (response) => {
    expect(response.status).toBe(200);
    return { ...((await response.json()) as Answer), stream: `kiosk:${KIOSKS[k]}` };
  });

/** Across every answer, how many requests stored each sheet (each one must be 1). */
function storedBy(answers: Answer[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { stream, received, duplicates } of answers) {
    for (const seq of received)
      counts.set(`${stream}#${seq}`, (counts.get(`${stream}#${seq}`) ?? 0) + 1);
    for (const seq of duplicates)
      counts.set(`${stream}#${seq}`, counts.get(`${stream}#${seq}`) ?? 0);
  }
  return counts;
}

/**
 * What every process must tell alike, checked on each: the communes' figures (this many kiosk
 * sheets each) and the kiosks' evidence (every number, the chain verified to the end, no break);
 * then the tallies kept through it all equal the tallies recomputed from the stored sheets.
 */
async function expectOneTruth(bases: string[], sheetsPerKiosk: number) {
  type Communes = {
    communes: { communeCode: string; sheetCount: number; phoneSheetCount: number }[];
  };
  const figures = await Promise.all(
    bases.map((base) => getJson<Communes>(base, '/api/v1/communes')),
  );
  for (const other of figures.slice(1)) expect(other).toEqual(figures[0]);
  expect(figures[0]?.communes).toMatchObject([
    {
      communeCode: '10507',
      sheetCount: KIOSKS.length * sheetsPerKiosk + PHONE_SHEETS,
      phoneSheetCount: PHONE_SHEETS,
    },
  ]);

  const registries = await Promise.all(
    bases.map((base) => getJson<KioskRow[]>(base, '/api/v1/kiosks')),
  );
  for (const other of registries.slice(1)) expect(other).toEqual(registries[0]);
  expect(
    registries[0]?.map((row) => ({
      deviceId: row.deviceId,
      sheets: row.sheets,
      phoneSheets: row.phoneSheets,
      last: row.lastSheet?.seq,
      missing: row.missingCount,
      chain: row.chain,
    })),
  ).toEqual(
    KIOSKS.map((deviceId) => ({
      deviceId,
      sheets: sheetsPerKiosk,
      phoneSheets: PHONE_TOKENS_PER_KIOSK,
      last: sheetsPerKiosk,
      missing: 0,
      chain: { verifiedThrough: sheetsPerKiosk, pendingClaims: 0, breaks: [] },
    })),
  );

  const snapshot = async () =>
    (await everyTallyRow(engine.read))
      .map((r): Record<string, unknown> => ({ ...r, last_received_at: 0 }))
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  const kept = await snapshot();
  // Day rows only: each sheet is also in its month's row.
  const dayRows = kept.filter((r) => String(r.day).length === 10);
  expect(dayRows.reduce((n, r) => n + Number(r.sheets), 0)).toBe(
    KIOSKS.length * sheetsPerKiosk + PHONE_SHEETS,
  );
  await engine.transaction(rebuildTallies);
  expect(await snapshot()).toEqual(kept);
}

describe('two collector processes on one PostgreSQL', () => {
  it('store each sheet once when the same deliveries arrive through both at once, and tell the same figures', async () => {
    // Kiosks registered through either process: the other knows them at once (no cache).
    for (const [k, deviceId] of KIOSKS.entries()) {
      const response = await post(
        k % 2 ? b : a,
        '/api/v1/kiosks',
        JSON.stringify({
          deviceId,
          communeCode: '10507',
          communeName: 'Xã Tứ Kỳ',
          label: `Quầy ${k + 1}`,
        }),
        admin,
      );
      expect(response.status).toBe(201);
      const { key } = (await response.json()) as { key: string };
      keys.push(new Uint8Array(Buffer.from(key, 'base64url')));
    }
    const deliveries: Promise<Answer>[] = [];

    // 3 kiosks × 5 batches × both processes × 3 rounds, all in flight together.
    const batches = await Promise.all(
      KIOSKS.flatMap((_, k) =>
        Array.from({ length: FIRST_SHEETS / BATCH }, async (_, i) => ({
          k,
          body: await sealedBatch(k, i * BATCH + 1, (i + 1) * BATCH),
        })),
      ),
    );
    for (let round = 0; round < ROUNDS; round++)
      for (const { k, body } of batches)
        for (const base of [a, b]) deliveries.push(postBatch(base, k, body));

    // The first kiosk's signed JSON file, with fine times and suggestions, imported through both.
    const file = JSON.stringify(
      await kiosk().signedFile(
        keys[0] as Uint8Array,
        (streams[0] as Sheet[])
          .slice(0, FIRST_SHEETS)
          .map((s) => (s.seq % 7 === 0 ? { ...s, suggestion: 'Cần thêm ghế chờ' } : s)),
        { deviceId: KIOSKS[0] as string, communeName: 'Xã Tứ Kỳ' },
      ),
    );
    for (const base of [a, b])
      deliveries.push(
        post(base, '/api/v1/imports', file, admin).then(async (response) => {
          expect(response.status).toBe(200);
          return { ...((await response.json()) as Answer), stream: `kiosk:${KIOSKS[0]}` };
        }),
      );

    // Phone sheets on the kiosks' tokens, each posted twice through each process.
    const now = Date.now();
    for (const [k, deviceId] of KIOSKS.entries())
      for (let t = 0; t < PHONE_TOKENS_PER_KIOSK; t++) {
        const token = await kiosk().phoneToken(keys[k] as Uint8Array, {
          deviceId,
          issuedAt: now - 60_000,
        });
        const body = JSON.stringify({ token, sheet: phoneAnswers(now - 30_000 + t * 1000) });
        for (const base of [a, b, a, b])
          deliveries.push(
            post(base, '/api/v1/phone-sheets', body, { 'content-type': 'application/json' }).then(
              async (response) => {
                const { status } = (await response.json()) as { status: string };
                const fresh = status === 'received';
                expect([response.status, status]).toEqual(
                  fresh ? [201, 'received'] : [200, 'duplicate'],
                );
                return {
                  stream: `phone:${token}`,
                  received: fresh ? [1] : [],
                  duplicates: fresh ? [] : [1],
                };
              },
            ),
          );
      }

    const answers = await Promise.all(deliveries);
    expect(answers).toHaveLength(
      KIOSKS.length * (FIRST_SHEETS / BATCH) * 2 * ROUNDS + 2 + PHONE_SHEETS * 4,
    );

    // Each sheet was stored by exactly one request; every other found it there.
    const counts = storedBy(answers);
    expect(counts.size).toBe(KIOSKS.length * FIRST_SHEETS + PHONE_SHEETS);
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);

    // The database agrees: one row a sheet, the file's fine times and suggestions filled in.
    const rows = await engine.read.all(
      `SELECT channel, COUNT(*) AS n, COUNT(DISTINCT device_id || ':' || seq) AS distinct_sheets,
         SUM(CASE WHEN personal IS NOT NULL THEN 1 ELSE 0 END) AS personal,
         SUM(precise) AS precise FROM sheets GROUP BY channel ORDER BY channel`,
    );
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { channel: 'kiosk', n: 150, distinct_sheets: 150, personal: 7, precise: 50 },
      {
        channel: 'phone',
        n: PHONE_SHEETS,
        distinct_sheets: PHONE_SHEETS,
        personal: 0,
        precise: PHONE_SHEETS,
      },
    ]);

    await expectOneTruth([a, b], FIRST_SHEETS);
    // Nothing was refused or failed in either process.
    for (const run of collectors)
      expect(run.lines.filter((l) => /refused|conflict|failed/.test(l.event))).toEqual([]);
  }, 30_000);

  it('recheck the stored sheets once over when two start together on a database an older gate checked, while the others store more', async () => {
    // On the sheets the first test stored: the database says an older gate checked them.
    await engine.read.run("UPDATE office_settings SET value = '0' WHERE name = 'gate-version'");
    // Two new processes recheck and rebuild while a and b store each kiosk's next sheets, one
    // a round through both, paced to span the start (30 writes a process, under the rate limit).
    const starting = startCollectors(['c', 'd']);
    const answers: Answer[] = [];
    for (let seq = FIRST_SHEETS + 1; seq <= ALL_SHEETS; seq++) {
      const bodies = await Promise.all(KIOSKS.map((_, k) => sealedBatch(k, seq, seq)));
      answers.push(
        ...(await Promise.all(
          bodies.flatMap((body, k) => [a, b].map((base) => postBatch(base, k, body))),
        )),
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const [c, d] = (await starting) as [string, string];
    const counts = storedBy(answers);
    expect(counts.size).toBe(KIOSKS.length * (ALL_SHEETS - FIRST_SHEETS));
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
    const [marker] = await engine.read.all(
      "SELECT value FROM office_settings WHERE name = 'gate-version'",
    );
    expect(Number(marker?.value)).toBeGreaterThan(0);

    await expectOneTruth([a, b, c, d], ALL_SHEETS);
    const setAside = await engine.read.all(
      'SELECT COUNT(*) AS n FROM sheets WHERE set_aside IS NOT NULL',
    );
    expect(Number(setAside[0]?.n)).toBe(0);
  }, 30_000);
});
