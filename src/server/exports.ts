import ExcelJS from 'exceljs';
import type { CommuneFigures as Summary } from '../core/commune-figures.ts';
import { csvCell } from '../core/csv.ts';
import { formatDateTime } from '../core/format.ts';

const HEADERS = [
  'Mã xã',
  'Xã, phường',
  'Số phiếu',
  'Phiếu qua điện thoại',
  'Nhận gần nhất',
  'Phiếu người dân',
  'Điểm TB phiếu người dân',
  'Tỷ lệ hài lòng người dân',
  'Phiếu cán bộ thôn',
  'Điểm TB phiếu cán bộ thôn',
  'Tỷ lệ hài lòng cán bộ thôn',
  'Điểm mục A',
  'Mục A đủ hai mẫu phiếu',
  'Phiếu gắn cờ',
] as const;

/** Excel number formats by column, named so a new column cannot shift them. */
const NUMBER_FORMAT: Partial<Record<(typeof HEADERS)[number], string>> = {
  'Số phiếu': '#,##0',
  'Phiếu qua điện thoại': '#,##0',
  'Phiếu người dân': '#,##0',
  'Điểm TB phiếu người dân': '0.00',
  'Tỷ lệ hài lòng người dân': '0.0%',
  'Phiếu cán bộ thôn': '#,##0',
  'Điểm TB phiếu cán bộ thôn': '0.00',
  'Tỷ lệ hài lòng cán bộ thôn': '0.0%',
  'Điểm mục A': '0.00',
  'Phiếu gắn cờ': '#,##0',
};

/** The row of a commune; numbers stay numbers (rounded to 4 places only for the file). */
function rowOf(s: Summary): (string | number | null)[] {
  const round = (v: number | undefined) =>
    v === undefined ? null : Math.round(v * 10_000) / 10_000;
  return [
    s.communeCode,
    s.communeName,
    s.sheetCount,
    s.phoneSheetCount,
    s.lastReceivedAt === null ? '' : formatDateTime(s.lastReceivedAt),
    s.citizen.sheets,
    round(s.citizen.mean?.value),
    round(s.citizen.satisfactionRate?.value),
    s.cadre.sheets,
    round(s.cadre.mean?.value),
    round(s.cadre.satisfactionRate?.value),
    round(s.sectionA.value),
    s.sectionA.complete ? 'Có' : 'Chưa',
    s.citizen.flagged + s.cadre.flagged,
  ];
}

/** The per-commune table as CSV for Excel (UTF-8 with BOM, vi-VN decimal commas, formulas defused). */
export function summariesCsv(summaries: readonly Summary[]): string {
  const cell = (v: string | number | null) =>
    csvCell(v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v);
  const lines = [HEADERS, ...summaries.map(rowOf)].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The per-commune table as an Excel workbook with numeric cells and number formats. */
export async function summariesXlsx(summaries: readonly Summary[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Khảo sát sự hài lòng';
  const sheet = workbook.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(HEADERS).font = { bold: true };
  for (const summary of summaries) sheet.addRow(rowOf(summary));
  HEADERS.forEach((header, i) => {
    const format = NUMBER_FORMAT[header];
    if (format) sheet.getColumn(i + 1).numFmt = format;
  });
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  sheet.getColumn(2).width = 28;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
