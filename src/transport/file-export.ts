import { chainHead } from '../core/chain.ts';
import { vnDay } from '../core/period.ts';
import { Problem } from '../core/problems.ts';
import { flagThresholdsOf, type KioskSettings } from '../core/settings.ts';
import { hasPersonalData, type Sheet } from '../core/sheet.ts';
import { SHEETS_FILE_FORMAT, SHEETS_FILE_VERSION, signSheetsFile } from '../core/sheets-file.ts';
import { sheetsDocument } from '../core/tables/sheets.ts';
import type { TableDocument } from '../core/tables/table.ts';
import { csvFormat } from '../exports/csv/index.ts';
import { exportBytes } from '../exports/format.ts';
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

/** The kiosk's sheets as the shared sheets table (src/core/tables/sheets.ts), its commune named. */
async function sheetsTable(
  db: KioskDb,
  settings: KioskSettings,
  includePersonalData: boolean,
  now: number,
): Promise<TableDocument> {
  const sheets = await sheetsForExport(db, includePersonalData);
  const commune = { code: settings.communeCode, name: settings.communeName };
  const document = sheetsDocument(
    sheets.map((sheet) => ({ sheet, communeCode: commune.code, communeName: commune.name })),
    { office: false, personal: includePersonalData, period: null, commune },
  );
  return { ...document, fileStem: baseName(settings, now) };
}

/** The sheets as CSV for a Vietnamese-locale spreadsheet (docs/formats.md, "CSV"). */
export async function buildCsvExport(
  db: KioskDb,
  settings: KioskSettings,
  includePersonalData: boolean,
  now: number,
): Promise<ExportedFile> {
  const document = await sheetsTable(db, settings, includePersonalData, now);
  return {
    fileName: `${document.fileStem}.${csvFormat.extension}`,
    mimeType: csvFormat.mimeType,
    body: await exportBytes(csvFormat, document),
  };
}

/** The same table as an Excel workbook; exceljs is loaded only when asked for. */
export async function buildXlsxExport(
  db: KioskDb,
  settings: KioskSettings,
  includePersonalData: boolean,
  now: number,
): Promise<ExportedFile> {
  const { xlsxFormat } = await import('../exports/xlsx/index.ts');
  const document = await sheetsTable(db, settings, includePersonalData, now);
  return {
    fileName: `${document.fileStem}.${xlsxFormat.extension}`,
    mimeType: xlsxFormat.mimeType,
    body: await exportBytes(xlsxFormat, document),
  };
}
