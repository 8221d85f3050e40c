import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { allows, type Permission, type Principal } from '../../core/accounts.ts';
import type { Log } from '../log.ts';
import { tokenHash } from '../store/accounts.ts';
import type { CollectorStore } from '../store/store.ts';
import { problem } from './problem-response.ts';
import { rateLimiter } from './rate-limit.ts';

/**
 * Who makes a request (issue 11): an office account by its session cookie, or the bootstrap
 * token of scripts and automation (docs/deploy.md). Resolved once per request; `need(permission)`
 * refuses what the principal's role does not grant.
 */

export const SESSION_COOKIE = 'ks_session';
/** A session ends 12 hours after sign-in, or after 2 hours without a request. */
export const SESSION_HOURS = 12;
export const SESSION_IDLE_MS = 2 * 3_600_000;
/** Activity is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const PRINCIPAL = 'principal';

/** The principal the middleware found for this request, if any. */
export function principalOf(c: Context): Principal | undefined {
  return c.get(PRINCIPAL as never) as Principal | undefined;
}

export const TOKEN_PRINCIPAL: Principal = {
  kind: 'token',
  username: 'token',
  displayName: 'mã quản trị (tự động hóa)',
  role: 'admin',
  communeCode: null,
};

export interface PrincipalOptions {
  store: CollectorStore;
  /** The bootstrap token (COLLECTOR_ADMIN_TOKEN or the data directory's admin-token). */
  bootstrapToken: string;
  now: () => number;
  log: Log;
  clientOf: (c: Context) => string;
}

export function resolvePrincipal({
  store,
  bootstrapToken,
  now,
  log,
  clientOf,
}: PrincipalOptions): MiddlewareHandler {
  const expected = Buffer.from(`Bearer ${bootstrapToken}`);
  // Wrong credentials per address and minute, per process: a guesser is slowed, never a user.
  const allowFailure = rateLimiter(20, 20, now);
  const tokenHolds = (header: string) => {
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  async function sessionPrincipal(token: string): Promise<Principal | undefined> {
    const hash = tokenHash(token);
    const session = await store.accounts.session(hash);
    const t = now();
    if (!session || session.expiresAt <= t || session.seenAt + SESSION_IDLE_MS <= t)
      return undefined;
    const account = await store.accounts.find(session.username);
    if (!account || account.disabledAt !== null) return undefined;
    if (t - session.seenAt >= TOUCH_EVERY_MS) await store.accounts.touchSession(hash, t);
    return {
      kind: 'account',
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      communeCode: account.role === 'commune-viewer' ? account.communeCode : null,
    };
  }

  return async (c, next) => {
    const authorization = c.req.header('authorization');
    const cookie = getCookie(c, SESSION_COOKIE);
    let principal: Principal | undefined;
    if (authorization !== undefined)
      principal = tokenHolds(authorization) ? TOKEN_PRINCIPAL : undefined;
    else if (cookie) principal = await sessionPrincipal(cookie);
    const offered = authorization !== undefined || Boolean(cookie);
    if (offered && !principal) {
      const client = clientOf(c);
      log('auth.failed', { path: c.req.path, client, by: authorization ? 'token' : 'session' });
      if (!allowFailure(client)) return problem(c, 'rate.limited');
    }
    if (principal) {
      // A cookie rides along on any request the browser makes: a change must come from our page.
      const origin = c.req.header('origin');
      const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
      if (
        unsafe &&
        principal.kind === 'account' &&
        origin &&
        new URL(origin).host !== c.req.header('host')
      )
        return problem(c, 'auth.cross-site');
      c.set(PRINCIPAL as never, principal as never);
    }
    await next();
  };
}

/** Refuses a request whose principal may not do this (401 signed out, 403 not allowed). */
export function need(permission: Permission): MiddlewareHandler {
  return async (c, next) => {
    const principal = principalOf(c);
    if (!principal)
      return problem(c, c.req.header('authorization') ? 'auth.admin' : 'auth.signed-out');
    if (!allows(principal, permission)) return problem(c, 'auth.forbidden');
    await next();
  };
}

/** Whether the request's principal may do this for this commune (a commune viewer: its own only). */
export function mayFor(c: Context, permission: Permission, communeCode?: string): boolean {
  const principal = principalOf(c);
  return principal !== undefined && allows(principal, permission, communeCode);
}
