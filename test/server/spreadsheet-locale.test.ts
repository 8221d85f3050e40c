import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, START, testCollector } from './harness.ts';

/**
 * Our CSV and XLSX opened as an officer's spreadsheet opens them: LibreOffice Calc, headless,
 * with the Vietnamese locale (1066) that uses ',' for decimals, as Excel does on a vi-VN
 * Windows. What it reads back must be numbers, dates and codes, not text or shifted columns.
 */
const KIOSK = '0a1b2c3d4e5f6071';
const VIETNAMESE = 1066;
const ENGLISH_US = 1033;

let dir: string;
let store: CollectorStore;
let collector: ReturnType<typeof testCollector>;

beforeAll(() => {
  execFileSync('bash', ['scripts/ensure-libreoffice.sh'], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'calc-'));
}, 600_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Calc converts `file` with the given import filter; returns the converted file's path. */
function calc(file: string, to: string, infilter?: string): string {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      join(dir, 'out'),
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const name =
    file
      .split('/')
      .at(-1)
      ?.replace(/\.[^.]+$/, '') ?? '';
  return join(dir, 'out', `${name}.${to.split(':')[0]}`);
}

/** CSV import options: ';' separator, '"' quotes, UTF-8, from line 1, standard columns, the locale. */
const csvFilter = (locale: number) => `CSV:59,34,76,1,,${locale}`;

async function worksheetOf(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${path}: no worksheet`);
  return sheet;
}

/** The header row (the one starting "Mã xã") and a cell lookup by header. */
function table(sheet: ExcelJS.Worksheet) {
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === 'Mã xã') headerRow = n;
  });
  const headers = sheet.getRow(headerRow).values as unknown[];
  return {
    headerRow,
    cell: (row: number, header: string) => {
      const value = sheet.getRow(headerRow + row).getCell(headers.indexOf(header)).value;
      return value && typeof value === 'object' && 'result' in value ? value.result : value;
    },
  };
}

describe('exports in a Vietnamese-locale spreadsheet (LibreOffice Calc)', () => {
  beforeAll(async () => {
    store = await openSqliteStore(join(dir, 'collector.sqlite'));
    collector = testCollector(store);
    collector.setClock(START + 10 * 86_400_000);
    await collector.register(KIOSK, '00412');
    const sheets = syntheticWeek(40, 13, KIOSK);
    const ingested = await store.ingest({
      communeCode: '00412',
      channel: 'kiosk',
      issuerId: KIOSK,
      sheets,
      precise: true,
      receivedAt: START + 5 * 86_400_000,
    });
    expect(ingested.ok).toBe(true);
    for (const [path, name] of [
      ['/api/v1/communes.csv?from=2026-11-23&to=2026-11-27', 'figures.csv'],
      ['/api/v1/sheets.csv?commune=00412', 'sheets.csv'],
      ['/api/v1/sheets.xlsx?commune=00412', 'sheets.xlsx'],
    ] as const) {
      const response = await collector.api.request(path, { headers: admin });
      expect(response.status).toBe(200);
      writeFileSync(join(dir, name), new Uint8Array(await response.arrayBuffer()));
    }
  }, 120_000);

  it('reads the figures CSV as numbers, with the commune code’s leading zeros kept', async () => {
    const api = (await (
      await collector.api.request('/api/v1/communes?from=2026-11-23&to=2026-11-27', {
        headers: admin,
      })
    ).json()) as { communes: { citizen: { meanReviewed: { value: number } } }[] };
    const mean = api.communes[0]?.citizen.meanReviewed.value ?? Number.NaN;

    const vi = table(
      await worksheetOf(calc(join(dir, 'figures.csv'), 'xlsx', csvFilter(VIETNAMESE))),
    );
    expect(vi.cell(1, 'Mã xã')).toBe('00412');
    expect(vi.cell(1, 'Xã, phường')).toBe('Xã 00412');
    expect(vi.cell(1, 'Số phiếu')).toBe(40);
    expect(vi.cell(1, 'Điểm TB người dân (đã xem xét)')).toBeCloseTo(mean, 2);
    const rate = vi.cell(1, 'Tỷ lệ hài lòng người dân');
    expect(typeof rate).toBe('number');
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(1);

    // The same file in a US-English spreadsheet does not read the decimal comma: the test can tell.
    const us = table(
      await worksheetOf(calc(join(dir, 'figures.csv'), 'xlsx', csvFilter(ENGLISH_US))),
    );
    expect(us.cell(1, 'Điểm TB người dân (đã xem xét)')).not.toBeCloseTo(mean, 2);
  }, 240_000);

  it('reads the sheets CSV with its times as dates in Vietnam time', async () => {
    const vi = table(
      await worksheetOf(calc(join(dir, 'sheets.csv'), 'xlsx', csvFilter(VIETNAMESE))),
    );
    const first = syntheticWeek(40, 13, KIOSK).sort((a, b) => a.createdAt - b.createdAt)[0];
    if (!first) throw new Error('fixture');
    const answered = vi.cell(1, 'Thời điểm trả lời');
    expect(answered).toBeInstanceOf(Date);
    // Calc keeps the wall-clock time it read; the export wrote Vietnam time (UTC+7), to the minute.
    const wallClock = Math.floor((first.createdAt + 7 * 3_600_000) / 60_000) * 60_000;
    expect((answered as Date).getTime()).toBe(wallClock);
    expect(typeof vi.cell(1, 'Điểm')).toBe('number');
    expect(vi.cell(1, 'Mã máy')).toBe(KIOSK);
  }, 240_000);

  it('opens the XLSX with the same values another spreadsheet reads', async () => {
    const csv = readFileSync(
      calc(join(dir, 'sheets.xlsx'), 'csv:Text - txt - csv (StarCalc):59,34,76'),
      'utf8',
    );
    const lines = csv.split(/\r?\n/);
    const header = lines.findIndex((l) => l.startsWith('Mã xã;'));
    expect(header).toBeGreaterThan(0);
    expect(lines.slice(header + 1).filter((l) => l.startsWith('00412;'))).toHaveLength(40);
  }, 240_000);
});
