/**
 * Online backup of the collector's SQLite file, while the collector runs (docs/deploy.md,
 * "Backups"):
 *
 *   node_modules/.bin/node scripts/backup-sqlite.ts data/collector.sqlite backups/collector.sqlite
 *
 * SQLite's backup API (node:sqlite `backup()`) copies one consistent snapshot, the WAL's
 * committed pages included, while the collector goes on writing. The copy is written beside
 * the target and renamed into place only once it passed `PRAGMA integrity_check`, as one
 * self-contained file (journal mode DELETE: no -wal beside it), readable by this user only.
 * Prints one JSON line; exits non-zero on any failure, leaving no partial file.
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { backup, DatabaseSync } from 'node:sqlite';

process.umask(0o077);
const [source, target] = process.argv.slice(2);
if (!source || !target) {
  process.stderr.write('usage: node scripts/backup-sqlite.ts <collector.sqlite> <backup file>\n');
  process.exit(2);
}

const partial = `${target}.partial`;
try {
  statSync(source); // a missing source must not become an empty database
  const live = new DatabaseSync(source, { readOnly: true });
  // One step (every page at once): a WAL reader's snapshot, so the collector's writes neither wait
  // nor restart the copy.
  const pages = await backup(live, partial, { rate: 2 ** 31 - 1 });
  live.close();

  const copy = new DatabaseSync(partial);
  const [check] = copy.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
  if (check?.integrity_check !== 'ok')
    throw new Error(`integrity_check: ${check?.integrity_check ?? 'no answer'}`);
  const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  const sheets = tables.some((t) => t.name === 'sheets')
    ? Number((copy.prepare('SELECT COUNT(*) AS n FROM sheets').get() as { n: number }).n)
    : 0;
  copy.exec('PRAGMA journal_mode = DELETE');
  copy.close();
  renameSync(partial, target);
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), event: 'backup.done', source, target, pages, sheets, bytes: statSync(target).size })}\n`,
  );
} catch (error) {
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
  process.stdout.write(
    `${JSON.stringify({
      time: new Date().toISOString(),
      event: 'backup.failed',
      source,
      target,
      code: (error as NodeJS.ErrnoException).code,
      detail: error instanceof Error ? error.message : String(error),
    })}\n`,
  );
  process.exit(1);
}
