import { type Context, Hono } from 'hono';
import { actorName } from '../core/accounts.ts';
import { defaultPhoneQr } from '../core/settings.ts';
import { bodyLimits } from './http/body-limits.ts';
import { clientAddress } from './http/client-address.ts';
import { principalOf, resolvePrincipal } from './http/principal.ts';
import { problem } from './http/problem-response.ts';
import { rateLimiter } from './http/rate-limit.ts';
import type { Log } from './log.ts';
import { accountResources } from './resources/accounts.ts';
import { auditResources } from './resources/audit.ts';
import type { ResourceContext } from './resources/context.ts';
import { deliveryResources } from './resources/deliveries.ts';
import { enrolmentResources } from './resources/enrolments.ts';
import { exportResources } from './resources/exports.ts';
import { kioskResources } from './resources/kiosks.ts';
import { officeResources } from './resources/office.ts';
import { phoneResources } from './resources/phone.ts';
import { reportResources } from './resources/reports.ts';
import { scorecardResources } from './resources/scorecards.ts';
import { sessionResources } from './resources/session.ts';
import type { CollectorStore } from './store/store.ts';

export { MAX_BATCH_BYTES, MAX_FILE_BYTES } from './http/body-limits.ts';

export interface CollectorOptions {
  store: CollectorStore;
  /** The bootstrap token for scripts and automation; people sign in with accounts. */
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
  const clientOf = (c: Context) => clientAddress(c, trusted);
  const actorOf = (c: Context) => {
    const principal = principalOf(c);
    return principal ? actorName(principal) : 'không đăng nhập';
  };
  const context: ResourceContext = {
    store,
    log,
    now,
    clientOf,
    actorOf,
    scopeOf: (c) => principalOf(c)?.communeCode ?? null,
    async audit(c, action, target, detail = {}, actor = actorOf(c)) {
      await store.audit.append({
        at: now(),
        actor,
        action,
        target,
        detail: JSON.stringify(detail),
        address: clientOf(c),
      });
    },
  };

  const api = new Hono();
  api.use('/api/*', bodyLimits());
  api.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && !allowWrite(context.clientOf(c)))
      return problem(c, 'rate.limited');
    await next();
  });
  api.use('/api/*', resolvePrincipal({ store, bootstrapToken: adminToken, now, log, clientOf }));
  api.route('/', sessionResources(context));
  api.route('/', accountResources(context));
  api.route('/', auditResources(context));
  api.route('/', enrolmentResources(context));
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
  api.route('/', reportResources(context));
  api.route('/', scorecardResources(context));
  return api;
}
