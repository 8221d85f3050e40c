/**
 * The collector: the HTTP API and the built PWA, on one port, storing into an embedded
 * SQLite file, or PostgreSQL when DATABASE_URL is set. Configuration by environment
 * (docs/api.md, "Running the collector").
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { collectorApi } from './app.ts';
import { jsonLog } from './log.ts';
import { servePwa } from './static-app.ts';
import { openPostgresStore, openSqliteStore } from './store/collector-store.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.DATA_DIR ?? 'data';
const distDir = process.env.DIST_DIR ?? 'dist';

mkdirSync(dataDir, { recursive: true });
const tokenFile = join(dataDir, 'admin-token');
const adminToken =
  process.env.COLLECTOR_ADMIN_TOKEN ??
  (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : createToken(tokenFile));

// PostgreSQL when DATABASE_URL is set; otherwise the embedded SQLite file.
const databaseUrl = process.env.DATABASE_URL;
const store = databaseUrl
  ? await openPostgresStore(databaseUrl)
  : await openSqliteStore(join(dataDir, 'collector.sqlite'));
const app = new Hono();
app.route('/', collectorApi({ store, adminToken, log: jsonLog }));
servePwa(app, distDir);

serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  jsonLog('collector.started', {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${info.port}/`,
  });
});

function createToken(file: string): string {
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  jsonLog('collector.admin-token-created', { file });
  return token;
}
