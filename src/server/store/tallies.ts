import { DAY_MS, isoOf, vnDay, vnDayNumber } from '../../core/period.ts';
import {
  addSheet,
  addTally,
  addTallyInto,
  copyOfTally,
  emptyTallyOf,
  type ScorableSheet,
  type Tally,
  tallyKeyText,
} from '../../core/scoring/tally.ts';
import type { Period } from '../../core/settings.ts';
import type { Row, Sql, SqlValue } from './engine.ts';

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

/** A sheet as the tallies count it: its scored part, where and when, and its state. */
export interface CountedSheet {
  sheet: ScorableSheet;
  communeCode: string;
  createdAt: number;
  receivedAt: number;
  flagged: boolean;
  excluded: boolean;
}

/** A stored sheet row as the tallies count it (`state` when its flag or review changes). */
export function countedOf(row: Row, state?: { flagged: boolean; excluded: boolean }): CountedSheet {
  return {
    sheet: {
      formId: row.form_id === 'cadre' ? 'cadre' : 'citizen',
      profileId: String(row.profile_id),
      profileVersion: Number(row.profile_version),
      channel: row.channel === 'phone' ? 'phone' : 'kiosk',
      answers: String(row.answers).split(','),
    },
    communeCode: String(row.commune_code),
    createdAt: Number(row.created_at),
    receivedAt: Number(row.received_at),
    flagged: state?.flagged ?? String(row.office_flags ?? '') !== '',
    excluded: state?.excluded ?? Number(row.excluded) === 1,
  };
}

/** What a stored sheet row adds to the tallies (or, with sign −1, takes away); none for a row it cannot score. */
export function tallyChangeOf(
  row: Row,
  sign: 1 | -1,
  state?: { flagged: boolean; excluded: boolean },
): TallyChange[] {
  return tallyChangesOf([countedOf(row, state)], sign);
}

/**
 * What sheets add to the tallies (or take away), summed by commune, day and key as they are
 * read: a delivery's thousand sheets are a few dozen changes. Sheets it cannot score add
 * nothing.
 */
export function tallyChangesOf(counted: Iterable<CountedSheet>, sign: 1 | -1): TallyChange[] {
  // By commune and profile (a delivery has one), then by a number made of the day and the
  // small parts of the key: a thousand lookups of a number, not of a long text.
  const groups = new Map<string, Map<number, TallyChange>>();
  for (const { sheet, communeCode, createdAt, receivedAt, flagged, excluded } of counted) {
    const outer = `${communeCode}|${sheet.profileId}|${sheet.profileVersion}`;
    let changes = groups.get(outer);
    if (!changes) {
      changes = new Map();
      groups.set(outer, changes);
    }
    const key =
      vnDayNumber(createdAt) * 16 +
      (sheet.formId === 'cadre' ? 8 : 0) +
      (sheet.channel === 'phone' ? 4 : 0) +
      (flagged ? 2 : 0) +
      (excluded ? 1 : 0);
    let change = changes.get(key);
    if (!change) {
      const tally = emptyTallyOf(sheet, flagged, excluded);
      if (!tally) continue;
      change = { communeCode, day: vnDay(createdAt), tally, sign, receivedAt: 0 };
      changes.set(key, change);
    }
    if (addSheet(change.tally, sheet)) change.receivedAt = Math.max(change.receivedAt, receivedAt);
  }
  return [...groups.values()].flatMap((changes) =>
    [...changes.values()].filter((c) => c.tally.sheets > 0),
  );
}

/** The lock every change to the `tallies` table holds until its transaction ends. */
const TALLIES_LOCK = 'tallies';

/** Applies changes to the stored tallies (merged by key first: a batch touches a few rows). */
export async function applyTallies(sql: Sql, changes: readonly TallyChange[]): Promise<void> {
  // Summed in place: a delivery of a thousand sheets is a thousand additions, not a thousand
  // new tallies. Every day's sum is also its month's (docs/scoring.md, "Tallies").
  const days = new Map<string, TallyChange>();
  for (const change of changes) sumInto(days, change, change.day);
  if (days.size === 0) return;
  const merged = new Map(days);
  for (const change of days.values()) sumInto(merged, change, change.day.slice(0, 7));
  // Each row is read, added to and written back: two transactions doing that at once (two
  // collectors on one PostgreSQL, or two requests of one) would lose a change or both insert
  // the same new row. One lock for the table, held to commit, so a rebuild also waits for a
  // delivery under way, and a delivery for a rebuild.
  await sql.lock(TALLIES_LOCK);
  // Read every row the changes touch at once, write the new totals in multi-row upserts: a
  // delivery spread over a year touches hundreds of rows, and a round trip each is what kept
  // PostgreSQL's ingest slow.
  const totals = [...merged.values()];
  const known = await touchedRows(sql, totals);
  const written: unknown[][] = [];
  for (const { communeCode, day, tally, receivedAt } of totals) {
    const key = keyOf(communeCode, day, tally);
    const row = known.get(key.join('|'));
    const total = row ? addTally(tallyOf(row), tally) : tally;
    if (total.sheets < 0 || total.distribution.some((n) => n < 0))
      throw new RangeError(`A tally of ${communeCode} on ${day} would go below zero`);
    if (total.sheets === 0) {
      if (row)
        await sql.run(
          `DELETE FROM tallies WHERE commune_code = $1 AND day = $2 AND form_id = $3
           AND profile_id = $4 AND profile_version = $5 AND channel = $6 AND flagged = $7
           AND excluded = $8`,
          key,
        );
      continue;
    }
    written.push([
      ...key,
      total.sheets,
      total.halfPoints,
      total.halfPointsSquared,
      total.satisfied,
      total.answers,
      total.distribution.join(','),
      Math.max(Number(row?.last_received_at ?? 0), receivedAt),
    ]);
  }
  for (let at = 0; at < written.length; at += ROWS_A_STATEMENT)
    await upsertTallies(sql, written.slice(at, at + ROWS_A_STATEMENT));
}

