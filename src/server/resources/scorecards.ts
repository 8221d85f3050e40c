import { webcrypto } from 'node:crypto';
import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import {
  appraisalEntriesSchema,
  type CommuneScorecard,
  type ScorecardEvent,
  selfScoreEntriesSchema,
  selfScoreFileSchema,
  selfScoreSignatureHolds,
} from '../../core/appraisal.ts';
import { hmacSigner } from '../../core/codec/seal.ts';
import { COMMUNE_CODE } from '../../core/commune-code.ts';
import { type Fault, Problem } from '../../core/problems.ts';
import type { Scorecard } from '../../core/profile/scorecard-schema.ts';
import { standingSettingsSchema } from '../../core/scoring/commune-standing.ts';
import { sectionBLeaves } from '../../core/scoring/section-b.ts';
import { periodSchema } from '../../core/settings.ts';
import { mayFor, need } from '../http/principal.ts';
import { jsonBody, orRefusal, problem, utf8Body } from '../http/problem-response.ts';
import { freshScorecard, scorecardFor, yearStandings } from '../standings.ts';
import type { ResourceContext } from './context.ts';

const yearSchema = z.coerce.number().check(z.int(), z.gte(2024), z.lte(2100));
const communeSchema = z.string().check(z.regex(COMMUNE_CODE));
const appraisalBodySchema = z.object({ entries: appraisalEntriesSchema });
const selfScoreBodySchema = z.object({ entries: selfScoreEntriesSchema });
const disqualificationBodySchema = z.object({
  id: z.nullable(z.string()),
  reason: z.string().check(z.maxLength(1000)),
});
const unlockBodySchema = z.object({ reason: z.string().check(z.minLength(1), z.maxLength(1000)) });

/**
 * Section B of each commune's year, and the standings (docs/api.md, "Scorecards"): the
 * commune's self-score (from its kiosk, signed, or typed at the office), the office's appraisal
 * leaf by leaf with a reason wherever it differs, a disqualification, the lock, and every change
 * in the record's history.
 */
