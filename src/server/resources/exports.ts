import { Hono } from 'hono';
import { COMMUNE_CODE } from '../../core/commune-code.ts';
import { communeFigures } from '../../core/commune-figures.ts';
import { figuresDocument } from '../../core/tables/figures.ts';
import { sheetsDocument } from '../../core/tables/sheets.ts';
import { exportFormats } from '../../exports/index.ts';
import { download } from '../http/download.ts';
import { periodQuery } from '../http/period-query.ts';
import { mayFor, need } from '../http/principal.ts';
import { problem } from '../http/problem-response.ts';
import type { ResourceContext } from './context.ts';

/**
 * The office's downloads, each in every export format (src/exports): the per-commune figures
 * of a period and the sheets themselves, streamed (docs/api.md, "Exports"). Each states its
 * period in its title row and its file name.
 */
export function exportResources({ store, log, actorOf, scopeOf, audit }: ResourceContext): Hono {
  const routes = new Hono();

  for (const format of Object.values(exportFormats)) {
    routes.get(`/api/v1/communes.${format.extension}`, need('read'), async (c) => {
      const period = periodQuery(c);
      if (period === undefined) return problem(c, 'request.period');
      const scope = scopeOf(c);
      const communes = (await store.communeTallies(period ?? undefined))
        .filter(({ commune }) => scope === null || commune.communeCode === scope)
        .map(({ commune, tallies }) => communeFigures(commune, tallies));
      return download(format, figuresDocument(communes, period), log);
    });

    /** One row a sheet, for a commune or all; names and reasons only with `personal=1`. */
    routes.get(`/api/v1/sheets.${format.extension}`, need('read'), async (c) => {
      const period = periodQuery(c);
      if (period === undefined) return problem(c, 'request.period');
      // A commune's own viewer gets its commune whatever it asks for.
      const code = scopeOf(c) ?? c.req.query('commune');
      if (code !== undefined && !COMMUNE_CODE.test(code)) return problem(c, 'request.invalid');
      const personal = c.req.query('personal') === '1';
      if (personal && !mayFor(c, 'read-personal', code)) return problem(c, 'auth.forbidden');
      const commune =
        code === undefined
          ? undefined
          : (await store.communes()).find((k) => k.communeCode === code);
      if (code !== undefined && !commune) return problem(c, 'commune.unknown');
      if (personal) {
        log('personal.read', { communeCode: code ?? 'all', actor: actorOf(c), export: true });
        await audit(c, 'personal.export', code ?? 'tất cả các xã', {
          format: format.extension,
          period,
        });
      }
      const records = store.storedSheets({
        ...(code === undefined ? {} : { communeCode: code }),
        ...(period ? { period } : {}),
      });
      return download(
        format,
        sheetsDocument(records, {
          office: true,
          personal,
          period,
          ...(commune ? { commune: { code: commune.communeCode, name: commune.communeName } } : {}),
        }),
        log,
      );
    });
  }

  return routes;
}
