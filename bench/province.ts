/**
 * A province-year on both stores (issue 13): 1 000 000 sheets from 150 kiosks in 100 communes
 * over 2026's working days, ingested through the store in deliveries of 1 000; the office's
 * reads of that year, and of the same year with a tenth of the sheets in a store of its own
 * (so the two differ in sheets only, not in days: what the figures may grow with is the
 * sheets); the office screen's table; and the worst delay a kiosk's batch meets while four
 * officers read at once, the office's reads on a reader thread as src/server/main.ts serves
 * them (READER_THREADS=0: on the main thread, to compare). PROVINCE_SHEETS sets the size,
 * PROVINCE_STORES=sqlite or postgres measures one store. Prints; never fails on a figure.
 */
import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';
import { encodeBatch } from '../src/core/codec/batch.ts';
import { sealBatch } from '../src/core/codec/seal.ts';
import type { Sheet } from '../src/core/sheet.ts';
import { collectorApi } from '../src/server/app.ts';
import { officeReaders } from '../src/server/http/office-readers.ts';
import { silentLog } from '../src/server/log.ts';
import { servePwa } from '../src/server/static-app.ts';
import { openPostgresStore, openSqliteStore } from '../src/server/store/collector-store.ts';
import type { CollectorStore } from '../src/server/store/store.ts';
import { launchBrowser } from '../test/e2e/harness.ts';
import { batchOf, signerOf } from '../test/fixtures/batches.ts';
import { seededRandom } from '../test/fixtures/synthetic-week.ts';

const TOKEN = 'bench-bootstrap-token-of-thirty-two-chars';
const COMMUNES = 100;
const TOTAL = Number(process.env.PROVINCE_SHEETS ?? 1_000_000);
const PER_DELIVERY = 1000;
/** Which stores to measure: PROVINCE_STORES=postgres measures PostgreSQL alone. */
const STORES = (process.env.PROVINCE_STORES ?? 'sqlite,postgres').split(',');
const LEVELS: [string, number][] = [
  ['tot', 0.55],
  ['kha', 0.3],
  ['trung-binh', 0.11],
  ['yeu', 0.04],
];

const report = (label: string, value: string, target?: string) =>
  console.info(`${label.padEnd(60)} ${value}${target ? `  (target ${target})` : ''}`);

/** 2026's working days, Vietnam time 07:30–17:00, as instants. */
const WORKING_DAYS = (() => {
  const days: number[] = [];
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 10, 30); t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.push(t + 30 * 60_000); // 07:30 in Vietnam
  }
  return days;
})();

interface Kiosk {
  deviceId: string;
  communeCode: string;
  sheets: number;
}

const kiosks: Kiosk[] = Array.from({ length: 150 }, (_, i) => ({
  deviceId: (0x1000_0000_0000_0000n + BigInt(i)).toString(16),
  communeCode: String(10_000 + (i % COMMUNES)),
  sheets: 0,
}));

