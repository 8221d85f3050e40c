import { Hono } from 'hono';
import * as z from 'zod/mini';
import { COMMUNE_CODE } from '../../core/commune-code.ts';
import { communeFigures } from '../../core/commune-figures.ts';
import { vnDay } from '../../core/period.ts';
import { defaultProfile } from '../../core/profile/registry.ts';
import { scorecardOf } from '../../core/profile/scorecards.ts';
import { appraisalYearOf } from '../../core/scorecard-table.ts';
import {
  type ReportHead,
  scorecardDocument,
  standingsDocument,
  summaryDocument,
} from '../../core/tables/reports.ts';
import { exportFormats } from '../../exports/index.ts';
import { download } from '../http/download.ts';
import { periodQuery } from '../http/period-query.ts';
import { mayFor, need } from '../http/principal.ts';
import { orRefusal, problem } from '../http/problem-response.ts';
import { freshScorecard, scorecardFor, yearStandings } from '../standings.ts';
import type { ResourceContext } from './context.ts';

const yearSchema = z.coerce.number().check(z.int(), z.gte(2024), z.lte(2100));
const line = (text: string | undefined) => (text ?? '').slice(0, 200);

/**
 * The reports ready to sign, as spreadsheets beside their A4 prints (docs/api.md, "Reports"):
 * the Bảng tổng hợp of a period, a commune's Bảng thang chấm điểm of a year, the communes of a
 * year by standing. Every export format serves each of them.
 */
export function reportResources({ store, log, now, scopeOf }: ResourceContext): Hono {
  const routes = new Hono();
  const refused = (code: string, detail: string | undefined) =>
    log('report.refused', { code, detail });
  const headOf = (query: Record<string, string>): ReportHead => ({
    issuer: line(query.issuer).split('\n').slice(0, 2),
    number: line(query.number),
  });
  const defaultScorecard = () => {
    const scorecard = scorecardOf(defaultProfile);
    if (!scorecard) throw new Error('the default profile has no scorecard');
    return scorecard;
  };
  const inScope = (scope: string | null) => (code: string) => scope === null || code === scope;

  for (const format of Object.values(exportFormats)) {
    routes.get(`/api/v1/reports/summary.${format.extension}`, need('read'), (c) =>
      orRefusal(c, refused, async () => {
        const period = periodQuery(c);
        if (period === undefined) return problem(c, 'request.period');
        // Section B is the year's: the period's year, or the appraisal's year now.
        const year = period ? Number(period.to.slice(0, 4)) : appraisalYearOf(vnDay(now()));
        const mine = inScope(scopeOf(c));
        const communes = (await store.communeTallies(period ?? undefined))
          .filter(({ commune }) => mine(commune.communeCode))
          .map(({ commune, tallies }) => communeFigures(commune, tallies));
        const standings = (await yearStandings(store, year)).filter((s) => mine(s.communeCode));
        return download(
          format,
          summaryDocument(communes, standings, defaultScorecard(), period, headOf(c.req.query())),
          log,
        );
      }),
    );

    routes.get(
      `/api/v1/reports/scorecard/:commune/:file{[0-9]{4}\\.${format.extension}}`,
      need('read'),
      (c) =>
        orRefusal(c, refused, async () => {
          const communeCode = c.req.param('commune');
          const year = yearSchema.safeParse(c.req.param('file').split('.')[0]);
          if (!COMMUNE_CODE.test(communeCode) || !year.success)
            return problem(c, 'request.invalid');
          if (!mayFor(c, 'read', communeCode)) return problem(c, 'auth.forbidden');
          const commune = (await store.communes()).find((k) => k.communeCode === communeCode);
          if (!commune) return problem(c, 'commune.unknown');
          const card =
            (await store.scorecard(communeCode, year.data)) ??
            freshScorecard(communeCode, year.data);
          const figures = (await store.communeTallies(card.period))
            .filter((t) => t.commune.communeCode === communeCode)
            .map(({ commune: k, tallies }) => communeFigures(k, tallies))[0];
          return download(
            format,
            scorecardDocument(scorecardFor(card), card, commune.communeName, figures ?? null),
            log,
          );
        }),
    );

    routes.get(`/api/v1/reports/standings.${format.extension}`, need('read'), (c) =>
      orRefusal(c, refused, async () => {
        const year = yearSchema.safeParse(c.req.query('year'));
        if (!year.success) return problem(c, 'request.invalid');
        const mine = inScope(scopeOf(c));
        const standings = (await yearStandings(store, year.data)).filter((s) =>
          mine(s.communeCode),
        );
        return download(
          format,
          standingsDocument(standings, defaultScorecard(), year.data, headOf(c.req.query())),
          log,
        );
      }),
    );
  }

  return routes;
}
