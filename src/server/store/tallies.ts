import { vnDay } from '../../core/period.ts';
import { addTally, type Tally, tallyKeyText, tallyOfSheet } from '../../core/scoring/tally.ts';
import type { Period } from '../../core/settings.ts';
import type { Row, Sql } from './engine.ts';

/**
 * The `tallies` table (src/core/scoring/tally.ts): per commune, Vietnam day, form, profile
 * version, channel, flagged and reviewed state, what every figure needs. Kept exact in the
 * transaction that changes the sheets. Beside each day's row the month's sum is kept too, under
 * the month (`day` = "2026-11"), so a year's figures read twelve months and the edge days of a
 * period, a few thousand rows, not a million sheets nor a year of days.
 */
export interface TallyChange {
  communeCode: string;
  day: string;
  tally: Tally;
  sign: 1 | -1;
  receivedAt: number;
}

/** What a stored sheet row adds to the tallies (or, with sign −1, takes away); none for a row it cannot score. */
export function tallyChangeOf(
  row: Row,
  sign: 1 | -1,
  state?: { flagged: boolean; excluded: boolean },
): TallyChange[] {
  const tally = tallyOfSheet(
    {
      formId: row.form_id === 'cadre' ? 'cadre' : 'citizen',
      profileId: String(row.profile_id),
      profileVersion: Number(row.profile_version),
      channel: row.channel === 'phone' ? 'phone' : 'kiosk',
      answers: String(row.answers).split(','),
    },
    state?.flagged ?? String(row.office_flags ?? '') !== '',
    state?.excluded ?? Number(row.excluded) === 1,
  );
  return tally
    ? [
        {
          communeCode: String(row.commune_code),
          day: vnDay(Number(row.created_at)),
          tally,
          sign,
          receivedAt: Number(row.received_at),
        },
      ]
    : [];
}

/** The lock every change to the `tallies` table holds until its transaction ends. */
const TALLIES_LOCK = 'tallies';