/** The next `count` sheets of a kiosk, spread over the year in order. */
function sheetsOf(kiosk: Kiosk, count: number, perKiosk: number, random: () => number): Sheet[] {
  const level = () => {
    let r = random();
    for (const [id, weight] of LEVELS) {
      r -= weight;
      if (r < 0) return id;
    }
    return 'tot';
  };
  return Array.from({ length: count }, () => {
    const n = kiosk.sheets++;
    const day = WORKING_DAYS[Math.floor((n / perKiosk) * WORKING_DAYS.length)] ?? 0;
    const perDay = Math.ceil(perKiosk / WORKING_DAYS.length);
    const createdAt = day + Math.floor(((n % perDay) / perDay) * 9 * 3_600_000) + 1000;
    return {
      deviceId: kiosk.deviceId,
      seq: n + 1,
      profileId: 'hai-duong-2024',
      profileVersion: 1,
      formId: random() < 0.7 ? 'citizen' : 'cadre',
      formVersion: 1,
      channel: 'kiosk',
      answers: [level(), level(), level(), level(), level()],
      startedAt: createdAt - 60_000 - Math.floor(random() * 60_000),
      createdAt,
      flags: [],
    } satisfies Sheet;
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

/**
 * The office screen in Chromium: from opening /#/collector and signing in to its table of the
 * 100 communes (cold: a new browser profile), then a reload that goes straight in (warm).
 */
async function officeTable(name: string, base: string, label: string) {
  const account = { username: 'bench.officer', password: 'bench-officer-password' };
  const created = await fetch(`${base}/api/v1/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...account,
      role: 'officer',
      displayName: 'Cán bộ đo',
      communeCode: null,
    }),
  });
  if (created.status !== 201 && created.status !== 409)
    throw new Error(`bench account: ${created.status}`);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    const tableShown = () =>
      page.waitForFunction(
        (wanted) =>
          [...document.querySelectorAll('table')].some(
            (t) => (t.tBodies[0]?.rows.length ?? 0) >= wanted,
          ),
        COMMUNES,
        { timeout: 60_000 },
      );
    const t0 = performance.now();
    await page.goto(`${base}/#/collector`);
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill(account.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await tableShown();
    const cold = performance.now() - t0;
    const t1 = performance.now();
    await page.reload();
    await tableShown();
    const warm = performance.now() - t1;
    report(
      `${name}, ${label}: the office screen's table`,
      `${cold.toFixed(0)} ms cold (sign-in included), ${warm.toFixed(0)} ms warm`,
      'cold ≤ 1 500 ms',
    );
  } finally {
    await browser.close();
  }
}

async function province(
  name: string,
  total: number,
  store: CollectorStore,
  where: { sqliteFile?: string; databaseUrl?: string },
) {
  const full = total === TOTAL;
  // As src/server/main.ts serves: the office's reads on a reader thread of their own.
  const readers = officeReaders({ ...where, adminToken: TOKEN, trustedProxies: [] }, () => {});
  const app = new Hono();
  if (process.env.READER_THREADS !== '0') app.use('/api/v1/*', readers.middleware);
  app.route('/', collectorApi({ store, adminToken: TOKEN, log: silentLog, writesPerMinute: 1e9 }));
  servePwa(app, 'dist');
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const auth = { authorization: `Bearer ${TOKEN}` };
  const get = async (path: string) => {
    // A keep-alive socket the server closed during a long ingest fails once: ask again.
    const response = await fetch(`${base}${path}`, { headers: auth }).catch(() =>
      fetch(`${base}${path}`, { headers: auth }),
    );
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.text();
  };
  const register = async (deviceId: string, communeCode: string) => {
    const response = await fetch(`${base}/api/v1/kiosks`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId, communeCode, communeName: `Xã ${communeCode}`, label: '' }),
    });
    return new Uint8Array(
      Buffer.from(((await response.json()) as { key: string }).key, 'base64url'),
    );
  };
  try {
    for (const k of kiosks) {
      k.sheets = 0;
      await register(k.deviceId, k.communeCode);
    }
    const random = seededRandom(2026);
    const perKiosk = Math.ceil(total / kiosks.length);
    let stored = 0;
    let ingestMs = 0;
    const readsAt = async (label: string) => {
      const best = async (path: string) => {
        const cold = await timed(() => get(path));
        // Asked again, one after the other: the office's cache and the database's are warm.
        const warm = Math.min((await timed(() => get(path))).ms, (await timed(() => get(path))).ms);
        return `${cold.ms.toFixed(0)} ms cold, ${warm.toFixed(0)} ms warm`;
      };
      report(
        `${name}, ${label}: /communes for the year`,
        await best('/api/v1/communes'),
        '≤ 1 000 ms',
      );
      report(
        `${name}, ${label}: /communes for November`,
        await best('/api/v1/communes?from=2026-11-01&to=2026-11-30'),
        '≤ 1 000 ms',
      );
      report(
        `${name}, ${label}: /standings of the year`,
        await best('/api/v1/standings?year=2026'),
      );
    };
    while (stored < total) {
      for (const kiosk of kiosks) {
        const count = Math.min(PER_DELIVERY, perKiosk - kiosk.sheets, total - stored);
        if (count <= 0) continue;
        const sheets = sheetsOf(kiosk, count, perKiosk, random);
        const t0 = performance.now();
        const outcome = await store.ingest({
          communeCode: kiosk.communeCode,
          channel: 'kiosk',
          issuerId: kiosk.deviceId,
          sheets,
          precise: true,
          receivedAt: Date.now(),
        });
        ingestMs += performance.now() - t0;
        if (!outcome.ok) throw new Error(`ingest refused for ${kiosk.deviceId}`);
        stored += count;
      }
    }
    // A store loaded in a minute has not met PostgreSQL's autovacuum yet, which gathers a
    // table's statistics within a minute of its growth; a province's year of sheets has.
    if (name === 'PostgreSQL' && where.databaseUrl) await analyse(where.databaseUrl);
    const readsLabel = `${total.toLocaleString('vi-VN')} sheets`;
    if (!full) {
      await readsAt(readsLabel);
      return;
    }
    report(
      `${name}: ingest through the store, deliveries of 1 000`,
      `${Math.round(total / (ingestMs / 1000)).toLocaleString('vi-VN')} sheets/s`,
      name === 'PostgreSQL' ? '≥ 20 000' : undefined,
    );
    await readsAt(readsLabel);
    await officeTable(name, base, readsLabel);

    // A kiosk delivers while four officers read the year and one exports a commune's sheets.
    const probes = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const deviceId = (0x2000_0000_0000_0000n + BigInt(i)).toString(16);
        const key = await register(deviceId, '10000');
        const now = Date.now();
        const sheets = Array.from({ length: 5 }, (_, s) => ({
          ...sheetsOf({ deviceId, communeCode: '10000', sheets: s }, 1, 5, random)[0],
          createdAt: now - 600_000 + s * 60_000,
          startedAt: now - 660_000 + s * 60_000,
        })) as Sheet[];
        return sealBatch(
          webcrypto.subtle,
          signerOf(key),
          encodeBatch(batchOf(sheets, { communeCode: '10000', sealedAt: now })),
        );
      }),
    );
    let reading = true;
    const officers = Promise.all([
      ...Array.from({ length: 4 }, async (_, i) => {
        while (reading) await get(i % 2 ? '/api/v1/standings?year=2026' : '/api/v1/communes');
      }),
      (async () => {
        while (reading) await get('/api/v1/sheets.csv?commune=10001');
      })(),
    ]);
    const delays: number[] = [];
    for (const body of probes) {
      const { ms, value } = await timed(() =>
        fetch(`${base}/api/v1/batches`, { method: 'POST', body: Uint8Array.from(body) }),
      );
      if (value.status !== 200) throw new Error(`probe batch: ${value.status}`);
      delays.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    reading = false;
    await officers;
    delays.sort((a, b) => a - b);
    report(
      `${name}: a kiosk's batch while 4 officers read and 1 exports`,
      `median ${delays[Math.floor(delays.length / 2)]?.toFixed(0)} ms, worst ${delays.at(-1)?.toFixed(0)} ms (n=${delays.length})`,
      'worst ≤ 100 ms',
    );
  } finally {
    server.close();
    await readers.close();
  }
}

