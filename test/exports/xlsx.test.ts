import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TableDocument } from '../../src/core/tables/table.ts';
import { exportBytes } from '../../src/exports/format.ts';
import { xlsxFormat } from '../../src/exports/xlsx/index.ts';

const document: TableDocument = {
  fileStem: 'thu',
  sheetName: 'Tổng hợp',
  title: ['BẢNG TỔNG HỢP', 'Kỳ: 23/11/2026 – 27/11/2026'],
  columns: [
    { header: 'Mã xã', kind: 'code' },
    { header: 'Xã, phường', kind: 'text' },
    { header: 'Số phiếu', kind: 'count' },
    { header: 'Điểm TB', kind: 'points' },
    { header: 'Tỷ lệ', kind: 'percent' },
    { header: 'Nhận lúc', kind: 'datetime' },
  ],
  rows: (async function* () {
    yield ['00412', 'Xã Tứ Kỳ', 12, 29 / 6, 5 / 7, Date.UTC(2026, 10, 24, 1, 2)];
    yield ['00413', 'Phường Ngọc Châu', 0, null, null, null];
  })(),
  totals: [['', 'Toàn tỉnh', 12, 29 / 6, 5 / 7, null]],
  notes: ['Ghi chú: số trong ô giữ giá trị chính xác.'],
};

async function read(bytes: Uint8Array<ArrayBuffer>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer);
  const sheet = workbook.getWorksheet('Tổng hợp');
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

describe('XLSX', () => {
  it('keeps exact values under formats with the column’s decimals, dates in Vietnam time, codes as text', async () => {
    const sheet = await read(await exportBytes(xlsxFormat, document));
    expect(sheet.getCell('A1').value).toBe('BẢNG TỔNG HỢP');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Kỳ: 23/11/2026 – 27/11/2026');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'Mã xã',
      'Xã, phường',
      'Số phiếu',
      'Điểm TB',
      'Tỷ lệ',
      'Nhận lúc',
    ]);
    const row = sheet.getRow(5);
    expect(row.getCell(1).value).toBe('00412');
    expect(row.getCell(1).numFmt).toBe('@');
    expect(row.getCell(4).value).toBe(29 / 6);
    expect(row.getCell(4).numFmt).toBe('0.00');
    expect(row.getCell(5).numFmt).toBe('0.0%');
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2026, 10, 24, 8, 2)));
    expect(sheet.getRow(6).getCell(4).value).toBeNull();
    expect(sheet.getRow(7).font?.bold).toBe(true);
    expect(sheet.getRow(7).getCell(2).value).toBe('Toàn tỉnh');
    expect(sheet.getCell('A9').value).toBe('Ghi chú: số trong ô giữ giá trị chính xác.');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '4:4' });
  });

  it('streams a long table without holding its rows', async () => {
    let pulled = 0;
    const rows = (async function* () {
      for (; pulled < 20_000; ) {
        pulled += 1;
        yield [String(pulled).padStart(5, '0'), 'Xã', pulled, pulled / 3, 0.5, 0];
      }
    })();
    const chunks: number[] = [];
    let pulledAtFirstChunk = -1;
    await xlsxFormat.write(
      { ...document, rows, totals: [], notes: [] },
      {
        write(chunk) {
          if (pulledAtFirstChunk < 0) pulledAtFirstChunk = pulled;
          chunks.push(chunk.length);
        },
      },
    );
    // Bytes leave before the last row is read: the workbook is not built whole first.
    expect(pulledAtFirstChunk).toBeLessThan(20_000);
    expect(chunks.length).toBeGreaterThan(1);
  });
});
