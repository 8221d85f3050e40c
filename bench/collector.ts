/**
 * Collector figures: ingest of 100 000 sheets over real HTTP into the SQLite file, and the
 * per-commune summary of 1 000 000 sheets. Prints; never fails on a figure.
 */
import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { encodeBatch } from '../src/core/codec/batch.ts';
import { sealBatch } from '../src/core/codec/seal.ts';
import { collectorApi } from '../src/server/app.ts';
import { silentLog } from '../src/server/log.ts';
import { openSqliteStore } from '../src/server/store/collector-store.ts';
import { batchOf, signerOf } from '../test/fixtures/batches.ts';
import { syntheticWeek } from '../test/fixtures/synthetic-week.ts';

const ADMIN = 'bench-admin';
const dir = mkdtempSync(join(tmpdir(), 'collector-bench-'));
const store = await openSqliteStore(join(dir, 'collector.sqlite'));
const api = collectorApi({ store, adminToken: ADMIN, log: silentLog, writesPerMinute: 1_000_000 });
const server = serve({ fetch: api.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

function report(label: string, value: string) {
  console.info(`${label.padEnd(52)} ${value}`);
}

async function register(deviceId: string, communeCode: string): Promise<Uint8Array> {
  const response = await fetch(`${base}/api/v1/kiosks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      deviceId,
      communeCode,
      communeName: `Xã ${communeCode}`,
      label: 'Quầy 1',
    }),
  });
  return new Uint8Array(Buffer.from(((await response.json()) as { key: string }).key, 'base64url'));
}

/** Sealed batches of `perBatch` sheets, numbered on from `firstSeq`, for one kiosk. */
async function batchesFor(
  deviceId: string,
  communeCode: string,
  key: Uint8Array,
  total: number,
  perBatch: number,
) {
  const out: Uint8Array[] = [];
  for (let from = 0; from < total; from += perBatch) {
    const sheets = syntheticWeek(perBatch, from + 1, deviceId).map((s, i) => ({
      ...s,
      seq: from + i + 1,
    }));
    out.push(
      await sealBatch(
        webcrypto.subtle,
        signerOf(key),
        encodeBatch(batchOf(sheets, { communeCode })),
      ),
    );
  }
  return out;
}

try {
  // 100 000 sheets from 10 kiosks, 1 000 a request, over HTTP on loopback.
  const bodies: Uint8Array[] = [];
  for (let k = 0; k < 10; k++) {
    const deviceId = `${k}`.padStart(16, 'a');
    bodies.push(
      ...(await batchesFor(deviceId, '10507', await register(deviceId, '10507'), 10_000, 1000)),
    );
  }
  const started = performance.now();
  for (const body of bodies) {
    const response = await fetch(`${base}/api/v1/batches`, {
      method: 'POST',
      body: Uint8Array.from(body),
    });
    if (response.status !== 200) throw new Error(`ingest failed: ${response.status}`);
  }
  const seconds = (performance.now() - started) / 1000;
  report(
    'Ingest 100 000 sheets over HTTP into SQLite',
    `${Math.round(100_000 / seconds).toLocaleString('vi-VN')} sheets/s`,
  );

  // Grow the commune to 1 000 000 sheets straight through the store, then time the summary.
  for (let k = 10; k < 100; k++) {
    const deviceId = `${k}`.padStart(16, 'b');
    await register(deviceId, '10507');
    const sheets = syntheticWeek(10_000, k, deviceId);
    await store.ingest({
      communeCode: '10507',
      channel: 'kiosk',
      issuerId: deviceId,
      sheets,
      precise: true,
      receivedAt: Date.now(),
    });
  }
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const response = await fetch(`${base}/api/v1/communes`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const { communes } = (await response.json()) as { communes: { sheetCount: number }[] };
    const [commune] = communes;
    times.push(performance.now() - t0);
    if (commune?.sheetCount !== 1_000_000)
      throw new Error(`expected 1 000 000 sheets, got ${commune?.sheetCount}`);
  }
  report(
    'Summary of a commune with 1 000 000 sheets',
    `${Math.min(...times).toFixed(0)} ms (best of 3)`,
  );
} finally {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
