import {
  type FlagReason,
  lookBack,
  type OfficeFlagSettings,
  phoneSurge,
  type StreamSheet,
  streamFlags,
  usualDay,
} from '../../core/office-flags.ts';
import { vnDay } from '../../core/period.ts';
import type { Sheet } from '../../core/sheet.ts';
import type { Row, Sql } from './engine.ts';
import { officeFlagsText, streamSheetOf } from './rows.ts';
import { applyTallies, type TallyChange, tallyChangeOf } from './tallies.ts';

/**
 * The office's own flags (src/core/office-flags.ts), kept on each row and refreshed whenever
 * the stream around a sheet changes: new sheets, a gap filled, times made precise by a later
 * file, new thresholds.
 */

const STREAM_COLUMNS =
  'seq, commune_code, profile_id, profile_version, created_at, received_at, precise, form_id, answers, channel, flags, office_flags, excluded';
const DAYS_OF_USUAL = 30;

type Stored = StreamSheet & { stored: string; row: Row };

/**
 * Flags for a kiosk's fresh sheets (returned by seq, written with their rows), and for the
 * stored sheets after them whose flags change (updated here, with their tallies).
 */
export async function kioskFlags(
  sql: Sql,
  deviceId: string,
  fresh: readonly Sheet[],
  precise: boolean,
  refreshed: readonly number[],
  settings: OfficeFlagSettings,
): Promise<Map<number, FlagReason[]>> {
  const targets = [...fresh.map((s) => s.seq), ...refreshed];
  const result = new Map<number, FlagReason[]>();
  if (targets.length === 0) return result;
  const back = lookBack(settings);
  const from = Math.min(...targets);
  const rows = await sql.all(
    `SELECT ${STREAM_COLUMNS} FROM sheets WHERE channel = 'kiosk' AND device_id = $1
     AND seq >= $2 AND seq <= $3 AND set_aside IS NULL ORDER BY seq`,
    [deviceId, from - back, Math.max(...targets) + back],
  );
  const stream: (StreamSheet & { stored?: string; row?: Row })[] = [
    ...rows.map((row) => ({ ...streamSheetOf(row), stored: String(row.office_flags), row })),
    ...fresh.map((sheet) => streamSheetOfSheet(sheet, precise)),
  ].sort((a, b) => a.seq - b.seq);
  const moved: TallyChange[] = [];
  for (const [i, sheet] of stream.entries()) {
    if (sheet.seq < from) continue;
    const reasons = streamFlags(sheet, stream.slice(Math.max(0, i - back), i), settings);
    if (sheet.stored === undefined || !sheet.row) result.set(sheet.seq, reasons);
    else if (officeFlagsText(reasons) !== sheet.stored) {
      await setOfficeFlags(sql, 'kiosk', deviceId, sheet.seq, reasons);
      // A sheet that becomes flagged, or no longer is, moves between tallies.
      if ((sheet.stored !== '') !== reasons.length > 0)
        moved.push(
          ...tallyChangeOf(sheet.row, -1),
          ...tallyChangeOf(sheet.row, 1, {
            flagged: reasons.length > 0,
            excluded: Number(sheet.row.excluded) === 1,
          }),
        );
    }
  }
  await applyTallies(sql, moved);
  return result;
}

/**
 * Held to commit by whatever writes `phone_days`: a recount deletes and rewrites the table, so
 * two at once (two collectors starting together) would insert the same row twice, and a phone
 * sheet counted meanwhile would be lost from the recount.
 */
const PHONE_DAYS_LOCK = 'phone-days';

/** Flags for a fresh phone sheet: its own facts, and a surge of the commune's phone sheets that day. */
export async function phoneFlags(
  sql: Sql,
  communeCode: string,
  sheet: Sheet,
  settings: OfficeFlagSettings,
): Promise<FlagReason[]> {
  const day = vnDay(sheet.createdAt);
  await sql.lock(PHONE_DAYS_LOCK);
  await sql.run(
    `INSERT INTO phone_days (commune_code, day, sheets) VALUES ($1, $2, 1)
     ON CONFLICT (commune_code, day) DO UPDATE SET sheets = phone_days.sheets + 1`,
    [communeCode, day],
  );
  const [today] = await sql.all(
    'SELECT sheets FROM phone_days WHERE commune_code = $1 AND day = $2',
    [communeCode, day],
  );
  const usual = await usualPhoneDay(sql, communeCode, day);
  const surge = phoneSurge(Number(today?.sheets ?? 1), usual, settings);
  const own = streamFlags(streamSheetOfSheet(sheet, true), [], settings);
  return surge ? [...own, surge] : own;
}

