import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteEngine } from '../../src/server/store/sqlite-engine.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite engine', () => {
  it('copies the WAL into the database file on its checkpointer thread, not at commit', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-engine-'));
    const file = join(dir, 'collector.sqlite');
    const engine = sqliteEngine(file);
    await engine.migrate(['CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)']);
    const before = statSync(file).size;
    // About 2 000 pages: below the 10 000 at which the writer would checkpoint itself.
    for (let t = 0; t < 20; t++)
      await engine.transaction((sql) =>
        sql.insertIgnoring(
          'notes',
          Array.from({ length: 200 }, (_, i) => ({ id: t * 200 + i, body: 'x'.repeat(1000) })),
        ),
      );
    const deadline = Date.now() + 5000;
    while (statSync(file).size <= before + 2_000_000 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statSync(file).size).toBeGreaterThan(before + 2_000_000);
    // …and not by the writer: it would checkpoint itself only at 10 000 pages.
    expect(await engine.read.all('PRAGMA wal_autocheckpoint')).toEqual([
      { wal_autocheckpoint: 10000 },
    ]);
    await engine.close();

    const reopened = sqliteEngine(file);
    const [row] = await reopened.read.all('SELECT COUNT(*) AS n FROM notes');
    expect(Number(row?.n)).toBe(4000);
    await reopened.close();
  });

  it('inserts rows in multi-row statements and counts only the new ones', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-engine-'));
    const engine = sqliteEngine(join(dir, 'collector.sqlite'));
    await engine.migrate(['CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)']);
    const rows = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: from + i, body: i % 2 ? null : `${from + i}` }));
    // 4 000 values a statement: 4 500 rows of two columns are two full statements and the rest.
    expect(await engine.transaction((sql) => sql.insertIgnoring('notes', rows(0, 4500)))).toBe(
      4500,
    );
    expect(await engine.transaction((sql) => sql.insertIgnoring('notes', rows(4000, 1000)))).toBe(
      500,
    );
    const [row] = await engine.read.all('SELECT COUNT(*) AS n, COUNT(body) AS bodies FROM notes');
    expect(row).toEqual({ n: 5000, bodies: 2500 });
    await engine.close();
  });

  it('binds the columns every row shares once a statement, and stores them in each row', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-engine-'));
    const engine = sqliteEngine(join(dir, 'collector.sqlite'));
    await engine.migrate([
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, author TEXT NOT NULL, at BIGINT NOT NULL)',
    ]);
    const rows = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: from + i, body: `${from + i}` }));
    // 3 998 values left a statement beside the two shared: 1 999 rows, then the rest.
    const shared = { author: 'Quầy 1', at: 1795482700000 };
    expect(
      await engine.transaction((sql) => sql.insertIgnoring('notes', rows(0, 2500), shared)),
    ).toBe(2500);
    expect(
      await engine.transaction((sql) =>
        sql.insertIgnoring('notes', rows(2000, 1000), { author: 'Quầy 2', at: 1 }),
      ),
    ).toBe(500);
    expect(
      await engine.read.all(
        'SELECT author, MIN(at) AS at, COUNT(*) AS n, MIN(id) AS first, MAX(id) AS last FROM notes GROUP BY author ORDER BY author',
      ),
    ).toEqual([
      { author: 'Quầy 1', at: 1795482700000, n: 2500, first: 0, last: 2499 },
      { author: 'Quầy 2', at: 1, n: 500, first: 2500, last: 2999 },
    ]);
    const [body] = await engine.read.all('SELECT body FROM notes WHERE id = 1998');
    expect(body).toEqual({ body: '1998' });
    await engine.close();
  });
});
