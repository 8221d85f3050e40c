import { chainHead } from '../core/chain.ts';
import { sheetsToCsv } from '../core/csv.ts';
import { vnDay } from '../core/period.ts';
import { Problem } from '../core/problems.ts';
import { profileOfSettings } from '../core/profile/registry.ts';
import { flagThresholdsOf, type KioskSettings } from '../core/settings.ts';
import { hasPersonalData, type Sheet } from '../core/sheet.ts';
import { sheetTable } from '../core/sheet-table.ts';
import { SHEETS_FILE_FORMAT, SHEETS_FILE_VERSION, signSheetsFile } from '../core/sheets-file.ts';
import { loadCredentials, signerOf } from '../storage/credentials.ts';
import type { KioskDb } from '../storage/db.ts';
import { ensureDevice } from '../storage/device.ts';
import { listSheets } from '../storage/sheets.ts';

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** Text for JSON and CSV, bytes for XLSX. */
  body: string | Uint8Array<ArrayBuffer>;
}

export type ExportKind = 'json' | 'csv' | 'xlsx';

/** Every stored sheet, without its device-only fields, personal data kept only when asked. */
async function sheetsForExport(db: KioskDb, includePersonalData: boolean): Promise<Sheet[]> {
  return (await listSheets(db)).map(({ sentAt: _sentAt, ...sheet }) => {
    if (includePersonalData || !hasPersonalData(sheet)) return sheet;
    const { respondent: _r, reasons: _why, suggestion: _s, ...answersOnly } = sheet;
    return answersOnly;
  });
}

const baseName = (settings: KioskSettings, now: number) =>
  `khao-sat-${settings.communeCode || 'xa'}-${vnDay(now)}`;

/** The lossless JSON file, signed with the kiosk's key (docs/formats.md, "JSON file"). */
export async function buildJsonExport(
  db: KioskDb,
  settings: KioskSettings,
  includePersonalData: boolean,
  now: number,
): Promise<ExportedFile> {
  const credentials = await loadCredentials(db);
  if (!credentials) throw new Problem('kiosk.not-registered');
  const device = await ensureDevice(db);
  const sheets = await sheetsForExport(db, includePersonalData);
  const mine = sheets.filter((s) => s.deviceId === device.deviceId).sort((a, b) => a.seq - b.seq);
  const file = await signSheetsFile(signerOf(credentials), {
    format: SHEETS_FILE_FORMAT,
    version: SHEETS_FILE_VERSION,
    exportedAt: now,
    deviceId: device.deviceId,
    communeCode: settings.communeCode,
    communeName: settings.communeName,
    includesPersonalData: includePersonalData,
    thresholds: flagThresholdsOf(settings.timing),
    ...(mine.length > 0 ? { chainHead: chainHead(device.deviceId, mine) } : {}),
    sheets,
  });
  return {
    fileName: `${baseName(settings, now)}.json`,
    mimeType: 'application/json',
    body: `${JSON.stringify(file, null, 1)}\n`,
  };
}

/** The sheets as CSV for Excel (UTF-8 with BOM, formulas defused). */
export async function buildCsvExport(
  db: KioskDb,
  settings: KioskSettings,
  includePersonalData: boolean,
  now: number,
): Promise<ExportedFile> {
  return {
    fileName: `${baseName(settings, now)}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    body: sheetsToCsv(
      profileOfSettings(settings),
      await sheetsForExport(db, includePersonalData),
      includePersonalData,
    ),
  };
}

/** The same table as an Excel workbook; exceljs is loaded only when asked for. */
export async function buildXlsxExport(
  db: KioskDb,
  settings: KioskSettings,
  includePersonalData: boolean,
  now: number,
): Promise<ExportedFile> {
  const { sheetTableXlsx } = await import('./sheets-xlsx.ts');
  const sheets = await sheetsForExport(db, includePersonalData);
  return {
    fileName: `${baseName(settings, now)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await sheetTableXlsx(
      sheetTable(profileOfSettings(settings), sheets, includePersonalData),
    ),
  };
}