async function usualPhoneDay(sql: Sql, communeCode: string, day: string): Promise<number> {
  const since = new Date(Date.parse(`${day}T00:00:00Z`) - DAYS_OF_USUAL * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const rows = await sql.all(
    'SELECT sheets FROM phone_days WHERE commune_code = $1 AND day < $2 AND day >= $3',
    [communeCode, day, since],
  );
  return usualDay(rows.map((r) => Number(r.sheets)));
}

/**
 * Recomputes every office flag of one kiosk's stream, in steps (new thresholds, a first
 * start); the caller rebuilds the tallies after.
 */
export async function rebuildKioskFlags(
  sql: Sql,
  deviceId: string,
  settings: OfficeFlagSettings,
): Promise<void> {
  const back = lookBack(settings);
  let prior: Stored[] = [];
  let after = 0;
  for (;;) {
    const rows = await sql.all(
      `SELECT ${STREAM_COLUMNS} FROM sheets WHERE channel = 'kiosk' AND device_id = $1
       AND seq > $2 AND set_aside IS NULL ORDER BY seq LIMIT 5000`,
      [deviceId, after],
    );
    const stream: Stored[] = rows.map((row) => ({
      ...streamSheetOf(row),
      stored: String(row.office_flags),
      row,
    }));
    for (const sheet of stream) {
      const reasons = streamFlags(sheet, prior.slice(-back), settings);
      if (officeFlagsText(reasons) !== sheet.stored)
        await setOfficeFlags(sql, 'kiosk', deviceId, sheet.seq, reasons);
      prior.push(sheet);
      if (prior.length > back * 2) prior = prior.slice(-back);
    }
    if (rows.length < 5000) return;
    after = stream.at(-1)?.seq ?? after;
  }
}

/**
 * Recounts the communes' phone days and recomputes every phone sheet's office flags, in time
 * order, as they would have been decided on arrival; the caller rebuilds the tallies after.
 */
export async function rebuildPhoneFlags(sql: Sql, settings: OfficeFlagSettings): Promise<void> {
  await sql.lock(PHONE_DAYS_LOCK);
  const rows = await sql.all(
    `SELECT device_id, ${STREAM_COLUMNS} FROM sheets
     WHERE channel = 'phone' AND set_aside IS NULL ORDER BY created_at`,
  );
  await sql.run('DELETE FROM phone_days');
  const days = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const sheet = streamSheetOf(row);
    const commune = String(row.commune_code);
    const day = vnDay(sheet.createdAt);
    const counts = days.get(commune) ?? new Map<string, number>();
    days.set(commune, counts);
    const today = (counts.get(day) ?? 0) + 1;
    counts.set(day, today);
    const since = new Date(Date.parse(`${day}T00:00:00Z`) - DAYS_OF_USUAL * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const usual = usualDay([...counts].filter(([d]) => d < day && d >= since).map(([, n]) => n));
    const surge = phoneSurge(today, usual, settings);
    const own = streamFlags({ ...sheet, precise: true }, [], settings);
    const reasons = surge ? [...own, surge] : own;
    if (officeFlagsText(reasons) !== String(row.office_flags))
      await setOfficeFlags(sql, 'phone', String(row.device_id), sheet.seq, reasons);
  }
  for (const [commune, counts] of days)
    for (const [day, n] of counts)
      await sql.run('INSERT INTO phone_days (commune_code, day, sheets) VALUES ($1, $2, $3)', [
        commune,
        day,
        n,
      ]);
}

function streamSheetOfSheet(sheet: Sheet, precise: boolean): StreamSheet {
  return {
    seq: sheet.seq,
    createdAt: sheet.createdAt,
    precise,
    formId: sheet.formId,
    answers: sheet.answers,
    channel: sheet.channel,
    kioskFlags: sheet.flags,
  };
}

async function setOfficeFlags(
  sql: Sql,
  channel: string,
  deviceId: string,
  seq: number,
  reasons: readonly FlagReason[],
) {
  await sql.run(
    'UPDATE sheets SET office_flags = $1 WHERE channel = $2 AND device_id = $3 AND seq = $4',
    [officeFlagsText(reasons), channel, deviceId, seq],
  );
}
