import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { retentionSchema, sheetReviewSchema } from '../../core/api.ts';
import { COMMUNE_CODE } from '../../core/commune-code.ts';
import { communeFigures } from '../../core/commune-figures.ts';
import { officeFlagSettingsSchema } from '../../core/office-flags.ts';
import type { Period } from '../../core/settings.ts';
import { periodQuery } from '../http/period-query.ts';
import { mayFor, need } from '../http/principal.ts';
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
export function officeResources({
  store,
  log,
  now,
  actorOf,
  scopeOf,
  audit,
}: ResourceContext): Hono {
  const routes = new Hono();
  /** Every commune's figures, or a commune viewer's own. */
  const summaries = async (period: Period | null, scope: string | null) =>
    (await store.communeTallies(period ?? undefined))
      .filter(({ commune }) => scope === null || commune.communeCode === scope)
      .map(({ commune, tallies }) => communeFigures(commune, tallies));

  routes.get('/api/v1/communes', need('read'), async (c) => {
    const period = periodQuery(c);
    if (period === undefined) return problem(c, 'request.period');
    return c.json({ period, communes: await summaries(period, scopeOf(c)) });
  });

  routes.get('/api/v1/flagged', need('read'), async (c) => {
    const commune = c.req.query('commune') ?? '';
    if (!COMMUNE_CODE.test(commune)) return problem(c, 'request.invalid');
    if (!mayFor(c, 'read', commune)) return problem(c, 'auth.forbidden');
    return c.json(await store.flaggedSheets(commune));
  });

  routes.get('/api/v1/communes/:communeCode/months', need('read'), async (c) => {
    const period = periodQuery(c);
    if (!period) return problem(c, 'request.period');
    const code = c.req.param('communeCode');
    if (!mayFor(c, 'read', code)) return problem(c, 'auth.forbidden');
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
  routes.get('/api/v1/comments', need('read'), async (c) => {
    const commune = c.req.query('commune') ?? '';
    const period = periodQuery(c);
    if (!COMMUNE_CODE.test(commune)) return problem(c, 'request.invalid');
    if (period === undefined) return problem(c, 'request.period');
    if (!mayFor(c, 'read', commune)) return problem(c, 'auth.forbidden');
    const respondents = c.req.query('respondents') === '1';
    if (respondents) {
      if (!mayFor(c, 'read-personal', commune)) return problem(c, 'auth.forbidden');
      log('personal.read', { communeCode: commune, actor: actorOf(c) });
      await audit(c, 'personal.read', commune, { period });
    }
    return c.json(await store.comments(commune, period ?? undefined, respondents));
  });

  routes.put('/api/v1/sheets/:channel/:deviceId/:seq/review', need('decide'), (c) =>
    orRefusal(
      c,
      (code) => log('review.refused', { code }),
      async () => {
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
        await audit(c, 'sheet.review', `${key.data.channel}/${key.data.deviceId}/${key.data.seq}`, {
          decision: body.data.decision,
          reason: body.data.reason.trim(),
        });
        log('sheet.reviewed', { decision: body.data.decision, deviceId: key.data.deviceId });
        return c.json({ status: 'reviewed' });
      },
    ),
  );

  routes.get('/api/v1/settings/retention', need('read'), async (c) => {
    return c.json(await store.retention());
  });

  routes.put('/api/v1/settings/retention', need('settings'), (c) =>
    orRefusal(
      c,
      (code) => log('settings.refused', { code }),
      async () => {
        const parsed = retentionSchema.safeParse(await jsonBody(c));
        if (!parsed.success) return problem(c, 'request.invalid');
        await store.saveRetention(parsed.data, now());
        await audit(c, 'settings.retention', 'retention', parsed.data);
        await keepRetention(c, true);
        return c.json(parsed.data);
      },
    ),
  );

  /**
   * The consent notice promises personal data is deleted after the period: at most once an
   * hour (and at once when the office changes the retention), whatever is older goes.
   */
  let retainedAt = 0;
  const keepRetention = async (c: Context, now_ = false) => {
    const t = now();
    if (!now_ && t - retainedAt < 3_600_000) return;
    retainedAt = t;
    const { days } = await store.retention();
    const purged = await store.purgePersonalData(t - days * 86_400_000, t);
    if (purged > 0) {
      log('personal.purged', { sheets: purged, days });
      await audit(
        c,
        'personal.purge',
        'retention',
        { sheets: purged, days },
        'máy chủ thu phiếu (tự động)',
      );
    }
  };
  routes.use('/api/v1/*', async (c, next) => {
    await next();
    await keepRetention(c);
  });

  routes.get('/api/v1/set-aside', need('read'), async (c) => {
    const scope = scopeOf(c);
    return c.json(
      (await store.setAside()).filter((r) => scope === null || r.communeCode === scope),
    );
  });

  routes.get('/api/v1/settings/flags', need('read'), async (c) => {
    return c.json(await store.officeFlagSettings());
  });

  routes.put('/api/v1/settings/flags', need('settings'), (c) =>
    orRefusal(
      c,
      (code) => log('settings.refused', { code }),
      async () => {
        const parsed = officeFlagSettingsSchema.safeParse(await jsonBody(c));
        if (!parsed.success) return problem(c, 'request.invalid');
        await store.saveOfficeFlagSettings(parsed.data, now());
        await audit(c, 'settings.flags', 'flags', parsed.data);
        log('settings.flags', { minIntervalSeconds: parsed.data.minIntervalSeconds });
        return c.json(parsed.data);
      },
    ),
  );

  return routes;
}