/** Applies changes to the stored tallies (merged by key first: a batch touches a few rows). */
export async function applyTallies(sql: Sql, changes: readonly TallyChange[]): Promise<void> {
  const merged = new Map<string, TallyChange>();
  for (const change of changes) {
    const key = `${change.communeCode}|${change.day}|${tallyKeyText(change.tally)}`;
    const known = merged.get(key);
    const signed =
      change.sign === 1 ? change.tally : addTally(empty(change.tally), change.tally, -1);
    merged.set(key, {
      ...change,
      sign: 1,
      tally: known ? addTally(known.tally, signed) : signed,
      receivedAt: Math.max(known?.receivedAt ?? 0, change.sign === 1 ? change.receivedAt : 0),
    });
  }
  if (merged.size === 0) return;
  // Every day's change is also its month's (docs/scoring.md, "Tallies").
  for (const change of [...merged.values()]) {
    const month = change.day.slice(0, 7);
    const key = `${change.communeCode}|${month}|${tallyKeyText(change.tally)}`;
    const known = merged.get(key);
    merged.set(key, {
      ...change,
      day: month,
      tally: known ? addTally(known.tally, change.tally) : change.tally,
      receivedAt: Math.max(known?.receivedAt ?? 0, change.receivedAt),
    });
  }
  // Each row is read, added to and written back: two transactions doing that at once (two
  // collectors on one PostgreSQL, or two requests of one) would lose a change or both insert
  // the same new row. One lock for the table, held to commit, so a rebuild also waits for a
  // delivery under way, and a delivery for a rebuild.
  await sql.lock(TALLIES_LOCK);
  for (const { communeCode, day, tally, receivedAt } of merged.values()) {
    const key = [
      communeCode,
      day,
      tally.formId,
      tally.profileId,
      tally.profileVersion,
      tally.channel,
      tally.flagged ? 1 : 0,
      tally.excluded ? 1 : 0,
    ];
    const [row] = await sql.all(
      `SELECT * FROM tallies WHERE commune_code = $1 AND day = $2 AND form_id = $3 AND profile_id = $4
       AND profile_version = $5 AND channel = $6 AND flagged = $7 AND excluded = $8`,
      key,
    );
    const total = row ? addTally(tallyOf(row), tally) : tally;
    if (total.sheets < 0 || total.distribution.some((n) => n < 0))
      throw new RangeError(`A tally of ${communeCode} on ${day} would go below zero`);
    if (total.sheets === 0) {
      await sql.run(
        `DELETE FROM tallies WHERE commune_code = $1 AND day = $2 AND form_id = $3 AND profile_id = $4
         AND profile_version = $5 AND channel = $6 AND flagged = $7 AND excluded = $8`,
        key,
      );
      continue;
    }
    const values = [
      total.sheets,
      total.halfPoints,
      total.halfPointsSquared,
      total.satisfied,
      total.answers,
      total.distribution.join(','),
      Math.max(Number(row?.last_received_at ?? 0), receivedAt),
    ];
    if (row)
      await sql.run(
        `UPDATE tallies SET sheets = $9, half_points = $10, half_points_sq = $11, satisfied = $12,
           answers = $13, distribution = $14, last_received_at = $15
         WHERE commune_code = $1 AND day = $2 AND form_id = $3 AND profile_id = $4
           AND profile_version = $5 AND channel = $6 AND flagged = $7 AND excluded = $8`,
        [...key, ...values],
      );
    else
      await sql.run(
        `INSERT INTO tallies (commune_code, day, form_id, profile_id, profile_version, channel,
           flagged, excluded, sheets, half_points, half_points_sq, satisfied, answers, distribution,
           last_received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [...key, ...values],
      );
  }
}

/** A tally with nothing in it, of the same key and shape. */
const empty = (t: Tally): Tally => ({
  ...t,
  sheets: 0,
  halfPoints: 0,
  halfPointsSquared: 0,
  satisfied: 0,
  answers: 0,
  distribution: t.distribution.map(() => 0),
});

/** A stored tally row. */
export function tallyOf(row: Row): Tally {
  return {
    formId: row.form_id === 'cadre' ? 'cadre' : 'citizen',
    profileId: String(row.profile_id),
    profileVersion: Number(row.profile_version),
    channel: row.channel === 'phone' ? 'phone' : 'kiosk',
    flagged: Number(row.flagged) === 1,
    excluded: Number(row.excluded) === 1,
    sheets: Number(row.sheets),
    halfPoints: Number(row.half_points),
    halfPointsSquared: Number(row.half_points_sq),
    satisfied: Number(row.satisfied),
    answers: Number(row.answers),
    distribution: String(row.distribution).split(',').map(Number),
  };
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthStart = (month: string) => Date.parse(`${month}-01T00:00:00Z`);
const shiftMonth = (month: string, by: number) => {
  const date = new Date(monthStart(month));
  date.setUTCMonth(date.getUTCMonth() + by);
  return isoDay(date.getTime()).slice(0, 7);
};
const lastDayOf = (month: string) => isoDay(monthStart(shiftMonth(month, 1)) - DAY_MS);

/**
 * The rows that add up to a period: its whole months from the month rows, the days before the
 * first whole month and after the last from the day rows (a period inside one month: its days).
 */
export function tallySpans(period: Period): { days: Period[]; months: Period | null } {
  const firstFull = period.from.endsWith('-01')
    ? period.from.slice(0, 7)
    : shiftMonth(period.from.slice(0, 7), 1);
  const lastFull =
    period.to === lastDayOf(period.to.slice(0, 7))
      ? period.to.slice(0, 7)
      : shiftMonth(period.to.slice(0, 7), -1);
  if (firstFull > lastFull) return { days: [period], months: null };
  const days: Period[] = [];
  if (period.from < `${firstFull}-01`)
    days.push({ from: period.from, to: lastDayOf(shiftMonth(firstFull, -1)) });
  if (period.to > lastDayOf(lastFull))
    days.push({ from: `${shiftMonth(lastFull, 1)}-01`, to: period.to });
  return { days, months: { from: firstFull, to: lastFull } };
}

/** The stored tallies that make up a period (every day when none: every month), one commune or all. */
export async function storedTallies(
  sql: Sql,
  period?: Period,
  communeCode?: string,
): Promise<Row[]> {
  const params: string[] = [];
  const range = (from: string, to: string, length: 7 | 10) => {
    params.push(from, to);
    return `(length(day) = ${length} AND day >= $${params.length - 1} AND day <= $${params.length})`;
  };
  const spans = period ? tallySpans(period) : { days: [], months: null };
  const parts = [
    ...spans.days.map((d) => range(d.from, d.to, 10)),
    ...(spans.months ? [range(spans.months.from, spans.months.to, 7)] : []),
    ...(period ? [] : ['length(day) = 7']),
  ];
  let where = `(${parts.join(' OR ')})`;
  if (communeCode) {
    params.push(communeCode);
    where += ` AND commune_code = $${params.length}`;
  }
  return sql.all(`SELECT * FROM tallies WHERE ${where}`, params);
}

/** Every stored tally row, days and months (what the tests compare with a rebuild). */
export const everyTallyRow = (sql: Sql) => sql.all('SELECT * FROM tallies');

/**
 * Computes every tally anew from the counted sheets, in one transaction (a first start after
 * the table was added, new flag thresholds): what a test also does to check the kept ones.
 */
export async function rebuildTallies(sql: Sql): Promise<void> {
  await sql.lock(TALLIES_LOCK);
  await sql.run('DELETE FROM tallies');
  let after: [string, string, number] = ['', '', 0];
  for (;;) {
    const rows = await sql.all(
      `SELECT channel, device_id, seq, commune_code, profile_id, profile_version, form_id, answers,
         created_at, office_flags, excluded, received_at FROM sheets
       WHERE (channel, device_id, seq) > ($1, $2, $3) AND set_aside IS NULL
       ORDER BY channel, device_id, seq LIMIT 5000`,
      after,
    );
    const last = rows.at(-1);
    if (!last) return;
    after = [String(last.channel), String(last.device_id), Number(last.seq)];
    await applyTallies(
      sql,
      rows.flatMap((row) => tallyChangeOf(row, 1)),
    );
  }
}
