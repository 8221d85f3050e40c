import type { CommuneScorecard } from '../core/appraisal.ts';
import { communeFigures } from '../core/commune-figures.ts';
import { surveyWeekPresets } from '../core/period.ts';
import { Problem } from '../core/problems.ts';
import { defaultProfile, findProfile } from '../core/profile/registry.ts';
import type { Scorecard } from '../core/profile/scorecard-schema.ts';
import { scorecardOf } from '../core/profile/scorecards.ts';
import {
  type CommuneStanding,
  communeStanding,
  rankStandings,
} from '../core/scoring/commune-standing.ts';
import type { Period } from '../core/settings.ts';
import type { CollectorStore } from './store/store.ts';

/** A commune's year before anything was recorded: the default profile, the survey week. */
export function freshScorecard(communeCode: string, year: number): CommuneScorecard {
  return {
    communeCode,
    year,
    profileId: defaultProfile.id,
    profileVersion: defaultProfile.version,
    period: surveyWeekPresets(year)[0]?.period ?? { from: `${year}-11-01`, to: `${year}-11-30` },
    selfScore: null,
    appraisal: {},
    disqualification: null,
    lockedAt: null,
    lockedBy: null,
  };
}

/** The scorecard a record was kept on; 400.24 when this build has none for its profile. */
export function scorecardFor(
  card: Pick<CommuneScorecard, 'profileId' | 'profileVersion'>,
): Scorecard {
  const profile = findProfile(card.profileId, card.profileVersion);
  const scorecard = profile && scorecardOf(profile);
  if (!scorecard) throw new Problem('scorecard.none', `${card.profileId} v${card.profileVersion}`);
  return scorecard;
}

/**
 * Every commune's standing of a year, ranked: each commune's record (or a fresh one), Section A
 * over its own period (the tallies of each distinct period read once), Section B as appraised.
 */
export async function yearStandings(
  store: CollectorStore,
  year: number,
): Promise<CommuneStanding[]> {
  const settings = await store.standingSettings();
  const cards = new Map((await store.scorecards(year)).map((c) => [c.communeCode, c]));
  const communes = await store.communes();
  const cardOf = (code: string) => cards.get(code) ?? freshScorecard(code, year);
  const periods = new Map<string, Period>();
  for (const c of communes) {
    const { period } = cardOf(c.communeCode);
    periods.set(`${period.from}|${period.to}`, period);
  }
  const figures = new Map<string, ReturnType<typeof communeFigures>>();
  for (const [key, period] of periods)
    for (const { commune, tallies } of await store.communeTallies(period))
      figures.set(`${key}|${commune.communeCode}`, communeFigures(commune, tallies));
  return rankStandings(
    communes.flatMap((c) => {
      const card = cardOf(c.communeCode);
      const f = figures.get(`${card.period.from}|${card.period.to}|${c.communeCode}`);
      return f
        ? [
            communeStanding(
              scorecardFor(card),
              f,
              year,
              cards.get(c.communeCode) ?? null,
              card.period,
              settings,
            ),
          ]
        : [];
    }),
  );
}
