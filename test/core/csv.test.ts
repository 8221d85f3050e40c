import { describe, expect, it } from 'vitest';
import { csvCell, sheetsToCsv } from '../../src/core/csv.ts';
import { haiDuong2024 } from '../../src/core/profile/index.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';

describe('CSV for Excel', () => {
  it('starts with a BOM and Vietnamese headers', () => {
    const csv = sheetsToCsv(haiDuong2024, [], false);
    expect(csv.startsWith('\uFEFFMã máy,Số thứ tự,Mẫu phiếu,Câu 1')).toBe(true);
  });

  it('writes one row a sheet with labels, the score in vi-VN notation and the time', () => {
    const [sheet] = syntheticWeek(1);
    if (!sheet) throw new Error('fixture');
    const csv = sheetsToCsv(
      haiDuong2024,
      [{ ...sheet, answers: ['tot', 'kha', 'tot', 'trung-binh', 'tot'] }],
      false,
    );
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(',Tốt,Khá,Tốt,Trung bình,Tốt,"7,5",');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    for (const dangerous of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)']) {
      expect(csvCell(dangerous).startsWith(`"'`)).toBe(true);
    }
    expect(csvCell('Thôn Đông')).toBe('Thôn Đông');
  });

  it('leaves personal data out unless asked', () => {
    const [sheet] = syntheticWeek(1);
    if (!sheet) throw new Error('fixture');
    const personal = {
      ...sheet,
      suggestion: '=cmd|calc',
      respondent: { name: 'Lê Văn C', address: 'Xóm 3', consent: { noticeVersion: 1, at: 0 } },
    };
    expect(sheetsToCsv(haiDuong2024, [personal], false)).not.toContain('Lê Văn C');
    const withPersonal = sheetsToCsv(haiDuong2024, [personal], true);
    expect(withPersonal).toContain('Lê Văn C');
    expect(withPersonal).toContain(`"'=cmd|calc"`);
  });
});
