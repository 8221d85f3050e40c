import { type Context, Hono } from 'hono';
import { communeFigures } from '../../core/commune-figures.ts';
import { officeFlagSettingsSchema } from '../../core/office-flags.ts';
import { type Period, periodSchema } from '../../core/settings.ts';
import { summariesCsv, summariesXlsx } from '../exports.ts';
import { jsonBody, orRefusal, problem } from '../http/problem-response.ts';
import type { ResourceContext } from './context.ts';

/**
 * What the office reads and decides (all need its credential): the per-commune figures and
 * their spreadsheets, the rows set aside, and the thresholds of its own flags.
 */
export function officeResources({ store, log, now, isAdmin }: ResourceContext): Hono {
  const routes = new Hono();
  /** The period a request names (`from`, `to`: Vietnam days, both included), null for every day. */
  const periodOf = (c: Context): Period | null | undefined => {
    const { from, to } = c.req.query();
    if (from === undefined && to === undefined) return null;
    const parsed = periodSchema.safeParse({ from, to });
    return parsed.success ? parsed.data : undefined;
  };
  const summaries = async (period: Period | null) =>
    (await store.communeTallies(period ?? undefined)).map(({ commune, tallies }) =>
      communeFigures(commune, tallies),
    );

  routes.get('/api/v1/communes', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const period = periodOf(c);
    if (period === undefined) return problem(c, 'request.period');
    return c.json({ period, communes: await summaries(period) });
  });

  routes.get('/api/v1/communes.csv', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const period = periodOf(c);
    if (period === undefined) return problem(c, 'request.period');
    c.header('Content-Disposition', 'attachment; filename="tong-hop-khao-sat.csv"');
    return c.body(summariesCsv(await summaries(period)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    });
  });

  routes.get('/api/v1/communes.xlsx', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const period = periodOf(c);
    if (period === undefined) return problem(c, 'request.period');
    c.header('Content-Disposition', 'attachment; filename="tong-hop-khao-sat.xlsx"');
    return c.body(Uint8Array.from(await summariesXlsx(await summaries(period))), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  routes.get('/api/v1/flagged', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const commune = c.req.query('commune') ?? '';
    if (!/^\d{1,8}$/.test(commune)) return problem(c, 'request.invalid');
    return c.json(await store.flaggedSheets(commune));
  });

  routes.get('/api/v1/set-aside', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    return c.json(await store.setAside());
  });

  routes.get('/api/v1/settings/flags', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    return c.json(await store.officeFlagSettings());
  });

  routes.put('/api/v1/settings/flags', (c) =>
    orRefusal(
      c,
      (code) => log('settings.refused', { code }),
      async () => {
        if (!isAdmin(c)) return problem(c, 'auth.admin');
        const parsed = officeFlagSettingsSchema.safeParse(await jsonBody(c));
        if (!parsed.success) return problem(c, 'request.invalid');
        await store.saveOfficeFlagSettings(parsed.data, now());
        log('settings.flags', { minIntervalSeconds: parsed.data.minIntervalSeconds });
        return c.json(parsed.data);
      },
    ),
  );

  return routes;
}
