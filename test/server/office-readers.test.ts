import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { type CollectorProcess, runCollector } from '../fixtures/collector-process.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { ADMIN, admin, testCollector } from './harness.ts';

const DEVICE = '7c1d2e3f4a5b6c7d';
let dir: string;
let builder: CollectorStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'office-readers-'));
  mkdirSync(join(dir, 'dist'));
  // Only to seal batches as a kiosk does; it stores nothing the processes read.
  builder = await openSqliteStore(':memory:');
});
afterAll(async () => {
  await builder.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = async (readerThreads: '0' | '1') => {
  const run = runCollector({
    DATA_DIR: join(dir, 'data'),
    DIST_DIR: join(dir, 'dist'),
    COLLECTOR_ADMIN_TOKEN: ADMIN,
    READER_THREADS: readerThreads,
  });
  const started = await run.started;
  return { run, base: String(started.url).replace(/\/$/, ''), started };
};

/** What the office reads: the figures, the kiosks' rows, a streamed export of every sheet. */
const officeReads = async (base: string) =>
  Promise.all(
    ['/api/v1/communes?from=2026-11-01&to=2026-11-30', '/api/v1/kiosks', '/api/v1/sheets.csv'].map(
      async (path) => {
        const response = await fetch(`${base}${path}`, { headers: admin });
        return { path, status: response.status, body: await response.text() };
      },
    ),
  );

describe('the office’s reads on a reader thread (READER_THREADS)', { timeout: 60_000 }, () => {
  it('answer what the main thread answers, streamed exports included, and refuse alike', async () => {
    let collector: CollectorProcess | undefined;
    try {
      const first = await start('1');
      collector = first.run;
      expect(first.started.readerThreads).toBe(1);
      const registered = await fetch(`${first.base}/api/v1/kiosks`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          deviceId: DEVICE,
          communeCode: '10507',
          communeName: 'Xã Tứ Kỳ',
          label: 'Quầy 1',
        }),
      });
      expect(registered.status).toBe(201);
      const { key } = (await registered.json()) as { key: string };
      const sheets = syntheticWeek(900, 9, DEVICE).map((s, i) => ({ ...s, seq: i + 1 }));
      const body = await testCollector(builder).seal(
        new Uint8Array(Buffer.from(key, 'base64url')),
        sheets,
      );
      const delivered = await fetch(`${first.base}/api/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Uint8Array.from(body),
      });
      expect(delivered.status).toBe(200);

      const onReader = await officeReads(first.base);
      expect(onReader.map((r) => r.status)).toEqual([200, 200, 200]);
      // The batch just committed on the main thread is in what the reader thread reads.
      expect(onReader[2]?.body.trim().split('\n').length).toBeGreaterThan(900);
      const unsigned = await fetch(`${first.base}/api/v1/communes`);
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as { code: string }).code).toBe('401.6');
      await first.run.stop();
      expect(first.run.lines.map((l) => l.event)).not.toContain('collector.reader-failed');

      const second = await start('0');
      collector = second.run;
      expect(second.started.readerThreads).toBe(0);
      const onMain = await officeReads(second.base);
      const withoutContact = (r: { path: string; body: string }) =>
        r.path === '/api/v1/kiosks' ? r.body.replace(/"lastContactAt":\d+/g, '') : r.body;
      expect(onMain.map(withoutContact)).toEqual(onReader.map(withoutContact));
    } finally {
      await collector?.stop();
    }
  });
});
