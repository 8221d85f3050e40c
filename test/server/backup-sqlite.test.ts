import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { testCollector } from './harness.ts';

const NODE = resolve('node_modules/.bin/node');
const run = promisify(execFile);

/** `node scripts/backup-sqlite.ts <db> <out>` as an operator's cron job runs it; its one JSON line. */
async function backUp(db: string, out: string) {
  try {
    const { stdout } = await run(NODE, ['scripts/backup-sqlite.ts', db, out]);
    return { code: 0, line: JSON.parse(stdout) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, line: JSON.parse(failed.stdout) };
  }
}

describe('scripts/backup-sqlite.ts', () => {
  let dir: string;
  let live: CollectorStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    live = await openSqliteStore(join(dir, 'collector.sqlite'));
  });
  afterEach(async () => {
    await live.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a live database while the collector writes; the copy reopens with every sheet', async () => {
    const collector = testCollector(live);
    collector.setClock(Date.UTC(2026, 10, 30)); // after the synthetic week's sheets
    const first = syntheticWeek(300, 7, '1111111111111111');
    const key = await collector.register('1111111111111111');
    expect((await collector.postBatch(await collector.seal(key, first))).status).toBe(200);

    // The backup runs in another process while this one stores another kiosk's batch.
    const other = await collector.register('2222222222222222');
    const out = join(dir, 'collector-backup.sqlite');
    const [result, during] = await Promise.all([
      backUp(join(dir, 'collector.sqlite'), out),
      collector.seal(other, syntheticWeek(300, 8, '2222222222222222')).then(collector.postBatch),
    ]);
    expect(during.status).toBe(200);
    expect(result.code).toBe(0);
    expect(result.line).toMatchObject({ event: 'backup.done', target: out });
    // One consistent snapshot: the first batch whole, the second whole or not at all.
    expect([300, 600]).toContain(result.line.sheets);

    expect((statSync(out).mode & 0o777).toString(8)).toBe('600');
    expect(existsSync(`${out}-wal`)).toBe(false); // one self-contained file
    const copy = await openSqliteStore(out);
    const restored = await copy.sheetsOfCommune('10507');
    await copy.close();
    expect(restored).toHaveLength(result.line.sheets);
    const original = await live.sheetsOfCommune('10507');
    const seqsOf = (sheets: typeof original, device: string) =>
      sheets.filter((s) => s.deviceId === device).map((s) => [s.seq, s.answers]);
    expect(seqsOf(restored, '1111111111111111')).toEqual(seqsOf(original, '1111111111111111'));
  });

  it('a missing database is an error, not an empty backup', async () => {
    const out = join(dir, 'nothing.sqlite');
    const result = await backUp(join(dir, 'no-such.sqlite'), out);
    expect(result.code).toBe(1);
    expect(result.line).toMatchObject({ event: 'backup.failed', code: 'ENOENT' });
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});
