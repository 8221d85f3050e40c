import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sheet } from '../../src/core/sheet.ts';
import type { Engine } from '../../src/server/store/engine.ts';
import { EXPORT_PAGE_ROWS } from '../../src/server/store/sheet-export.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const KIOSK = '3f2a9c0d1e4b5a68';
const DAY = 86_400_000;

/** The CSV's lines without the BOM, each split at the vi-VN list separator. */
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .map((line) => line.split(';'));

describe.each(stores)('the office’s downloads, on %s', (_name, open) => {
  let store: CollectorStore;
  let engine: Engine;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;
  const get = (path: string, headers: Record<string, string> = admin) =>
    collector.api.request(path, { headers });

  beforeEach(async () => {
    ({ store, engine, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(START + 40 * DAY);
    await collector.register(KIOSK);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  const deliver = (sheets: Sheet[]) =>
    store.ingest({
      communeCode: '10507',
      channel: 'kiosk',
      issuerId: KIOSK,
      sheets,
      precise: true,
      receivedAt: START + 30 * DAY,
    });

  it('streams every sheet of a period once, in the order of the kiosk’s numbers, across pages', async () => {
    const count = EXPORT_PAGE_ROWS * 2 + 500;
    const sheets = syntheticWeek(count, 7, KIOSK).map((s, i) => ({
      ...s,
      // Twenty sheets around each page boundary share one instant, out of their numbers' order:
      // the keyset (commune, device, number) must not skip or repeat them.
      ...(Math.abs(i - EXPORT_PAGE_ROWS) < 10 || Math.abs(i - 2 * EXPORT_PAGE_ROWS) < 10
        ? { createdAt: START, startedAt: START - 60_000 }
        : {}),
    }));
    for (let i = 0; i < sheets.length; i += 1000)
      expect((await deliver(sheets.slice(i, i + 1000))).ok).toBe(true);

    const response = await get('/api/v1/sheets.csv?commune=10507&from=2026-11-01&to=2026-11-30');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="phieu-khao-sat_10507_2026-11-01_2026-11-30.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The BOM tells Excel the file is UTF-8, so Vietnamese letters survive.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('DANH SÁCH PHIẾU KHẢO SÁT SỰ HÀI LÒNG\r\n')).toBe(true);
    const rows = csvRows(text);
    expect(rows[2]).toEqual(['Kỳ: 01/11/2026 – 30/11/2026']);
    const header = rows.findIndex((r) => r[0] === 'Mã xã');
    const seqColumn = rows[header]?.indexOf('Số thứ tự') ?? -1;
    const data = rows.slice(header + 1).filter((r) => r.length > 1);
    expect(data).toHaveLength(count);
    expect(new Set(data.map((r) => r[seqColumn])).size).toBe(count);
    expect(data.every((r) => r[0] === '="10507"')).toBe(true);
    expect(data.map((r) => Number(r[seqColumn]))).toEqual(
      sheets.map((s) => s.seq).sort((a, b) => a - b),
    );
  });

  it('keeps to the period’s Vietnam days and leaves other communes out', async () => {
    const sheets = syntheticWeek(10, 3, KIOSK).map((s, i) => ({
      ...s,
      // 23:30 on 30/11 in Vietnam is 16:30 UTC: still November; 00:30 on 1/12 is not.
      createdAt: Date.UTC(2026, 10, 30, 16, 30) + (i < 5 ? 0 : 3_600_000) + i,
      startedAt: Date.UTC(2026, 10, 30, 16, 0),
    }));
    expect((await deliver(sheets)).ok).toBe(true);
    const november = csvRows(
      await (await get('/api/v1/sheets.csv?from=2026-11-01&to=2026-11-30')).text(),
    );
    expect(november.filter((r) => r[0] === '="10507"')).toHaveLength(5);
    const other = await get('/api/v1/sheets.csv?commune=99999');
    expect(other.status).toBe(404);
  });

  it('writes an XLSX with date cells, text codes, numeric scores, and a title naming the period', async () => {
    expect((await deliver(syntheticWeek(30, 5, KIOSK))).ok).toBe(true);
    const response = await get('/api/v1/sheets.xlsx?from=2026-11-23&to=2026-11-27');
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Phiếu khảo sát');
    if (!sheet) throw new Error('no worksheet');
    expect(sheet.getRow(3).getCell(1).value).toBe('Kỳ: 23/11/2026 – 27/11/2026');
    const headerRow = 5;
    const headers = sheet.getRow(headerRow).values as unknown[];
    const cell = (row: number, header: string) =>
      sheet.getRow(row).getCell(headers.indexOf(header));
    expect(cell(headerRow + 1, 'Mã xã').value).toBe('10507');
    expect(cell(headerRow + 1, 'Mã xã').numFmt).toBe('@');
    expect(typeof cell(headerRow + 1, 'Điểm').value).toBe('number');
    expect(cell(headerRow + 1, 'Thời điểm trả lời').value).toBeInstanceOf(Date);
    expect(cell(headerRow + 1, 'Nhận lúc').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.rowCount).toBe(headerRow + 30);
  });

  it('gives names and reasons only with personal=1; what respondents typed never runs as a formula', async () => {
    const [first, ...rest] = syntheticWeek(3, 9, KIOSK);
    if (!first) throw new Error('fixture');
    const named = {
      ...first,
      respondent: {
        name: 'Nguyễn Thị Hà',
        address: 'Thôn Đông',
        consent: { noticeVersion: 1, at: first.startedAt },
      },
      suggestion: '=HYPERLINK("http://x")',
    };
    expect((await deliver([named, ...rest])).ok).toBe(true);
    const plain = await (await get('/api/v1/sheets.csv?commune=10507')).text();
    expect(plain).not.toContain('Nguyễn Thị Hà');
    const personal = await (await get('/api/v1/sheets.csv?commune=10507&personal=1')).text();
    expect(personal).toContain('Nguyễn Thị Hà');
    // What a respondent typed never runs as a formula.
    expect(personal).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('skips a stored row it cannot read instead of failing the download', async () => {
    expect((await deliver(syntheticWeek(3, 4, KIOSK))).ok).toBe(true);
    await engine.read.run("UPDATE sheets SET personal = '{not json' WHERE seq = 2");
    const response = await get('/api/v1/sheets.csv');
    expect(response.status).toBe(200);
    const rows = csvRows(await response.text());
    expect(rows.filter((r) => r[0] === '="10507"')).toHaveLength(2);
  });

  it('refuses without the office credential, a bad period or a bad commune, and writes nothing', async () => {
    expect((await get('/api/v1/sheets.csv', {})).status).toBe(401);
    expect((await get('/api/v1/sheets.xlsx?from=2026-11-31&to=2026-12-01')).status).toBe(400);
    expect((await get('/api/v1/sheets.csv?from=2026-12-01')).status).toBe(400);
    expect((await get('/api/v1/sheets.csv?commune=1;DROP')).status).toBe(400);
    expect((await get('/api/v1/communes.xlsx?to=x')).status).toBe(400);
  });

  it('exports the figures of a period with its title and file name', async () => {
    expect((await deliver(syntheticWeek(40, 11, KIOSK))).ok).toBe(true);
    const response = await get('/api/v1/communes.csv?from=2026-11-23&to=2026-11-27');
    expect(response.headers.get('content-disposition')).toContain(
      'so-lieu-cac-xa_2026-11-23_2026-11-27.csv',
    );
    const rows = csvRows(await response.text());
    expect(rows[1]).toEqual(['Kỳ: 23/11/2026 – 27/11/2026']);
    const header = rows.findIndex((r) => r[0] === 'Mã xã');
    const row = rows[header + 1] ?? [];
    expect(row[0]).toBe('="10507"');
    expect(row[2]).toBe('40');
    // Every mean in a column shows two decimals, with the vi-VN decimal comma.
    const mean = rows[header]?.indexOf('Điểm TB người dân (đã xem xét)') ?? -1;
    expect(row[mean]).toMatch(/^\d{1,2},\d{2}$/);
  });
});