export function scorecardResources({
  store,
  log,
  now,
  actorOf,
  scopeOf,
  audit,
}: ResourceContext): Hono {
  const routes = new Hono();
  const refused = (code: string, detail: string | undefined) =>
    log('scorecard.refused', { code, detail });

  const fresh = (communeCode: string, year: number) => () => freshScorecard(communeCode, year);
  const target = (c: Context) => {
    const communeCode = communeSchema.safeParse(c.req.param('commune'));
    const year = yearSchema.safeParse(c.req.param('year'));
    if (!communeCode.success || !year.success) throw new Problem('request.invalid');
    return { communeCode: communeCode.data, year: year.data };
  };

  /** The year's standings, ranked among every commune, then cut to one when asked. */
  const standingsOf = async (year: number, only?: string) =>
    (await yearStandings(store, year)).filter((s) => !only || s.communeCode === only);

  /** Applies a change to a commune's year unless its appraisal is locked. */
  const change = async (
    c: Context,
    apply: (
      card: CommuneScorecard,
      scorecard: Scorecard,
    ) => {
      next: CommuneScorecard;
      events: Omit<ScorecardEvent, 'at' | 'by'>[];
    },
    options: { whenLocked?: boolean } = {},
  ) => {
    const { communeCode, year } = target(c);
    let recorded: Omit<ScorecardEvent, 'at' | 'by'>[] = [];
    const stored = await store.changeScorecard(
      communeCode,
      year,
      fresh(communeCode, year),
      (card) => {
        if (card.lockedAt !== null && !options.whenLocked) throw new Problem('scorecard.locked');
        const changed = apply(card, scorecardFor(card));
        recorded = changed.events;
        return changed;
      },
      actorOf(c),
      now(),
    );
    // The record's own history has every leaf; the audit log says who touched which year.
    if (recorded.length > 0)
      await audit(c, `scorecard.${recorded[0]?.field ?? 'change'}`, `${communeCode}/${year}`, {
        changes: recorded.length,
        leaves: recorded.flatMap((e) => (e.leafId ? [e.leafId] : [])).slice(0, 50),
      });
    return stored;
  };

  const answer = async (c: Context, card?: CommuneScorecard) => {
    const { communeCode, year } = target(c);
    const current =
      card ?? (await store.scorecard(communeCode, year)) ?? fresh(communeCode, year)();
    const [standing] = await standingsOf(year, communeCode);
    return c.json({
      scorecard: current,
      standing: standing ?? null,
      events: await store.scorecardEvents(communeCode, year),
    });
  };

  routes.get('/api/v1/scorecards/:commune/:year', need('read'), (c) =>
    orRefusal(c, refused, async () => {
      if (!mayFor(c, 'read', target(c).communeCode)) return problem(c, 'auth.forbidden');
      return answer(c);
    }),
  );

  routes.put('/api/v1/scorecards/:commune/:year/self-score', need('decide'), (c) =>
    orRefusal(c, refused, async () => {
      const body = selfScoreBodySchema.safeParse(await jsonBody(c));
      if (!body.success) return problem(c, 'request.invalid');
      const entries = body.data.entries;
      const card = await change(c, (current, scorecard) => {
        checkEntries(scorecard, entries);
        return {
          next: {
            ...current,
            selfScore: { source: 'office', submittedAt: now(), by: actorOf(c), entries },
          },
          events: leafEvents('self-score', current.selfScore?.entries ?? {}, entries),
        };
      });
      return answer(c, card);
    }),
  );

  routes.put('/api/v1/scorecards/:commune/:year/appraisal', need('decide'), (c) =>
    orRefusal(c, refused, async () => {
      const body = appraisalBodySchema.safeParse(await jsonBody(c));
      if (!body.success) return problem(c, 'request.invalid');
      const card = await change(c, (current, scorecard) => {
        checkEntries(scorecard, body.data.entries);
        const self = current.selfScore?.entries ?? {};
        const unexplained: Fault[] = Object.entries(body.data.entries).flatMap(([id, entry]) =>
          self[id] !== undefined &&
          self[id].halfPoints !== entry.halfPoints &&
          !entry.reason?.trim()
            ? [{ path: id, message: '400.23' }]
            : [],
        );
        if (unexplained.length > 0)
          throw new Problem('scorecard.reason-needed', undefined, unexplained);
        const appraisal = { ...current.appraisal, ...body.data.entries };
        return {
          next: { ...current, appraisal },
          events: leafEvents('appraisal', current.appraisal, body.data.entries),
        };
      });
      return answer(c, card);
    }),
  );

  routes.put('/api/v1/scorecards/:commune/:year/disqualification', need('decide'), (c) =>
    orRefusal(c, refused, async () => {
      const body = disqualificationBodySchema.safeParse(await jsonBody(c));
      if (!body.success) return problem(c, 'request.invalid');
      const card = await change(c, (current, scorecard) => {
        const { id, reason } = body.data;
        if (id !== null && (!scorecard.disqualifiers.some((d) => d.id === id) || !reason.trim()))
          throw new Problem('request.invalid', `disqualifier ${id}`);
        const next = id === null ? null : { id, reason: reason.trim() };
        return {
          next: { ...current, disqualification: next },
          events: [
            {
              field: 'disqualification',
              leafId: null,
              before: current.disqualification ? JSON.stringify(current.disqualification) : null,
              after: next ? JSON.stringify(next) : null,
              reason: reason.trim() || null,
            },
          ],
        };
      });
      return answer(c, card);
    }),
  );

  routes.put('/api/v1/scorecards/:commune/:year/period', need('decide'), (c) =>
    orRefusal(c, refused, async () => {
      const body = periodSchema.safeParse(await jsonBody(c));
      if (!body.success) return problem(c, 'request.period');
      const card = await change(c, (current) => ({
        next: { ...current, period: body.data },
        events: [
          {
            field: 'period',
            leafId: null,
            before: JSON.stringify(current.period),
            after: JSON.stringify(body.data),
            reason: null,
          },
        ],
      }));
      return answer(c, card);
    }),
  );

  routes.post('/api/v1/scorecards/:commune/:year/lock', need('decide'), (c) =>
    orRefusal(c, refused, async () => {
      const card = await change(c, (current) => ({
        next: { ...current, lockedAt: now(), lockedBy: actorOf(c) },
        events: [{ field: 'lock', leafId: null, before: null, after: null, reason: null }],
      }));
      log('scorecard.locked', { communeCode: card.communeCode, year: card.year });
      return answer(c, card);
    }),
  );

  routes.post('/api/v1/scorecards/:commune/:year/unlock', need('decide'), (c) =>
    orRefusal(c, refused, async () => {
      const body = unlockBodySchema.safeParse(await jsonBody(c));
      if (!body.success) return problem(c, 'request.invalid');
      const card = await change(
        c,
        (current) => ({
          next: { ...current, lockedAt: null, lockedBy: null },
          events: [
            { field: 'unlock', leafId: null, before: null, after: null, reason: body.data.reason },
          ],
        }),
        { whenLocked: true },
      );
      return answer(c, card);
    }),
  );

  /** A kiosk's signed self-score (Bước 1): its key is its credential, as for its sheets. */
  routes.post('/api/v1/self-scores', (c) =>
    orRefusal(c, refused, async () => {
      let json: unknown;
      try {
        json = JSON.parse(await utf8Body(c));
      } catch (error) {
        if (error instanceof Problem) throw error;
        return problem(c, 'file.unreadable');
      }
      const parsed = selfScoreFileSchema.safeParse(json);
      if (!parsed.success) return problem(c, 'file.invalid');
      const file = parsed.data;
      const kiosk = await store.findKiosk(file.deviceId);
      if (
        kiosk?.kind !== 'kiosk' ||
        !(await selfScoreSignatureHolds(hmacSigner(webcrypto.subtle, kiosk.key), file))
      )
        throw new Problem('batch.bad-signature', file.deviceId);
      if (kiosk.revokedAt !== null) throw new Problem('kiosk.revoked', kiosk.deviceId);
      if (kiosk.communeCode !== file.communeCode) throw new Problem('kiosk.commune-mismatch');
      let fresher = true;
      await store.changeScorecard(
        file.communeCode,
        file.year,
        fresh(file.communeCode, file.year),
        (current) => {
          if (current.lockedAt !== null) throw new Problem('scorecard.locked');
          const scorecard = scorecardFor({
            profileId: file.profileId,
            profileVersion: file.profileVersion,
          });
          checkEntries(scorecard, file.entries);
          // The same file again, or an older one arriving late, changes nothing.
          fresher = (current.selfScore?.submittedAt ?? -1) < file.submittedAt;
          if (!fresher) return { next: current, events: [] };
          return {
            next: {
              ...current,
              profileId: file.profileId,
              profileVersion: file.profileVersion,
              selfScore: {
                source: 'kiosk',
                submittedAt: file.submittedAt,
                by: file.deviceId,
                entries: file.entries,
              },
            },
            events: leafEvents('self-score', current.selfScore?.entries ?? {}, file.entries),
          };
        },
        file.deviceId,
        now(),
      );
      log('self-score.received', { deviceId: file.deviceId, year: file.year, fresh: fresher });
      if (fresher)
        await audit(
          c,
          'self-score.received',
          `${file.communeCode}/${file.year}`,
          {
            leaves: Object.keys(file.entries).length,
          },
          `máy ${file.deviceId}`,
        );
      return c.json({ status: fresher ? 'received' : 'duplicate' }, fresher ? 201 : 200);
    }),
  );

  routes.get('/api/v1/standings', need('read'), (c) =>
    orRefusal(c, refused, async () => {
      const year = yearSchema.safeParse(c.req.query('year'));
      if (!year.success) return problem(c, 'request.invalid');
      return c.json({
        year: year.data,
        settings: await store.standingSettings(),
        standings: (await standingsOf(year.data)).filter(
          (s) => scopeOf(c) === null || s.communeCode === scopeOf(c),
        ),
      });
    }),
  );

  routes.get('/api/v1/settings/standing', need('read'), async (c) => {
    return c.json(await store.standingSettings());
  });

  routes.put('/api/v1/settings/standing', need('settings'), (c) =>
    orRefusal(c, refused, async () => {
      const parsed = standingSettingsSchema.safeParse(await jsonBody(c));
      if (!parsed.success) return problem(c, 'request.invalid');
      await store.saveStandingSettings(parsed.data, now());
      await audit(c, 'settings.standing', 'standing', parsed.data);
      return c.json(parsed.data);
    }),
  );

  return routes;
}

