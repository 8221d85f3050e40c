import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { defaultProfile } from '../../src/core/profile/registry.ts';
import { sheetHalfPoints } from '../../src/core/scoring/sheet-score.ts';
import { sheetsFileSchema } from '../../src/core/sheets-file.ts';
import type { collectorApi } from '../../src/server/app.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import type { KioskDb } from '../../src/storage/db.ts';
import {
  buildCsvExport,
  buildJsonExport,
  buildXlsxExport,
  type ExportedFile,
} from '../../src/transport/file-export.ts';
import { draftAt } from '../storage/fixtures.ts';
import { ADMIN, registeredKiosk } from './registered-kiosk.ts';

const now = Date.UTC(2026, 10, 28, 3);
const settings = { ...defaultSettings(now), communeCode: '10507', communeName: 'Xã Tứ Kỳ' };

let kiosk: Awaited<ReturnType<typeof registeredKiosk>>;
let store: CollectorStore;
let api: ReturnType<typeof collectorApi>;
let db: KioskDb;

beforeEach(async () => {
  const personal = { suggestion: 'Thêm ghế chờ' };
  kiosk = await registeredKiosk(
    Array.from({ length: 4 }, (_, i) => ({ ...draftAt(now + i * 300_000), ...personal })),
  );
  ({ db, store, api } = kiosk);
});
afterEach(() => kiosk.dispose());

describe('file export', () => {
  it('writes a signed JSON file that the collector imports losslessly, once', async () => {
    const file = await buildJsonExport(db, settings, true, now);
    expect(file.fileName).toBe('khao-sat-10507-2026-11-28.json');
    const parsed = sheetsFileSchema.parse(JSON.parse(textOf(file)));
    expect(parsed.sheets.map((s) => s.suggestion)).toEqual(Array(4).fill('Thêm ghế chờ'));
    const post = () =>
      api.request('/api/v1/imports', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}` },
        body: textOf(file),
      });
    expect(((await (await post()).json()) as { received: number[] }).received).toEqual([
      1, 2, 3, 4,
    ]);
    expect(((await (await post()).json()) as { duplicates: number[] }).duplicates).toEqual([
      1, 2, 3, 4,
    ]);
    const stored = await store.sheetsOfCommune('10507');
    expect(stored.map((s) => s.createdAt)).toEqual(parsed.sheets.map((s) => s.createdAt));
  });

  it('leaves personal data out of both formats unless asked', async () => {
    const json = await buildJsonExport(db, settings, false, now);
    const csv = await buildCsvExport(db, settings, false, now);
    expect(textOf(json)).not.toContain('Thêm ghế chờ');
    expect(textOf(csv)).not.toContain('Thêm ghế chờ');
    expect(textOf(await buildCsvExport(db, settings, true, now))).toContain('Thêm ghế chờ');
  });

  it('writes an Excel workbook with numeric scores and real dates in Vietnam time', async () => {
    const file = await buildXlsxExport(db, settings, true, now);
    expect(file.fileName).toBe('khao-sat-10507-2026-11-28.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(file));
    const sheet = workbook.getWorksheet('Phiếu khảo sát');
    if (!sheet) throw new Error('no worksheet');
    expect(sheet.getRow(1).getCell(1).value).toBe('DANH SÁCH PHIẾU KHẢO SÁT SỰ HÀI LÒNG');
    expect(sheet.getRow(2).getCell(1).value).toBe('Xã Tứ Kỳ');
    const headerRow = headerRowOf(sheet);
    const column = (header: string) => {
      const index = (sheet.getRow(headerRow).values as unknown[]).indexOf(header);
      if (index < 1) throw new Error(`no column ${header}`);
      return index;
    };
    expect(sheet.rowCount).toBe(headerRow + 4);
    const first = sheet.getRow(headerRow + 1);
    const stored = await db.getAll('sheets');
    expect(first.getCell(column('Mã xã')).value).toBe('10507');
    expect(first.getCell(column('Số thứ tự')).value).toBe(1);
    expect(first.getCell(column('Điểm')).value).toBe(
      sheetHalfPoints(defaultProfile, stored[0]?.answers ?? []) / 2,
    );
    // 03:00 UTC is 10:00 in Vietnam; the cell holds that wall-clock time.
    const time = first.getCell(column('Thời điểm trả lời')).value as Date;
    expect(time.getUTCHours()).toBe(10);
    expect(first.getCell(column('Thời điểm trả lời')).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first.getCell(column('Góp ý')).value).toBe('Thêm ghế chờ');
    const withoutPersonal = await buildXlsxExport(db, settings, false, now);
    await workbook.xlsx.load(bytesOf(withoutPersonal));
    const plain = workbook.getWorksheet('Phiếu khảo sát');
    if (!plain) throw new Error('no worksheet');
    expect(plain.getRow(headerRowOf(plain)).values).not.toContain('Góp ý');
  });
});

/** The row whose first cell is the header "Mã xã" (after the title lines). */
function headerRowOf(sheet: ExcelJS.Worksheet): number {
  for (let row = 1; row <= 10; row++)
    if (sheet.getRow(row).getCell(1).value === 'Mã xã') return row;
  throw new Error('no header row');
}

function textOf(file: ExportedFile): string {
  return typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
}
function bytesOf(file: ExportedFile): ArrayBuffer {
  if (typeof file.body === 'string') throw new Error(`${file.fileName} is not binary`);
  return file.body.buffer;
}
