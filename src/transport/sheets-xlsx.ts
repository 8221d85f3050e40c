import ExcelJS from 'exceljs';
import type { ColumnKind, SheetTable } from '../core/sheet-table.ts';

/** Vietnam keeps UTC+7 all year; Excel has no time zones, so cells hold the wall-clock time. */
const VN_OFFSET_MS = 7 * 3_600_000;

const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '0',
  points: '0.0#',
  time: 'dd/mm/yyyy hh:mm',
};
const WIDTH: Record<ColumnKind, number> = { text: 14, integer: 10, points: 8, time: 17 };

/**
 * The sheet table as an Excel workbook: scores and sequence numbers are numeric cells,
 * times are Excel dates, so filters, sums and pivot tables work without conversion.
 * Excel shows the decimal comma itself on a vi-VN system; the format codes are neutral.
 */
export async function sheetTableXlsx({
  columns,
  rows,
}: SheetTable): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Khảo sát sự hài lòng';
  const sheet = workbook.addWorksheet('Phiếu khảo sát', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows)
    sheet.addRow(
      row.map((value, i) =>
        columns[i]?.kind === 'time' && typeof value === 'number'
          ? new Date(value + VN_OFFSET_MS)
          : value,
      ),
    );
  columns.forEach((column, i) => {
    const target = sheet.getColumn(i + 1);
    target.width = WIDTH[column.kind];
    const format = NUMBER_FORMAT[column.kind];
    if (format) target.numFmt = format;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
