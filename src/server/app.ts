import { timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { defaultPhoneQr } from '../core/settings.ts';
import { bodyLimits } from './http/body-limits.ts';
import { clientAddress } from './http/client-address.ts';
import { problem } from './http/problem-response.ts';
import { rateLimiter } from './http/rate-limit.ts';
import type { Log } from './log.ts';
import type { ResourceContext } from './resources/context.ts';
import { deliveryResources } from './resources/deliveries.ts';
import { exportResources } from './resources/exports.ts';
import { kioskResources } from './resources/kiosks.ts';
import { officeResources } from './resources/office.ts';
import { phoneResources } from './resources/phone.ts';
import { scorecardResources } from './resources/scorecards.ts';
import type { CollectorStore } from './store/store.ts';

export { MAX_BATCH_BYTES, MAX_FILE_BYTES } from './http/body-limits.ts';

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
  /** Proxies whose X-Forwarded-For names the client (TRUST_PROXY); none by default. */
  trustedProxies?: ReadonlySet<string>;
}

/** The collector's HTTP API (docs/api.md), one resource a file in ./resources. */
export function collectorApi(options: CollectorOptions): Hono {
  const { store, adminToken, log } = options;
  const now = options.now ?? Date.now;
  const writes = options.writesPerMinute ?? 120;
  const allowWrite = rateLimiter(writes, writes, now);
  const trusted = options.trustedProxies ?? new Set<string>();
  const expected = Buffer.from(`Bearer ${adminToken}`);
  const context: ResourceContext = {
    store,
    log,
    now,
    isAdmin: (c: Context) => {
      const given = Buffer.from(c.req.header('authorization') ?? '');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    clientOf: (c: Context) => clientAddress(c, trusted),
    // One shared office credential for now: its holder is "the office's admin".
    actorOf: () => 'quản trị cơ quan thu phiếu',
  };

  const api = new Hono();
  api.use('/api/*', bodyLimits());
  api.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && !allowWrite(context.clientOf(c)))
      return problem(c, 'rate.limited');
    await next();
  });
  api.route('/', kioskResources(context));
  api.route('/', deliveryResources(context));
  api.route(
    '/',
    phoneResources(context, {
      tokenMinutes: options.phoneTokenMinutes ?? defaultPhoneQr.tokenMinutes,
      deskLimits: options.deskTokensPerMinute ?? { perClient: 4, perCommune: 60 },
    }),
  );
  api.route('/', officeResources(context));
  api.route('/', exportResources(context));
  api.route('/', scorecardResources(context));
  return api;
}