/** What autovacuum would have done by now: the tables' statistics for the planner. */
async function analyse(url: string) {
  const pg = postgres(url, { onnotice: () => {} });
  await pg`ANALYZE`;
  await pg.end();
}

/** A year of the province at a tenth of its sheets, then at all of them, each in a store of its own. */
const sizes = [TOTAL / 10, TOTAL];
const dir = mkdtempSync(join(tmpdir(), 'province-bench-'));
try {
  if (STORES.includes('sqlite'))
    for (const [i, total] of sizes.entries()) {
      const sqliteFile = join(dir, `collector-${i}.sqlite`);
      const sqlite = await openSqliteStore(sqliteFile);
      await province('SQLite', total, sqlite, { sqliteFile });
      await sqlite.close();
    }
  if (STORES.includes('postgres')) {
    const pgDir = join(dir, 'pg');
    const url = execFileSync('bash', ['scripts/ensure-postgres.sh', 'start', pgDir, '25433'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    try {
      for (const total of sizes) {
        const admin = postgres(url, { onnotice: () => {} });
        await admin`DROP SCHEMA public CASCADE`;
        await admin`CREATE SCHEMA public`;
        await admin.end();
        const pg = await openPostgresStore(url);
        await province('PostgreSQL', total, pg, { databaseUrl: url });
        await pg.close();
      }
    } finally {
      execFileSync('bash', ['scripts/ensure-postgres.sh', 'stop', pgDir], { stdio: 'inherit' });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
