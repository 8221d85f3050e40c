import { periodInstants } from '../../core/period.ts';
import type { SheetRecord } from '../../core/tables/sheets.ts';
import type { Row, Sql } from './engine.ts';
import { officeFlagsOf, sheetOf } from './rows.ts';
import { reviewOf } from './sheet-reviews.ts';
import type { SheetFilter } from './store.ts';

/** Rows read per query: a page small enough that a kiosk's request waits at most one of them. */
export const EXPORT_PAGE_ROWS = 1000;

type Key = [string, string, string, number];
const keyOf = (row: Row): Key => [
  String(row.commune_code),
  String(row.channel),
  String(row.device_id),
  Number(row.seq),
];

/**
 * Every stored sheet matching the filter, by commune, then device and number (a kiosk's sheets
 * in order), a page at a time (keyset on the index sheets_by_commune_device, which also holds
 * the time the period is checked on), so a province-year streams out without being held. Rows
 * set aside by the gate are not sheets and stay out; a row that no longer reads as a sheet is
 * skipped (it is counted apart in GET /api/v1/set-aside once the gate rechecks it).
 */
export async function* storedSheets(
  read: Sql,
  filter: SheetFilter,
  communeNames: ReadonlyMap<string, string>,
): AsyncGenerator<SheetRecord> {
  const { start, end } = filter.period
    ? periodInstants(filter.period)
    : { start: 0, end: Number.MAX_SAFE_INTEGER };
  const commune = filter.communeCode;
  let after: Key = [commune ?? '', '', '', 0];
  for (;;) {
    const rows = await read.all(
      `SELECT * FROM sheets
       WHERE set_aside IS NULL AND created_at >= $1 AND created_at < $2
         AND (commune_code, channel, device_id, seq) > ($3, $4, $5, $6)
         ${commune === undefined ? '' : 'AND commune_code = $7'}
       ORDER BY commune_code, channel, device_id, seq
       LIMIT ${EXPORT_PAGE_ROWS}`,
      commune === undefined ? [start, end, ...after] : [start, end, ...after, commune],
    );
    for (const row of rows) {
      const sheet = sheetOf(row);
      if (!sheet) continue;
      const communeCode = String(row.commune_code);
      yield {
        sheet,
        communeCode,
        communeName: communeNames.get(communeCode) ?? '',
        receivedAt: Number(row.received_at),
        officeFlags: officeFlagsOf(row),
        review: reviewOf(row),
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_PAGE_ROWS) return;
    after = keyOf(last);
  }
}
