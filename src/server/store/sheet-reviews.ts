import * as z from 'zod/mini';
import type { Engine, Sql } from './engine.ts';
import { applyTallies, tallyChangeOf } from './tallies.ts';

/**
 * What the office decides about a sheet it reviewed (a flagged one, typically): counted, or set
 * aside with a reason. Raw figures keep every sheet; the reviewed ones leave the sheets set aside
 * out, and Section A takes the reviewed ones.
 */
export const reviewSchema = z.object({
  decision: z.enum(['counted', 'excluded']),
  reason: z.string().check(z.minLength(1), z.maxLength(1000)),
  by: z.string(),
  at: z.int(),
});
export type Review = z.infer<typeof reviewSchema>;

export interface SheetKey {
  channel: 'kiosk' | 'phone';
  deviceId: string;
  seq: number;
}

/** Records the decision and moves the sheet between tallies; undefined for a sheet not stored (or set aside). */
export async function reviewSheet(
  engine: Engine,
  key: SheetKey,
  review: Review,
): Promise<{ communeCode: string } | undefined> {
  return engine.transaction(async (sql) => {
    const [row] = await sql.all(
      `SELECT * FROM sheets WHERE channel = $1 AND device_id = $2 AND seq = $3 AND set_aside IS NULL`,
      [key.channel, key.deviceId, key.seq],
    );
    if (!row) return undefined;
    const excluded = review.decision === 'excluded';
    await sql.run(
      `UPDATE sheets SET excluded = $1, review = $2 WHERE channel = $3 AND device_id = $4 AND seq = $5`,
      [excluded ? 1 : 0, JSON.stringify(review), key.channel, key.deviceId, key.seq],
    );
    if ((Number(row.excluded) === 1) !== excluded)
      await applyTallies(sql, [
        ...tallyChangeOf(row, -1),
        ...tallyChangeOf(row, 1, { flagged: String(row.office_flags) !== '', excluded }),
      ]);
    return { communeCode: String(row.commune_code) };
  });
}

/** The last decision on a stored row, if the office made one. */
export function reviewOf(row: Record<string, unknown>): Review | null {
  if (!row.review) return null;
  try {
    const parsed = reviewSchema.safeParse(JSON.parse(String(row.review)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Erases the personal data (names, addresses, reasons, suggestions) of the sheets submitted
 * before `before`, as the consent notice promises; answers, identity and flags stay, and a later
 * file does not bring the data back. Returns how many sheets changed.
 */
export async function purgePersonalData(sql: Sql, before: number, at: number): Promise<number> {
  const [count] = await sql.all(
    'SELECT COUNT(*) AS n FROM sheets WHERE personal IS NOT NULL AND created_at < $1',
    [before],
  );
  await sql.run(
    'UPDATE sheets SET personal = NULL, personal_purged_at = $2 WHERE personal IS NOT NULL AND created_at < $1',
    [before, at],
  );
  return Number(count?.n ?? 0);
}
