import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectorProcess, runCollector } from '../fixtures/collector-process.ts';

const isRoot = process.getuid?.() === 0;
const canRunAsNobody = isRoot && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;

let root: string;
let dist: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'collector-start-'));
  chmodSync(root, 0o755); // the `nobody` run below must reach its directories
  dist = join(root, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Khảo sát</title>');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each case starts a Node process (about a second, more on a busy machine).
const slow = { timeout: 30_000 };

describe('the collector starting', slow, () => {
  it('serves on localhost; makes its data directory 0700, its token and database 0600', async () => {
    const dataDir = join(root, 'fresh', 'data');
    const run = runCollector({ DATA_DIR: dataDir, DIST_DIR: dist });
    const started = await run.started;
    expect(started.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(started.storage).toBe('SQLite');
    const response = await fetch(started.url as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    await run.stop();
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'admin-token'))).toBe('600');
    expect(mode(join(dataDir, 'collector.sqlite'))).toBe('600');
    expect(mode(join(dataDir, 'collector.sqlite-wal'))).toBe('600');
    expect(run.lines.map((l) => l.event)).toEqual([
      'collector.admin-token-created',
      'accounts.first-admin-code',
      'collector.started',
    ]);
  });

  it.each([
    ['trusted', '127.0.0.1', 401],
    ['not trusted', '', 429],
  ])(
    'TRUST_PROXY: a proxy %s names the client in X-Forwarded-For',
    async (_what, trust, second) => {
      const run = runCollector({
        DATA_DIR: join(root, `proxy-${trust || 'none'}`),
        DIST_DIR: dist,
        COLLECTOR_ADMIN_TOKEN: 'proxy-test-token-of-at-least-32-characters',
        TRUST_PROXY: trust,
      });
      const { url } = await run.started;
      const writes = (client: string, n: number) =>
        Promise.all(
          Array.from({ length: n }, () =>
            fetch(new URL('/api/v1/kiosks', url as string), {
              method: 'POST',
              headers: { 'x-forwarded-for': client },
            }).then((r) => r.status),
          ),
        );
      const count = (statuses: number[], status: number) =>
        statuses.filter((s) => s === status).length;
      // 140 writes at once from one client behind the proxy overrun its burst of 120 (401: no
      // admin token; 429: limited), however slow the machine (the bucket refills 2 a second).
      expect(count(await writes('203.0.113.7', 140), 429)).toBeGreaterThanOrEqual(10);
      // Another client behind the same proxy has a bucket of its own only if the proxy is trusted.
      const other = await writes('203.0.113.8', 20);
      if (second === 401) expect(other).toEqual(Array(20).fill(401));
      else expect(count(other, 429)).toBeGreaterThanOrEqual(15);
      await run.stop();
    },
  );
});

describe('the collector over HTTPS (TLS_CERT, TLS_KEY)', slow, () => {
  let tlsDir: string;
  beforeAll(() => {
    tlsDir = join(root, 'tls');
    execFileSync('bash', ['scripts/ensure-tls-tools.sh'], { stdio: 'inherit' });
    execFileSync('bash', ['scripts/make-local-ca.sh', tlsDir, 'kiosk.test', '127.0.0.1']);
  });

  it('serves HTTPS on the certificate name, with Strict-Transport-Security', async () => {
    const run = runCollector({
      DATA_DIR: join(root, 'https'),
      DIST_DIR: dist,
      TLS_CERT: join(tlsDir, 'server.crt'),
      TLS_KEY: join(tlsDir, 'server.key'),
    });
    const started = await run.started;
    expect(started.url).toMatch(/^https:\/\/kiosk\.test:\d+\/$/);
    expect(started.certificateNames).toBe('kiosk.test,127.0.0.1');
    const port = Number(new URL(started.url as string).port);
    // A client that trusts the commune's CA, reaching kiosk.test at 127.0.0.1.
    const headers = await new Promise<Record<string, unknown>>((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/',
          servername: 'kiosk.test',
          ca: execFileSync('cat', [join(tlsDir, 'ca.crt')]),
          headers: { host: `kiosk.test:${port}` },
        },
        (res) => {
          res.resume();
          done({ status: res.statusCode, ...res.headers });
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(headers).toMatchObject({
      status: 200,
      'strict-transport-security': 'max-age=31536000',
    });
    await run.stop();
  });

  it.each([
    [
      'only TLS_CERT',
      { TLS_CERT: 'server.crt' },
      { event: 'collector.tls-incomplete', missing: 'TLS_KEY' },
    ],
    [
      'a missing key file',
      { TLS_CERT: 'server.crt', TLS_KEY: 'nope.key' },
      { event: 'collector.tls-unreadable', code: 'ENOENT' },
    ],
    [
      'the CA key for the server certificate',
      { TLS_CERT: 'server.crt', TLS_KEY: 'ca.key' },
      { event: 'collector.tls-invalid' },
    ],
  ])('%s: one log line, exit 1', async (_what, files, line) => {
    const env = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, join(tlsDir, f)]));
    const run = runCollector({ DATA_DIR: join(root, 'tls-bad'), DIST_DIR: dist, ...env });
    expect(await run.exited).toBe(1);
    expect(run.lines).toEqual([expect.objectContaining(line)]);
  });
});

/** The one line a data directory the collector cannot write gives, and exit 1 before listening. */
async function expectUnwritable(run: CollectorProcess, path: string, code: string) {
  expect(await run.exited).toBe(1);
  expect(run.lines).toEqual([
    { time: expect.any(String), event: 'collector.data-dir-unwritable', path, code },
  ]);
}

describe('a data directory the collector cannot write', slow, () => {
  // Root writes through any mode bits: as root, the collector runs as `nobody`, as in production.
  it.skipIf(isRoot && !canRunAsNobody)(
    'owned by another user, read-only to it: EACCES',
    async () => {
      const dataDir = join(root, 'not-mine');
      mkdirSync(dataDir);
      chmodSync(dataDir, 0o555);
      const run = runCollector(
        { DATA_DIR: dataDir, DIST_DIR: dist },
        isRoot ? ['runuser', '-u', 'nobody', '--'] : [],
      );
      await expectUnwritable(run, dataDir, 'EACCES');
    },
  );

  it('collector.sqlite that is not a file: EISDIR', async () => {
    const dataDir = join(root, 'odd');
    mkdirSync(join(dataDir, 'collector.sqlite'), { recursive: true });
    const run = runCollector({ DATA_DIR: dataDir, DIST_DIR: dist });
    await expectUnwritable(run, join(dataDir, 'collector.sqlite'), 'EISDIR');
  });

  // A read-only mount and a full disk: test/server/data-dir.test.ts, with the kernel's own errors.
});
