import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { haiDuong2024Scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import { sectionBLeaves } from '../../src/core/scoring/section-b.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const KIOSK = '3f2a9c0d1e4b5a68';
const leaves = sectionBLeaves(haiDuong2024Scorecard);
const TOT = ['tot', 'tot', 'tot', 'tot', 'tot'];

/** Leaves at their maximum until `halfPoints` are reached exactly. */
function scoring(halfPoints: number) {
  const entries: Record<string, { halfPoints: number }> = {};
  let left = halfPoints;
  for (const leaf of leaves) {
    if (left === 0) break;
    const given = Math.min(leaf.maxHalfPoints, left);
    entries[leaf.id] = { halfPoints: given };
    left -= given;
  }
  return entries;
}

describe.each(stores)('reports ready to sign as spreadsheets, on %s', (_name, open) => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;

  beforeEach(async () => {
    ({ store, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(Date.UTC(2026, 11, 10));
    await collector.register(KIOSK);
    await collector.register('0a1b2c3d4e5f6071', '20901');
    // The exactness case of docs/scoring.md: a citizen mean of 29 999/3 000, one cadre sheet of 10.
    const answers = [...Array(2999).fill(TOT), ['tot', 'tot', 'tot', 'tot', 'kha'], TOT];
    const base = syntheticWeek(answers.length, 3, KIOSK);
    const sheets: Sheet[] = answers.map((a, i) => ({
      ...(base[i] as Sheet),
      seq: i + 1,
      formId: i < 3000 ? 'citizen' : 'cadre',
      answers: a,
      flags: [],
    }));
    for (let i = 0; i < sheets.length; i += 1000)
      expect(
        (
          await store.ingest({
            communeCode: '10507',
            channel: 'kiosk',
            issuerId: KIOSK,
            sheets: sheets.slice(i, i + 1000),
            precise: true,
            receivedAt: Date.UTC(2026, 10, 28),
          })
        ).ok,
      ).toBe(true);
    const appraised = await collector.api.request('/api/v1/scorecards/10507/2026/appraisal', {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ entries: scoring(130) }),
    });
    expect(appraised.status).toBe(200);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  const sheetOf = async (path: string) => {
    const response = await collector.api.request(path, { headers: admin });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    return { sheet, disposition: response.headers.get('content-disposition') ?? '' };
  };
  const rowStarting = (sheet: ExcelJS.Worksheet, column: number, text: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (!found && row.getCell(column).value === text) found = row;
    });
    if (!found) throw new Error(`no row with ${text}`);
    return found;
  };

  it('gives the Bảng tổng hợp with its issuer, number and period, exact totals that stay Mức độ 1, and a totals row', async () => {
    const issuer = encodeURIComponent('UBND TỈNH HẢI DƯƠNG\nSỞ NỘI VỤ');
    const { sheet, disposition } = await sheetOf(
      `/api/v1/reports/summary.xlsx?from=2026-11-23&to=2026-11-27&number=12/BC-SNV&issuer=${issuer}`,
    );
    expect(disposition).toContain('bang-tong-hop_2026-11-23_2026-11-27.xlsx');
    expect([1, 2, 3].map((r) => sheet.getRow(r).getCell(1).value)).toEqual([
      'UBND TỈNH HẢI DƯƠNG',
      'SỞ NỘI VỤ',
      'Số: 12/BC-SNV',
    ]);
    expect(sheet.getRow(6).getCell(1).value).toBe('Kỳ: 23/11/2026 – 27/11/2026');
    const header = rowStarting(sheet, 1, 'TT');
    const headers = header.values as unknown[];
    const tuKy = rowStarting(sheet, 2, '10507');
    const cell = (row: ExcelJS.Row, name: string) => row.getCell(headers.indexOf(name));
    expect(cell(tuKy, 'Tổng điểm (A + B)').value).toBe(254_999 / 3_000);
    expect(cell(tuKy, 'Tổng điểm (A + B)').numFmt).toBe('0.00'); // shown as 85,00 …
    expect(cell(tuKy, 'Mức độ đạt chuẩn').value).toBe('Chuẩn Mức độ 1 (tạm tính)'); // … yet Mức độ 1
    expect(cell(tuKy, 'Mục B (tối đa 80)').value).toBe(65);
    const totals = rowStarting(sheet, 3, 'Tổng cộng');
    expect(cell(totals, 'Phiếu người dân').value).toBe(3000);
    expect(totals.font?.bold).toBe(true);
  });

  it('gives a commune’s Bảng thang chấm điểm with Điểm chuẩn, Tự chấm and Thẩm định, and the total', async () => {
    const { sheet, disposition } = await sheetOf('/api/v1/reports/scorecard/10507/2026.xlsx');
    expect(disposition).toContain('bang-thang-cham-diem_10507_2026.xlsx');
    expect(sheet.getRow(3).getCell(1).value).toBe('BẢNG THANG CHẤM ĐIỂM');
    const b = rowStarting(sheet, 1, 'B');
    expect([b.getCell(3).value, b.getCell(5).value]).toEqual([80, 65]);
    const total = rowStarting(sheet, 2, 'TỔNG ĐIỂM CHUẨN (A + B)');
    expect(total.getCell(3).value).toBe(100);
    expect(total.getCell(5).value).toBeCloseTo(254_999 / 3_000, 12);
    const first = rowStarting(sheet, 1, 'I');
    expect(first.getCell(3).value).toBe(22);
  });

  it('lists the communes by standing for the January decision, and refuses what it cannot read', async () => {
    const { sheet } = await sheetOf('/api/v1/reports/standings.xlsx?year=2026');
    const row = rowStarting(sheet, 3, '10507');
    expect(row.getCell(1).value).toBe('Chuẩn Mức độ 1');
    expect(row.getCell(2).value).toBe(1);
    const bad = await collector.api.request('/api/v1/reports/standings.xlsx?year=20', {
      headers: admin,
    });
    expect(bad.status).toBe(400);
    const unknown = await collector.api.request('/api/v1/reports/scorecard/99999/2026.xlsx', {
      headers: admin,
    });
    expect(await unknown.json()).toMatchObject({ code: '404.3' });
    expect((await collector.api.request('/api/v1/reports/standings.csv?year=2026')).status).toBe(
      401,
    );
  });
});
