import { formatDateTime, formatPoints } from './format.ts';
import type { Profile } from './profile/schema.ts';
import type { Sheet } from './sheet.ts';
import { type ColumnKind, type SheetCell, sheetTable } from './sheet-table.ts';

/**
 * Sheets as CSV for Excel: UTF-8 with a BOM (so Excel reads Vietnamese), Vietnamese
 * headers, one row a sheet. Cells that a spreadsheet would run as a formula are defused.
 */
const BOM = '\uFEFF';

/** A cell safe to open in a spreadsheet: quoted, and never starting a formula. */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(defused) || defused !== value
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}

function cellText(kind: ColumnKind, value: SheetCell): string {
  if (typeof value === 'string') return value;
  if (kind === 'points') return formatPoints(value);
  if (kind === 'time') return formatDateTime(value);
  return String(value);
}

export function sheetsToCsv(
  profile: Profile,
  sheets: readonly Sheet[],
  includePersonalData: boolean,
): string {
  const { columns, rows } = sheetTable(profile, sheets, includePersonalData);
  const lines = [
    columns.map((c) => c.header),
    ...rows.map((row) => row.map((value, i) => cellText(columns[i]?.kind ?? 'text', value))),
  ];
  return `${BOM}${lines.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
