import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch } from '../../src/core/codec/batch.ts';
import { communeFigures } from '../../src/core/commune-figures.ts';
import { admitSheets } from '../../src/core/intake.ts';
import { addKnownProfile, haiDuong2024 } from '../../src/core/profile/index.ts';
import { summarizeForm } from '../../src/core/scoring/form-summary.ts';
import { talliesOfSheets } from '../../src/core/scoring/tally.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import { sheetsDocument } from '../../src/core/tables/sheets.ts';
import type { TableCell } from '../../src/core/tables/table.ts';
import { batchOf } from '../fixtures/batches.ts';
import { sixQuestions } from '../fixtures/profiles/six-questions.ts';

/**
 * The six-question, three-level test profile through the core paths the office's browser runs
 * itself (the collector's are in test/server/six-question-profile.test.ts): the gate, the batch
 * codec, the tallies and figures, the form summary, the sheets table. (The answer QR is in the
 * collector's test, with a token a kiosk key signed.)
 */
const AT = Date.UTC(2026, 10, 24, 2);
const sheet = (seq: number, answers: string[], formId: Sheet['formId'] = 'citizen'): Sheet => ({
  deviceId: '6a1b2c3d4e5f6071',
  seq,
  profileId: 'test-sau-cau',
  profileVersion: 1,
  formId,
  formVersion: formId === 'citizen' ? 2 : 3,
  channel: 'kiosk',
  answers,
  startedAt: AT + seq * 60_000 - 30_000,
  createdAt: AT + seq * 60_000,
  flags: [],
});
const sheets = [
  sheet(1, ['hai-long', 'hai-long', 'hai-long', 'hai-long', 'hai-long', 'binh-thuong']),
  sheet(2, ['chua-hai-long', 'binh-thuong', 'binh-thuong', 'hai-long', 'hai-long', 'hai-long']),
  sheet(
    3,
    ['binh-thuong', 'binh-thuong', 'binh-thuong', 'binh-thuong', 'binh-thuong', 'hai-long'],
    'cadre',
  ),
];

describe('the six-question test profile in src/core', () => {
  let forget: () => void;
  beforeAll(() => {
    forget = addKnownProfile(sixQuestions);
  });
  afterAll(() => forget());

  it('passes the gate and the batch codec, answers and form versions kept', () => {
    expect(admitSheets(sheets, { path: 'batch', now: AT + 3_600_000 })).toBe(sheets);
    const batch = batchOf(sheets, { profileId: 'test-sau-cau', profileVersion: 1 });
    const decoded = decodeBatch(encodeBatch(batch));
    expect(decoded.sheets.map((s) => [s.formVersion, s.answers])).toEqual(
      sheets.map((s) => [s.formVersion, s.answers]),
    );
  });

  it('scores on its own points in the tallies, the figures and the form summary', () => {
    // Citizen: 27 + 19 half-points over two sheets = 23/2 points; cadre 15/2 points.
    const figures = communeFigures(
      {
        communeCode: '10507',
        communeName: 'Xã thử',
        sheetCount: 3,
        phoneSheetCount: 0,
        setAsideCount: 0,
        lastReceivedAt: null,
      },
      talliesOfSheets(sheets),
    );
    expect(figures.profileId).toBe('test-sau-cau');
    expect(figures.citizen.meanReviewed).toMatchObject({ num: 23, den: 2 });
    expect(figures.cadre.meanReviewed).toMatchObject({ num: 15, den: 2 });
    expect(figures.citizen.distribution).toEqual([
      [1, 0, 1],
      [1, 1, 0],
      [1, 1, 0],
      [2, 0, 0],
      [2, 0, 0],
      [1, 1, 0],
    ]);
    const summary = summarizeForm(sixQuestions, 'citizen', sheets);
    expect(summary.mean).toEqual({ num: 23, den: 2 });
    expect(summary.satisfactionRate).toEqual({ num: 2, den: 3 }); // 8 of 12 answers
    // Read on the shipped profile, the same sheets cannot be scored: counted, left out.
    expect(summarizeForm(haiDuong2024, 'citizen', sheets).unknownProfileCount).toBe(2);
  });

  it('gives its rows six answer columns, the score right after them', async () => {
    const five: Sheet = {
      ...sheet(4, ['tot', 'kha', 'trung-binh', 'yeu', 'tot']),
      profileId: 'hai-duong-2024',
      formVersion: 1,
    };
    const document = sheetsDocument(
      [...sheets, five].map((s) => ({ sheet: s, communeCode: '10507', communeName: 'Xã thử' })),
      { office: false, personal: false, period: null },
    );
    const headers = document.columns.map((c) => c.header);
    const from = headers.indexOf('Câu 1');
    expect(headers.slice(from, from + 7)).toEqual([
      'Câu 1',
      'Câu 2',
      'Câu 3',
      'Câu 4',
      'Câu 5',
      'Câu 6',
      'Điểm',
    ]);
    const rows: TableCell[][] = [];
    for await (const row of document.rows) rows.push(row);
    expect(rows.map((r) => r.slice(from, from + 7))).toEqual([
      ['Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng', 'Bình thường', 13.5],
      ['Chưa hài lòng', 'Bình thường', 'Bình thường', 'Hài lòng', 'Hài lòng', 'Hài lòng', 9.5],
      ['Bình thường', 'Bình thường', 'Bình thường', 'Bình thường', 'Bình thường', 'Hài lòng', 7.5],
      ['Tốt', 'Khá', 'Trung bình', 'Yếu', 'Tốt', null, 5.5],
    ]);
  });
});
