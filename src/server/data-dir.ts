import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Log } from './log.ts';
import { osCodeOf, StartupFailure } from './startup-failure.ts';

const unwritable = (path: string, error: unknown) =>
  new StartupFailure('collector.data-dir-unwritable', { path, code: osCodeOf(error) });

/**
 * Makes the data directory (0700: sheets and the admin token are the office's alone) and proves
 * it writable before the port is bound: a read-only, foreign-owned or full directory is one
 * StartupFailure naming the path and the OS error code, never a crash at the first sheet.
 * `sqliteFile`, when the collector stores there, is created 0600 the way the store opens it.
 */
export function prepareDataDir(dir: string, sqliteFile: string | undefined, log: Log): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw unwritable(dir, error);
  }
  // SQLite's WAL and the token file need room in the directory itself: write a page and sync it.
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    const fd = openSync(probe, 'w', 0o600);
    try {
      writeSync(fd, Buffer.alloc(4096));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw unwritable(dir, error);
  } finally {
    rmSync(probe, { force: true });
  }
  if (sqliteFile) {
    try {
      closeSync(openSync(sqliteFile, 'a', 0o600));
    } catch (error) {
      throw unwritable(sqliteFile, error);
    }
  }
  const mode = statSync(dir).mode & 0o777;
  if (mode & 0o077)
    log('collector.data-dir-open', { path: dir, mode: `0${mode.toString(8)}`, expected: '0700' });
}

/**
 * The office's admin token: `given` (COLLECTOR_ADMIN_TOKEN) when set, else the one in
 * DIR/admin-token, made (0600, exclusively, so two processes starting at once agree) on first start.
 */
/** A bootstrap token shorter than this is refused: it opens every commune's figures. */
export const MIN_TOKEN_LENGTH = 32;

export function adminTokenOf(dir: string, given: string | undefined, log: Log): string {
  if (given) {
    if (given.trim().length < MIN_TOKEN_LENGTH)
      throw new StartupFailure('collector.admin-token-weak', {
        minimumLength: MIN_TOKEN_LENGTH,
        hint: 'COLLECTOR_ADMIN_TOKEN: dùng ít nhất 32 ký tự ngẫu nhiên, ví dụ `openssl rand -base64 32`.',
      });
    return given.trim();
  }
  const file = join(dir, 'admin-token');
  const token = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
    log('collector.admin-token-created', { file });
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(file, error);
  }
  let stored: string;
  try {
    stored = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new StartupFailure('collector.admin-token-unreadable', {
      path: file,
      code: osCodeOf(error),
    });
  }
  // An empty token would let "Authorization: Bearer " in.
  if (!stored)
    throw new StartupFailure('collector.admin-token-unreadable', { path: file, code: 'EMPTY' });
  return stored;
}
