import { Hono } from 'hono';
import * as z from 'zod/mini';
import { retentionSchema, sheetReviewSchema } from '../../core/api.ts';
import { communeFigures } from '../../core/commune-figures.ts';
import { officeFlagSettingsSchema } from '../../core/office-flags.ts';
import type { Period } from '../../core/settings.ts';
import { periodQuery } from '../http/period-query.ts';
import { jsonBody, orRefusal, problem } from '../http/problem-response.ts';
import type { ResourceContext } from './context.ts';

const sheetKeySchema = z.object({
  channel: z.enum(['kiosk', 'phone']),
  deviceId: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  seq: z.int().check(z.gte(1)),
});

/**
 * What the office reads and decides (all need its credential): the per-commune figures and
 * their spreadsheets, the rows set aside, and the thresholds of its own flags.
 */
export function officeResources({ store, log, now, isAdmin, actorOf }: ResourceContext): Hono {
  const routes = new Hono();
  const summaries = async (period: Period | null) =>
    (await store.communeTallies(period ?? undefined)).map(({ commune, tallies }) =>
      communeFigures(commune, tallies),
    );

  routes.get('/api/v1/communes', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const period = periodQuery(c);
    if (period === undefined) return problem(c, 'request.period');
    return c.json({ period, communes: await summaries(period) });
  });

  routes.get('/api/v1/flagged', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const commune = c.req.query('commune') ?? '';
    if (!/^\d{1,8}$/.test(commune)) return problem(c, 'request.invalid');
    return c.json(await store.flaggedSheets(commune));
  });

  routes.get('/api/v1/communes/:communeCode/months', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const period = periodQuery(c);
    if (!period) return problem(c, 'request.period');
    const code = c.req.param('communeCode');
    const commune = (await store.communes()).find((k) => k.communeCode === code);
    if (!commune) return problem(c, 'commune.unknown');
    const months = await store.monthlyTallies(code, period);
    return c.json(
      months.map(({ month, tallies }) => ({
        period: month,
        figures: communeFigures(commune, tallies),
      })),
    );
  });

  /** Reasons and suggestions; names and addresses only with `respondents=1` (personal data). */
  routes.get('/api/v1/comments', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    const commune = c.req.query('commune') ?? '';
    const period = periodQuery(c);
    if (!/^\d{1,8}$/.test(commune)) return problem(c, 'request.invalid');
    if (period === undefined) return problem(c, 'request.period');
    const respondents = c.req.query('respondents') === '1';
    if (respondents) log('personal.read', { communeCode: commune, actor: actorOf(c) });
    return c.json(await store.comments(commune, period ?? undefined, respondents));
  });

  routes.put('/api/v1/sheets/:channel/:deviceId/:seq/review', (c) =>
    orRefusal(
      c,
      (code) => log('review.refused', { code }),
      async () => {
        if (!isAdmin(c)) return problem(c, 'auth.admin');
        const key = sheetKeySchema.safeParse({
          channel: c.req.param('channel'),
          deviceId: c.req.param('deviceId'),
          seq: Number(c.req.param('seq')),
        });
        const body = sheetReviewSchema.safeParse(await jsonBody(c));
        if (!key.success || !body.success) return problem(c, 'request.invalid');
        const reviewed = await store.reviewSheet(key.data, {
          ...body.data,
          reason: body.data.reason.trim(),
          by: actorOf(c),
          at: now(),
        });
        if (!reviewed) return problem(c, 'sheet.unknown');
        log('sheet.reviewed', { decision: body.data.decision, deviceId: key.data.deviceId });
        return c.json({ status: 'reviewed' });
      },
    ),
  );

  routes.get('/api/v1/settings/retention', async (c) => {
    if (!isAdmin(c)) return problem(c, 'auth.admin');
    return c.json(await store.retention());
  });

  routes.put('/api/v1/settings/retention', (c) =>
    orRefusal(
      c,
      (code) => log('settings.refused', { code }),
      async () => {
        if (!isAdmin(c)) return problem(c, 'auth.admin');
        const parsed = retentionSchema.safeParse(await jsonBody(c));
        if (!parsed.success) return problem(c, 'request.invalid');
        await store.saveRetention(parsed.data, now());
        await keepRetention(true);
        return c.json(parsed.data);
      },
    ),
  );

  /**
   * The consent notice promises personal data is deleted after the period: at most once an
   * hour (and at once when the office changes the retention), whatever is older goes.
   */
  let retainedAt = 0;
  const keepRetention = async (now_ = false) => {
    const t = now();
    if (!now_ && t - retainedAt < 3_600_000) return;
    retainedAt = t;
    const { days } = await store.retention();
    const purged = await store.purgePersonalData(t - days * 86_400_000, t);
    if (purged > 0) log('personal.purged', { sheets: purged, days });
  };
  routes.use('/api/v1/*', async (_c, next) => {
    await next();
    await keepRetention();
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
