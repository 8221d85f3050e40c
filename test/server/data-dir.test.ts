import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * A read-only mount and a full disk need a mount namespace to stage for real; these cases give
 * prepareDataDir the kernel's own failures instead: the write-check is sent to /dev/full (every
 * write there fails with ENOSPC) or the directory is made on a path whose mkdir fails EROFS.
 */
const staged = vi.hoisted(() => ({ full: '', readOnly: '' }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    openSync: (path: string, flags: import('node:fs').OpenMode, mode?: import('node:fs').Mode) =>
      fs.openSync(staged.full && path.startsWith(staged.full) ? '/dev/full' : path, flags, mode),
    mkdirSync: (path: string, options?: import('node:fs').MakeDirectoryOptions) => {
      if (staged.readOnly && path === staged.readOnly)
        throw Object.assign(new Error(`EROFS: read-only file system, mkdir '${path}'`), {
          code: 'EROFS',
          errno: -30,
          syscall: 'mkdir',
          path,
        });
      return fs.mkdirSync(path, options);
    },
  };
});

const { prepareDataDir } = await import('../../src/server/data-dir.ts');
const root = mkdtempSync(join(tmpdir(), 'data-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const failureOf = (dir: string) => {
  try {
    prepareDataDir(dir, join(dir, 'collector.sqlite'), () => {});
  } catch (error) {
    return error as { event: string; fields: unknown };
  }
  throw new Error('prepareDataDir accepted the directory');
};

describe('a data directory the collector cannot write, in process', () => {
  it('on a full disk: ENOSPC, before the port is bound', () => {
    staged.full = join(root, 'full');
    const failure = failureOf(staged.full);
    expect(failure.event).toBe('collector.data-dir-unwritable');
    expect(failure.fields).toEqual({ path: staged.full, code: 'ENOSPC' });
  });

  it('on a file system mounted read-only: EROFS', () => {
    staged.readOnly = join(root, 'read-only');
    const failure = failureOf(staged.readOnly);
    expect(failure.event).toBe('collector.data-dir-unwritable');
    expect(failure.fields).toEqual({ path: staged.readOnly, code: 'EROFS' });
  });
});
