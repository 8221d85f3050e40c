import { Hono } from 'hono';
import { accountChangeSchema, newAccountSchema } from '../../core/accounts.ts';
import { hashPassword } from '../auth/passwords.ts';
import { need, principalOf } from '../http/principal.ts';
import { jsonBody, orRefusal, problem } from '../http/problem-response.ts';
import type { ResourceContext } from './context.ts';

/**
 * The office's accounts (docs/api.md, "Accounts and sessions"): an office admin lists, creates,
 * disables or enables them and sets a new password; each change ends the account's sessions
 * where it must, and is in the audit log.
 */
export function accountResources({ store, log, now, actorOf, audit }: ResourceContext): Hono {
  const routes = new Hono();
  const refused = (code: string, detail: string | undefined) =>
    log('account.refused', { code, detail });

  routes.get('/api/v1/accounts', need('accounts'), async (c) =>
    c.json(await store.accounts.list()),
  );

  routes.post('/api/v1/accounts', need('accounts'), (c) =>
    orRefusal(c, refused, async () => {
      const parsed = newAccountSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
      const { password, ...account } = parsed.data;
      const created = await store.accounts.create({
        ...account,
        communeCode: account.role === 'commune-viewer' ? (account.communeCode ?? null) : null,
        passwordHash: await hashPassword(password),
        createdAt: now(),
        createdBy: actorOf(c),
        disabledAt: null,
        lastSignInAt: null,
      });
      if (!created) return problem(c, 'account.exists');
      await audit(c, 'account.create', account.username, {
        role: account.role,
        communeCode: account.communeCode ?? null,
      });
      const shown = (await store.accounts.list()).find((a) => a.username === account.username);
      return c.json(shown, 201);
    }),
  );

  routes.patch('/api/v1/accounts/:username', need('accounts'), (c) =>
    orRefusal(c, refused, async () => {
      const username = c.req.param('username');
      const parsed = accountChangeSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
      if (!(await store.accounts.find(username))) return problem(c, 'account.unknown');
      const { disabled, password } = parsed.data;
      if (disabled === true && principalOf(c)?.username === username)
        return problem(c, 'account.self');
      if (disabled !== undefined) {
        await store.accounts.setDisabled(username, disabled ? now() : null);
        if (disabled) await store.accounts.endSessionsOf(username);
        await audit(c, disabled ? 'account.disable' : 'account.enable', username);
      }
      if (password !== undefined) {
        await store.accounts.setPassword(username, await hashPassword(password));
        await store.accounts.endSessionsOf(username);
        await store.accounts.clearFailures(username);
        await audit(c, 'account.password', username);
      }
      return c.json((await store.accounts.list()).find((a) => a.username === username));
    }),
  );

  return routes;
}