const KEY_COLUMNS = [
  'commune_code',
  'day',
  'form_id',
  'profile_id',
  'profile_version',
  'channel',
  'flagged',
  'excluded',
];
const VALUE_COLUMNS = [
  'sheets',
  'half_points',
  'half_points_sq',
  'satisfied',
  'answers',
  'distribution',
  'last_received_at',
];
/** 15 parameters a row: 500 rows stay far below SQLite's and PostgreSQL's parameter limits. */
const ROWS_A_STATEMENT = 500;

const keyOf = (communeCode: string, day: string, tally: Tally) => [
  communeCode,
  day,
  tally.formId,
  tally.profileId,
  tally.profileVersion,
  tally.channel,
  tally.flagged ? 1 : 0,
  tally.excluded ? 1 : 0,
];

/** The stored rows of the communes and days the changes name, by their key. */
async function touchedRows(sql: Sql, changes: readonly TallyChange[]): Promise<Map<string, Row>> {
  const communes = [...new Set(changes.map((c) => c.communeCode))];
  const days = [...new Set(changes.map((c) => c.day))];
  const rows = new Map<string, Row>();
  for (let at = 0; at < days.length; at += ROWS_A_STATEMENT) {
    const chunk = days.slice(at, at + ROWS_A_STATEMENT);
    const params = [...communes, ...chunk];
    const list = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => `$${from + i + 1}`).join(', ');
    for (const row of await sql.all(
      `SELECT * FROM tallies WHERE commune_code IN (${list(0, communes.length)})
       AND day IN (${list(communes.length, chunk.length)})`,
      params,
    ))
      rows.set(KEY_COLUMNS.map((c) => String(row[c])).join('|'), row);
  }
  return rows;
}

/** Writes whole rows of totals, inserting the new keys and replacing the values of known ones. */
async function upsertTallies(sql: Sql, rows: readonly unknown[][]): Promise<void> {
  const width = KEY_COLUMNS.length + VALUE_COLUMNS.length;
  const values = rows
    .map(
      (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
    )
    .join(', ');
  await sql.run(
    `INSERT INTO tallies (${[...KEY_COLUMNS, ...VALUE_COLUMNS].join(', ')}) VALUES ${values}
     ON CONFLICT (${KEY_COLUMNS.join(', ')})
     DO UPDATE SET ${VALUE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    rows.flat() as SqlValue[],
  );
}

/** Adds a change into the sums kept by commune, `day` (a day or a month) and tally key. */
function sumInto(sums: Map<string, TallyChange>, change: TallyChange, day: string) {
  const key = `${change.communeCode}|${day}|${tallyKeyText(change.tally)}`;
  const receivedAt = change.sign === 1 ? change.receivedAt : 0;
  const known = sums.get(key);
  if (known) {
    addTallyInto(known.tally, change.tally, change.sign);
    known.receivedAt = Math.max(known.receivedAt, receivedAt);
  } else
    sums.set(key, {
      ...change,
      day,
      sign: 1,
      tally: copyOfTally(change.tally, change.sign),
      receivedAt,
    });
}

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

const monthStart = (month: string) => Date.parse(`${month}-01T00:00:00Z`);
const shiftMonth = (month: string, by: number) => {
  const date = new Date(monthStart(month));
  date.setUTCMonth(date.getUTCMonth() + by);
  return isoOf(date.getTime()).slice(0, 7);
};
const lastDayOf = (month: string) => isoOf(monthStart(shiftMonth(month, 1)) - DAY_MS);

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
  const range = period ?? (await storedRange(sql));
  if (!range) return [];
  const spans = tallySpans(range);
  // Each part reads through the index on day: a range of days, or months named one by one
  // (a month's row sorts among its days, so a range of months would read them all).
  const commune = communeCode ? ' AND commune_code = $3' : '';
  const parts = spans.days.map((d) =>
    sql.all(
      `SELECT * FROM tallies WHERE day >= $1 AND day <= $2 AND length(day) = 10${commune}`,
      communeCode ? [d.from, d.to, communeCode] : [d.from, d.to],
    ),
  );
  if (spans.months) {
    const months = monthsBetween(spans.months.from, spans.months.to);
    const list = months.map((_, i) => `$${i + 1}`).join(', ');
    parts.push(
      sql.all(
        `SELECT * FROM tallies WHERE day IN (${list})${communeCode ? ` AND commune_code = $${months.length + 1}` : ''}`,
        communeCode ? [...months, communeCode] : months,
      ),
    );
  }
  return (await Promise.all(parts)).flat();
}

/** The whole months between the first and last stored day: "every figure" when none is asked. */
async function storedRange(sql: Sql): Promise<Period | undefined> {
  // Two queries, each a seek at one end of the index on day: SQLite reads the whole index
  // for MIN and MAX asked together.
  const [[low], [high]] = await Promise.all([
    sql.all('SELECT MIN(day) AS day FROM tallies'),
    sql.all('SELECT MAX(day) AS day FROM tallies'),
  ]);
  if (!low?.day || !high?.day) return undefined;
  const first = String(low.day).slice(0, 7);
  const last = String(high.day).slice(0, 7);
  return { from: `${first}-01`, to: lastDayOf(last) };
}

const monthsBetween = (from: string, to: string) => {
  const months: string[] = [];
  for (let month = from; month <= to; month = shiftMonth(month, 1)) months.push(month);
  return months;
};

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
      tallyChangesOf(
        rows.map((row) => countedOf(row)),
        1,
      ),
    );
  }
}
