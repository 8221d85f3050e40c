/**
 * The collector: the HTTP API and the built PWA, on one port, over HTTPS when TLS_CERT and
 * TLS_KEY are set, storing into an embedded SQLite file, or PostgreSQL when DATABASE_URL is set.
 * Configuration by environment (docs/api.md, "Running the collector"; docs/deploy.md).
 */
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { collectorApi } from './app.ts';
import { offerFirstAdmin } from './auth/first-admin.ts';
import { adminTokenOf, prepareDataDir } from './data-dir.ts';
import { trustedProxiesOf } from './http/client-address.ts';
import { officeReaders } from './http/office-readers.ts';
import { securityHeaders } from './http/security-headers.ts';
import { type TlsCredentials, tlsCredentialsOf } from './http/tls.ts';
import { jsonLog } from './log.ts';
import { StartupFailure } from './startup-failure.ts';
import { servePwa } from './static-app.ts';
import { openPostgresStore, openSqliteStore } from './store/collector-store.ts';

// Whatever the collector writes (database, WAL, token, backups) is its user's alone.
process.umask(0o077);

const env = process.env;
const port = Number(env.PORT ?? 8080);
const host = env.HOST ?? '127.0.0.1';
const dataDir = env.DATA_DIR ?? 'data';
const distDir = env.DIST_DIR ?? 'dist';
const databaseUrl = env.DATABASE_URL || undefined;
const trustedProxies = trustedProxiesOf(env.TRUST_PROXY);
// The office's reads run on a thread of their own (0: on the main thread, as in the tests).
const readerThreads = env.READER_THREADS === '0' ? 0 : 1;

try {
  await start();
} catch (error) {
  if (!(error instanceof StartupFailure)) throw error;
  jsonLog(error.event, error.fields);
  process.exit(1);
}

async function start(): Promise<void> {
  // Everything that can fail on a file fails here, before the port is bound.
  const tls = tlsCredentialsOf(env.TLS_CERT || undefined, env.TLS_KEY || undefined);
  const sqliteFile = databaseUrl ? undefined : join(dataDir, 'collector.sqlite');
  const givenToken = env.COLLECTOR_ADMIN_TOKEN || undefined;
  if (sqliteFile || !givenToken) prepareDataDir(dataDir, sqliteFile, jsonLog);
  const adminToken = adminTokenOf(dataDir, givenToken, jsonLog);

  const store = databaseUrl
    ? await openPostgresStore(databaseUrl)
    : await openSqliteStore(sqliteFile as string);
  await offerFirstAdmin(store, jsonLog);
  const app = new Hono();
  app.use('*', securityHeaders({ https: tls !== undefined }));
  if (readerThreads > 0)
    app.use(
      '/api/v1/*',
      officeReaders(
        { sqliteFile, databaseUrl, adminToken, trustedProxies: [...trustedProxies] },
        jsonLog,
      ).middleware,
    );
  app.route('/', collectorApi({ store, adminToken, log: jsonLog, trustedProxies }));
  servePwa(app, distDir);

  const onListening = (info: { port: number }) =>
    jsonLog('collector.started', {
      url: servedUrl(tls, info.port),
      storage: store.engine,
      readerThreads,
      trustProxy: [...trustedProxies].join(',') || undefined,
      certificateNames: tls?.names.join(','),
      certificateExpires: tls ? new Date(tls.expiresAt).toISOString() : undefined,
    });
  const server = tls
    ? serve(
        {
          fetch: app.fetch,
          port,
          hostname: host,
          createServer: createHttpsServer,
          serverOptions: { cert: tls.cert, key: tls.key },
        },
        onListening,
      )
    : serve({ fetch: app.fetch, port, hostname: host }, onListening);
  server.once('error', (error: NodeJS.ErrnoException) => {
    jsonLog('collector.listen-failed', { host, port, code: error.code ?? error.message });
    process.exit(1);
  });
  if (!tls && !isLoopback(host) && trustedProxies.size === 0)
    jsonLog('collector.plain-http', {
      host,
      detail:
        'browsers give pages on http:// (other than localhost) no service worker, camera or Web Crypto: set TLS_CERT and TLS_KEY, or serve through an HTTPS proxy (docs/deploy.md)',
    });
}

function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || address.startsWith('127.');
}

/** The address to open: over HTTPS the certificate's first name (the one browsers accept), else localhost for loopback, else the bound address. */
function servedUrl(tls: TlsCredentials | undefined, boundPort: number): string {
  const scheme = tls ? 'https' : 'http';
  const certified = tls?.names.find((n) => !n.startsWith('*'));
  const name = certified ?? (isLoopback(host) ? 'localhost' : host);
  const shown = name.includes(':') ? `[${name}]` : name;
  const defaultPort = tls ? 443 : 80;
  return `${scheme}://${shown}${boundPort === defaultPort ? '' : `:${boundPort}`}/`;
}
