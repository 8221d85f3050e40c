import { formatDate, formatDayTime } from '../../core/format.ts';
import { decimalsOf, type TableCell, type TableColumn } from '../../core/tables/table.ts';
import type { ExportFormat } from '../format.ts';

/**
 * CSV as a Vietnamese-locale spreadsheet reads it (docs/formats.md, "CSV"): UTF-8 with a
 * BOM, ';' between cells (the vi-VN list separator, since ',' is its decimal mark), decimal
 * commas, dd/mm/yyyy dates, codes as ="…" so their leading zeros stay, formulas defused.
 */
const SEPARATOR = ';';
const BOM = '\uFEFF';
/** Text is sent in pieces of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/** A text cell safe to open in a spreadsheet: quoted when needed, never starting a formula. */
export function csvText(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(defused) || defused !== value
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}

const fixed = new Map<number, Intl.NumberFormat>();
/** A number with exactly `digits` decimals, vi-VN decimal comma, no grouping: "4,88". */
function fixedNumber(value: number, digits: number): string {
  let format = fixed.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    fixed.set(digits, format);
  }
  return format.format(value);
}

/** One cell as the spreadsheet should read it. */
export function csvCell(column: TableColumn, value: TableCell): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string')
    return column.kind === 'code' && /^[0-9A-Za-z._-]{1,40}$/.test(value)
      ? `="${value}"`
      : csvText(value);
  switch (column.kind) {
    case 'count':
      return String(Math.round(value));
    case 'points':
      return fixedNumber(value, decimalsOf(column));
    case 'percent':
      return `${fixedNumber(value * 100, decimalsOf(column))}%`;
    case 'datetime':
      return formatDayTime(value);
    case 'date':
      return formatDate(value);
    default:
      return csvText(String(value));
  }
}

const line = (cells: readonly string[]) => `${cells.join(SEPARATOR)}\r\n`;

export const csvFormat: ExportFormat = {
  id: 'csv',
  label: 'CSV',
  extension: 'csv',
  mimeType: 'text/csv; charset=utf-8',
  async write(document, sink) {
    const encoder = new TextEncoder();
    const { columns } = document;
    const rowText = (row: readonly TableCell[]) =>
      line(columns.map((column, i) => csvCell(column, row[i] ?? null)));
    let pending = BOM;
    for (const title of document.title) pending += line([csvText(title)]);
    if (document.title.length > 0) pending += '\r\n';
    pending += line(columns.map((c) => csvText(c.header)));
    for await (const row of document.rows) {
      pending += rowText(row);
      if (pending.length >= CHUNK_CHARS) {
        await sink.write(encoder.encode(pending));
        pending = '';
      }
    }
    for (const row of document.totals ?? []) pending += rowText(row);
    if (document.notes?.length) pending += '\r\n';
    for (const note of document.notes ?? []) pending += line([csvText(note)]);
    await sink.write(encoder.encode(pending));
  },
};
