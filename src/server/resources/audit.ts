import { Hono } from 'hono';
import { periodInstants } from '../../core/period.ts';
import { auditDocument } from '../../core/tables/audit.ts';
import { exportFormats } from '../../exports/index.ts';
import { download } from '../http/download.ts';
import { periodQuery } from '../http/period-query.ts';
import { need } from '../http/principal.ts';
import { problem } from '../http/problem-response.ts';
import type { ResourceContext } from './context.ts';

/** The audit log, for office admins: read (newest first, the chain checked) and export. */
export function auditResources({ store, log, audit }: ResourceContext): Hono {
  const routes = new Hono();
  const rangeOf = (period: ReturnType<typeof periodQuery>) =>
    period ? periodInstants(period) : { start: 0, end: Number.MAX_SAFE_INTEGER };

  routes.get('/api/v1/audit', need('audit'), async (c) => {
    const period = periodQuery(c);
    if (period === undefined) return problem(c, 'request.period');
    const limit = Number(c.req.query('limit') ?? 500);
    if (!Number.isInteger(limit) || limit < 1) return problem(c, 'request.invalid');
    return c.json(await store.audit.read({ ...rangeOf(period), limit }));
  });

  for (const format of Object.values(exportFormats))
    routes.get(`/api/v1/audit.${format.extension}`, need('audit'), async (c) => {
      const period = periodQuery(c);
      if (period === undefined) return problem(c, 'request.period');
      await audit(c, 'audit.export', format.extension, { period });
      return download(format, auditDocument(store.audit.each(rangeOf(period)), period), log);
    });

  return routes;
}
