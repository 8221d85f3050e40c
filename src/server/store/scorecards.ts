import {
  type CommuneScorecard,
  communeScorecardSchema,
  type ScorecardEvent,
  scorecardEventSchema,
} from '../../core/appraisal.ts';
import type { Engine, Sql } from './engine.ts';

/**
 * A commune's Section B of a year: one JSON record (`commune_scorecards`), every change to it
 * appended to `scorecard_events` in the same transaction; nothing edits or deletes an event.
 */

export async function readScorecard(
  sql: Sql,
  communeCode: string,
  year: number,
): Promise<CommuneScorecard | undefined> {
  const [row] = await sql.all(
    'SELECT card FROM commune_scorecards WHERE commune_code = $1 AND year = $2',
    [communeCode, year],
  );
  return row ? parseCard(String(row.card)) : undefined;
}

export async function readScorecards(sql: Sql, year: number): Promise<CommuneScorecard[]> {
  const rows = await sql.all('SELECT card FROM commune_scorecards WHERE year = $1', [year]);
  return rows.flatMap((row) => parseCard(String(row.card)) ?? []);
}

/** A stored record that no longer validates is not shown as if it were empty: it is refused. */
function parseCard(text: string): CommuneScorecard | undefined {
  try {
    const parsed = communeScorecardSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type Change = (current: CommuneScorecard) => {
  next: CommuneScorecard;
  events: Omit<ScorecardEvent, 'at' | 'by'>[];
};

/**
 * Applies one change to a commune's record in one transaction, under a lock so two officers
 * (or two collectors) change it one after the other; returns the record as stored.
 */
export async function changeScorecard(
  engine: Engine,
  communeCode: string,
  year: number,
  fresh: () => CommuneScorecard,
  change: Change,
  by: string,
  at: number,
): Promise<CommuneScorecard> {
  return engine.transaction(async (sql) => {
    await sql.lock(`scorecard:${communeCode}:${year}`);
    const current = (await readScorecard(sql, communeCode, year)) ?? fresh();
    const { next, events } = change(current);
    const record = communeScorecardSchema.parse(next);
    await sql.run(
      `INSERT INTO commune_scorecards (commune_code, year, card, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (commune_code, year) DO UPDATE SET card = $3, updated_at = $4`,
      [communeCode, year, JSON.stringify(record), at],
    );
    const [last] = await sql.all(
      'SELECT MAX(ordinal) AS n FROM scorecard_events WHERE commune_code = $1 AND year = $2',
      [communeCode, year],
    );
    let ordinal = Number(last?.n ?? 0);
    for (const e of events)
      await sql.run(
        `INSERT INTO scorecard_events (commune_code, year, ordinal, at, actor, field, leaf_id, before, after, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [communeCode, year, ++ordinal, at, by, e.field, e.leafId, e.before, e.after, e.reason],
      );
    return record;
  });
}

export async function scorecardEvents(
  sql: Sql,
  communeCode: string,
  year: number,
): Promise<ScorecardEvent[]> {
  const rows = await sql.all(
    `SELECT at, actor, field, leaf_id, before, after, reason FROM scorecard_events
     WHERE commune_code = $1 AND year = $2 ORDER BY ordinal`,
    [communeCode, year],
  );
  return rows.flatMap((row) => {
    const event = scorecardEventSchema.safeParse({
      at: Number(row.at),
      by: String(row.actor),
      field: row.field,
      leafId: row.leaf_id ?? null,
      before: row.before ?? null,
      after: row.after ?? null,
      reason: row.reason ?? null,
    });
    return event.success ? [event.data] : [];
  });
}
