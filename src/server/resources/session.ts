import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { firstAdminSchema, type Session, signInSchema } from '../../core/accounts.ts';
import { normalizeCode } from '../../core/enrolment.ts';
import { FIRST_ADMIN_CODE_LENGTH } from '../auth/first-admin.ts';
import { decoyHash, hashPassword, passwordMatches } from '../auth/passwords.ts';
import { principalOf, SESSION_COOKIE, SESSION_HOURS } from '../http/principal.ts';
import { jsonBody, orRefusal, problem } from '../http/problem-response.ts';
import { tokenHash } from '../store/accounts.ts';
import type { ResourceContext } from './context.ts';

/** Failed sign-ins counted over this window: 5 for one name, 20 from one address. */
const FAILURE_WINDOW_MS = 15 * 60_000;
const FAILURES_PER_NAME = 5;
const FAILURES_PER_ADDRESS = 20;

/**
 * Signing in and out of the office (docs/api.md, "Accounts and sessions"), and creating the
 * first office admin with the one-time code the collector logs at first start.
 */
export function sessionResources({ store, log, now, clientOf, audit }: ResourceContext): Hono {
  const routes = new Hono();
  const refused = (code: string, detail: string | undefined) =>
    log('session.refused', { code, detail });

  /** Starts a session: a random token in an HttpOnly, SameSite=Strict cookie; only its hash is stored. */
  const startSession = async (c: Context, username: string) => {
    const token = randomBytes(32).toString('base64url');
    const t = now();
    const expiresAt = t + SESSION_HOURS * 3_600_000;
    await store.accounts.startSession(tokenHash(token), {
      username,
      createdAt: t,
      expiresAt,
      seenAt: t,
    });
    await store.accounts.signedIn(username, t);
    const https =
      new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
    setCookie(c, SESSION_COOKIE, token, {
      path: '/api',
      httpOnly: true,
      sameSite: 'Strict',
      secure: https,
      maxAge: SESSION_HOURS * 3600,
    });
    return expiresAt;
  };

  routes.get('/api/v1/session', async (c) => {
    const principal = principalOf(c);
    const session: Session = {
      account:
        principal?.kind === 'account'
          ? {
              username: principal.username,
              displayName: principal.displayName,
              role: principal.role,
              communeCode: principal.communeCode,
            }
          : null,
      firstAdminNeeded: (await store.accounts.count()) === 0,
      expiresAt: null,
    };
    return c.json(session);
  });

  routes.post('/api/v1/session', (c) =>
    orRefusal(c, refused, async () => {
      const parsed = signInSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
      const username = parsed.data.username.trim().toLowerCase();
      const client = clientOf(c);
      const t = now();
      const failures = await store.accounts.failures(username, client, t - FAILURE_WINDOW_MS);
      if (failures.byName >= FAILURES_PER_NAME || failures.byAddress >= FAILURES_PER_ADDRESS) {
        await audit(c, 'sign-in.locked', username, {}, 'không đăng nhập');
        return problem(c, 'auth.locked');
      }
      const account = await store.accounts.find(username);
      // A missing account costs the same time as a wrong password: names do not leak.
      const matches = await passwordMatches(
        parsed.data.password,
        account?.passwordHash ?? (await decoyHash()),
      );
      if (!account || !matches || account.disabledAt !== null) {
        await store.accounts.recordFailure(username, client, t);
        await audit(c, 'sign-in.failed', username, {}, 'không đăng nhập');
        log('sign-in.failed', { username, client });
        return problem(c, 'auth.bad-credentials');
      }
      await store.accounts.clearFailures(username);
      const expiresAt = await startSession(c, username);
      await audit(c, 'sign-in', username, {}, `${account.displayName} (${account.username})`);
      return c.json({
        account: {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          communeCode: account.communeCode,
        },
        firstAdminNeeded: false,
        expiresAt,
      } satisfies Session);
    }),
  );

  routes.delete('/api/v1/session', async (c) => {
    const principal = principalOf(c);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await store.accounts.endSession(tokenHash(token));
    deleteCookie(c, SESSION_COOKIE, { path: '/api' });
    if (principal?.kind === 'account') await audit(c, 'sign-out', principal.username);
    return c.body(null, 204);
  });

  routes.post('/api/v1/accounts/first', (c) =>
    orRefusal(c, refused, async () => {
      const parsed = firstAdminSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
      const { code, username, displayName, password } = parsed.data;
      const normalized = normalizeCode(code, FIRST_ADMIN_CODE_LENGTH) ?? '';
      const created = await store.accounts.createFirstAdmin(tokenHash(normalized), {
        username,
        displayName,
        role: 'admin',
        communeCode: null,
        passwordHash: await hashPassword(password),
        createdAt: now(),
        createdBy: 'mã tạo quản trị đầu tiên',
        disabledAt: null,
        lastSignInAt: null,
      });
      if (!created) {
        await audit(c, 'account.first-admin-refused', username, {}, 'không đăng nhập');
        return problem(c, 'auth.first-admin-code');
      }
      await audit(
        c,
        'account.create',
        username,
        { role: 'admin', first: true },
        `${displayName} (${username})`,
      );
      log('account.first-admin', { username });
      const expiresAt = await startSession(c, username);
      return c.json(
        {
          account: { username, displayName, role: 'admin', communeCode: null },
          firstAdminNeeded: false,
          expiresAt,
        } satisfies Session,
        201,
      );
    }),
  );

  return routes;
}
