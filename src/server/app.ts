import { timingSafeEqual, webcrypto } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { kioskRegistrationSchema } from '../core/api.ts';
import { openSealedBatch } from '../core/codec/open.ts';
import { communeFigures } from '../core/commune-figures.ts';
import { Problem, problemCatalogue } from '../core/problems.ts';
import { defaultPhoneQr } from '../core/settings.ts';
import { readSheetsFile, sheetsFileSignatureHolds } from '../core/sheets-file.ts';
import { summariesCsv, summariesXlsx } from './exports.ts';
import type { Log } from './log.ts';
import { phoneRoutes } from './phone-routes.ts';
import { clientOf, problem } from './problem-response.ts';
import { rateLimiter } from './rate-limit.ts';
import type { CollectorStore } from './store/store.ts';

export const MAX_BATCH_BYTES = 1024 * 1024;
/** A JSON export of a busy year, with personal data, stays well under this. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface CollectorOptions {
  store: CollectorStore;
  /** Protects registration and every read. */
  adminToken: string;
  log: Log;
  now?: () => number;
  /** Writes a client may make per minute (after a burst of the same size). */
  writesPerMinute?: number;
  /** Lifetime of the phone tokens a printed desk QR gets from the collector. */
  phoneTokenMinutes?: number;
  /** Desk tokens per minute, per client address and per commune. */
  deskTokensPerMinute?: { perClient: number; perCommune: number };
}

/** The collector's HTTP API (docs/api.md). */
export function collectorApi(options: CollectorOptions): Hono {
  const { store, adminToken, log } = options;
  const now = options.now ?? Date.now;
  const allowWrite = rateLimiter(
    options.writesPerMinute ?? 120,
    options.writesPerMinute ?? 120,
    now,
  );
  const api = new Hono();

  const expected = Buffer.from(`Bearer ${adminToken}`);
  const isAdmin = (c: Context) => {
    const given = Buffer.from(c.req.header('authorization') ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  api.use('/api/v1/*', async (c, next) => {
    if (c.req.method !== 'GET' && !allowWrite(clientOf(c))) return problem(c, 'rate.limited');
    await next();
  });

  api.post('/api/v1/kiosks', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const parsed = kioskRegistrationSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return problem(c, 'request.invalid');
    const key = webcrypto.getRandomValues(new Uint8Array(32));
    const created = await store.registerKiosk({
      ...parsed.data,
      key,
      registeredAt: now(),
      kind: 'kiosk',
    });
    if (!created) return problem(c, 'kiosk.exists');
    log('kiosk.registered', {
      deviceId: parsed.data.deviceId,
      communeCode: parsed.data.communeCode,
    });
    return c.json(
      { deviceId: parsed.data.deviceId, key: Buffer.from(key).toString('base64url') },
      201,
    );
  });

  api.post(
    '/api/v1/batches',
    bodyLimit({ maxSize: MAX_BATCH_BYTES, onError: (c) => problem(c, 'request.too-large') }),
    async (c) => {
      const sealed = new Uint8Array(await c.req.arrayBuffer());
      try {
        let communeCode = '';
        const batch = await openSealedBatch(webcrypto.subtle, sealed, async (deviceId) => {
          const kiosk = await store.findKiosk(deviceId);
          communeCode = kiosk?.communeCode ?? '';
          return kiosk?.key;
        });
        if (batch.communeCode !== communeCode) throw new Problem('kiosk.commune-mismatch');
        const outcome = await store.ingest(communeCode, batch.sheets, now());
        if (!outcome.ok) {
          log('batch.conflict', {
            deviceId: batch.deviceId,
            code: problemCatalogue['sheet.conflict'].code,
          });
          return problem(c, 'sheet.conflict', { conflicts: outcome.conflicts });
        }
        log('batch.stored', {
          deviceId: batch.deviceId,
          received: outcome.received.length,
          duplicates: outcome.duplicates.length,
        });
        return c.json({
          deviceId: batch.deviceId,
          received: outcome.received,
          duplicates: outcome.duplicates,
          serverTime: now(),
        });
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        log('batch.refused', { code: error.code, detail: error.detail });
        return problem(c, error.key);
      }
    },
  );

  api.post(
    '/api/v1/imports',
    bodyLimit({ maxSize: MAX_FILE_BYTES, onError: (c) => problem(c, 'request.too-large') }),
    async (c) => {
      if (!isAdmin(c)) return problem(c, 'auth.admin');
      const reading = readSheetsFile(await c.req.text());
      if (!reading.ok)
        return reading.problem === 'file.invalid'
          ? problem(c, reading.problem, { errors: reading.errors })
          : problem(c, reading.problem);
      const { file } = reading;
      const kiosk = await store.findKiosk(file.deviceId);
      if (!kiosk || !(await sheetsFileSignatureHolds(webcrypto.subtle, kiosk.key, file))) {
        return problem(c, 'batch.bad-signature');
      }
      if (kiosk.communeCode !== file.communeCode) return problem(c, 'kiosk.commune-mismatch');
      const outcome = await store.ingest(kiosk.communeCode, file.sheets, now());
      if (!outcome.ok) return problem(c, 'sheet.conflict', { conflicts: outcome.conflicts });
      log('file.imported', { deviceId: file.deviceId, received: outcome.received.length });
      return c.json({
        deviceId: file.deviceId,
        received: outcome.received,
        duplicates: outcome.duplicates,
        serverTime: now(),
      });
    },
  );

  api.route(
    '/',
    phoneRoutes({
      store,
      log,
      now,
      isAdmin,
      tokenMinutes: options.phoneTokenMinutes ?? defaultPhoneQr.tokenMinutes,
      deskLimits: options.deskTokensPerMinute ?? { perClient: 4, perCommune: 60 },
    }),
  );

  const summaries = async () =>
    Promise.all(
      (await store.communes()).map(async (commune) =>
        communeFigures(commune, await store.sheetGroupsOfCommune(commune.communeCode)),
      ),
    );

  api.get('/api/v1/communes', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    return c.json(await summaries());
  });

  api.get('/api/v1/communes.csv', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    c.header('Content-Disposition', 'attachment; filename="tong-hop-khao-sat.csv"');
    return c.body(summariesCsv(await summaries()), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    });
  });

  api.get('/api/v1/communes.xlsx', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    c.header('Content-Disposition', 'attachment; filename="tong-hop-khao-sat.xlsx"');
    return c.body(Uint8Array.from(await summariesXlsx(await summaries())), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  return api;
}
