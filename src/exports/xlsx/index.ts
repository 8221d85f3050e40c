import ExcelJS from 'exceljs';
import {
  decimalsOf,
  type TableCell,
  type TableColumn,
  type TableDocument,
} from '../../core/tables/table.ts';
import type { ByteSink, ExportFormat } from '../format.ts';

/**
 * XLSX through exceljs (docs/formats.md, "XLSX"): numbers stay numbers with the exact value
 * (the column's format only shows its decimals), times are Excel dates in Vietnam wall-clock
 * time, codes are text cells. On Node the workbook is streamed row by row; the browser build
 * of exceljs has no streaming writer, so the kiosk builds its (smaller) workbook whole.
 */

/** Vietnam keeps UTC+7 all year; Excel has no time zones, so cells hold the wall-clock time. */
const VN_OFFSET_MS = 7 * 3_600_000;
/** Rows written between yields to the event loop, so a long export never blocks a kiosk's request. */
const ROWS_PER_YIELD = 500;

const decimals = (n: number) => (n > 0 ? `0.${'0'.repeat(n)}` : '0');

/** Excel's number format of a column; codes and text are text ("@"). */
function numberFormatOf(column: TableColumn): string {
  switch (column.kind) {
    case 'count':
      return '#,##0';
    case 'points':
      return decimals(decimalsOf(column));
    case 'percent':
      return `${decimals(decimalsOf(column))}%`;
    case 'datetime':
      return 'dd/mm/yyyy hh:mm';
    case 'date':
      return 'dd/mm/yyyy';
    default:
      return '@';
  }
}

const WIDTH: Record<TableColumn['kind'], number> = {
  text: 18,
  code: 10,
  count: 9,
  points: 9,
  percent: 9,
  datetime: 17,
  date: 11,
};

function cellValue(column: TableColumn | undefined, value: TableCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number' && (column?.kind === 'datetime' || column?.kind === 'date'))
    return new Date(value + VN_OFFSET_MS);
  return value;
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const boxed: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Lays the document out on a worksheet: title, header, rows (committed one by one), totals, notes. */
async function fillWorksheet(sheet: ExcelJS.Worksheet, document: TableDocument): Promise<void> {
  const { columns } = document;
  const width = columns.length;
  sheet.columns = columns.map((column) => ({
    width: column.width ?? WIDTH[column.kind],
    style: { numFmt: numberFormatOf(column) },
  }));
  const typed = (row: readonly TableCell[]) => columns.map((c, i) => cellValue(c, row[i] ?? null));
  const plain = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow([text]);
    row.getCell(1).numFmt = '@';
    row.font = font;
    if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
    row.commit();
  };

  document.title.forEach((title, i) => {
    plain(title, { bold: true, size: i === 0 ? 13 : 11 });
  });
  if (document.title.length > 0) sheet.addRow([]).commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.numFmt = '@';
    cell.border = boxed;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  const headerRow = header.number;
  header.commit();
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };

  let written = 0;
  for await (const row of document.rows) {
    sheet.addRow(typed(row)).commit();
    written += 1;
    if (written % ROWS_PER_YIELD === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  for (const totals of document.totals ?? []) {
    const row = sheet.addRow(typed(totals));
    row.font = { bold: true };
    row.eachCell((cell) => {
      cell.border = { top: { style: 'thin' } };
    });
    row.commit();
  }
  if (document.notes?.length) sheet.addRow([]).commit();
  for (const note of document.notes ?? []) plain(note, { italic: true });
}

/** The header's row: after the title lines and a blank row. */
const headerRowOf = (document: TableDocument) =>
  document.title.length + (document.title.length > 0 ? 2 : 1);

function newWorksheet(workbook: ExcelJS.Workbook, document: TableDocument) {
  workbook.creator = 'Khảo sát sự hài lòng';
  const headerRow = headerRowOf(document);
  // A streamed worksheet takes its views and print titles only here, before any row.
  return workbook.addWorksheet(document.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      printTitlesRow: `${headerRow}:${headerRow}`,
      paperSize: 9,
      orientation: document.columns.length > 8 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
}

/** exceljs's streaming writer, whose output is its `stream` (absent in the browser build). */
type StreamingWorkbook = ExcelJS.Workbook & {
  commit(): Promise<void>;
  stream: { pipe(to: { write(chunk: Uint8Array, done: () => void): void; end(): void }): void };
};

async function writeStreamed(document: TableDocument, sink: ByteSink): Promise<void> {
  const Writer = ExcelJS.stream.xlsx.WorkbookWriter;
  const workbook = new Writer({
    useStyles: true,
    useSharedStrings: false,
  }) as unknown as StreamingWorkbook;
  workbook.stream.pipe({
    write(chunk, done) {
      Promise.resolve(sink.write(new Uint8Array(chunk))).then(done, done);
    },
    end() {},
  });
  const sheet = newWorksheet(workbook, document);
  await fillWorksheet(sheet, document);
  (sheet as ExcelJS.Worksheet & { commit(): void }).commit();
  await workbook.commit();
}

async function writeWhole(document: TableDocument, sink: ByteSink): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await fillWorksheet(newWorksheet(workbook, document), document);
  await sink.write(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

export const xlsxFormat: ExportFormat = {
  id: 'xlsx',
  label: 'Excel (XLSX)',
  extension: 'xlsx',
  mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  write: (document, sink) =>
    ExcelJS.stream?.xlsx?.WorkbookWriter
      ? writeStreamed(document, sink)
      : writeWhole(document, sink),
};