/** Refuses entries for a leaf the scorecard does not have, or above a leaf's maximum. */
function checkEntries(scorecard: Scorecard, entries: Record<string, { halfPoints: number }>) {
  const leaves = new Map(sectionBLeaves(scorecard).map((l) => [l.id, l.maxHalfPoints]));
  const faults: Fault[] = Object.entries(entries).flatMap(([id, entry]) => {
    const max = leaves.get(id);
    return max === undefined || entry.halfPoints > max
      ? [{ path: id, message: max === undefined ? 'not a leaf' : `above ${max} half-points` }]
      : [];
  });
  if (faults.length > 0) throw new Problem('scorecard.invalid', undefined, faults);
}

/** One event a leaf whose entry changed. */
function leafEvents(
  field: 'self-score' | 'appraisal',
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Omit<ScorecardEvent, 'at' | 'by'>[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return ids.flatMap((id) => {
    const was = before[id] === undefined ? null : JSON.stringify(before[id]);
    const now = after[id] === undefined ? null : JSON.stringify(after[id]);
    if (was === now || (field === 'appraisal' && after[id] === undefined)) return [];
    const reason = (after[id] as { reason?: string } | undefined)?.reason ?? null;
    return [{ field, leafId: id, before: was, after: now, reason }];
  });
}
