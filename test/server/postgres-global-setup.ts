import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * A real PostgreSQL for the server tests: Debian's, installed when missing, started on
 * 127.0.0.1 in a throwaway directory, stopped afterwards. No test is skipped without it:
 * if it cannot start, the run fails here.
 */
export default function setup(project: TestProject) {
  const dir = join(mkdtempSync(join(tmpdir(), 'collector-pg-')), 'data');
  const port = String(20000 + (process.pid % 20000));
  const url = execFileSync('bash', ['scripts/ensure-postgres.sh', 'start', dir, port], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  project.provide('databaseUrl', url);
  return () => {
    execFileSync('bash', ['scripts/ensure-postgres.sh', 'stop', dir], { stdio: 'inherit' });
  };
}
