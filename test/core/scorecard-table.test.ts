import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haiDuong2024Scorecard as scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import {
  appraisalYearOf,
  parsePoints,
  pointsText,
  scorecardDocumentText,
  scorecardRows,
  sectionBTotals,
  totalAndStanding,
  unexplainedLeaves,
} from '../../src/core/scorecard-table.ts';

const seed = readFileSync(
  new URL('../fixtures/seeds/003_80e356a50ea517f7.txt', import.meta.url),
  'utf8',
).normalize('NFC');

describe('the Bảng thang chấm điểm as rows', () => {
  it('lays Section B out in table order with the seed’s TT: criteria in Roman numerals, items numbered, bullets below', () => {
    const rows = scorecardRows(scorecard, {}, {});
    expect(rows.slice(0, 4).map((r) => [r.id, r.tt, r.depth])).toEqual([
      ['1', 'I', 0],
      ['1.1', '1', 1],
      ['1.1.1', '-', 2],
      ['1.1.2', '-', 2],
    ]);
    expect(rows.find((r) => r.id === '2.4.5.1')?.tt).toBe('+');
    expect(rows[0]?.text).toBe('TIÊU CHÍ 1: CHÍNH QUYỀN HOẠT ĐỘNG CÔNG KHAI, MINH BẠCH');
    expect(seed).toContain(`I\t${rows[0]?.text}\t22`);
    expect(rows.find((r) => r.id === '5')?.tt).toBe('V');
    expect(rows.filter((r) => r.leaf)).toHaveLength(48);
  });

  it('sums a node’s leaves for the self-score and for what counts (appraisal, else self-score)', () => {
    const rows = scorecardRows(
      scorecard,
      { '1.1.1': { halfPoints: 2, note: 'Có biên bản' }, '1.1.2': { halfPoints: 2 } },
      { '1.1.2': { halfPoints: 1, reason: 'Thiếu biên bản họp thôn' } },
    );
    const item = rows.find((r) => r.id === '1.1');
    expect([item?.self, item?.counted, item?.appraisal]).toEqual([4, 3, null]);
    const leaf = rows.find((r) => r.id === '1.1.1');
    expect([leaf?.self, leaf?.appraisal, leaf?.counted, leaf?.note]).toEqual([
      2,
      null,
      2,
      'Có biên bản',
    ]);
    expect(rows.find((r) => r.id === '2')?.self).toBeNull();
    expect(
      sectionBTotals(scorecard, { '1.1.1': { halfPoints: 2 } }, { '5.1': { halfPoints: 14 } }),
    ).toEqual({ self: 2, counted: 16 });
  });

  it('prints the seed’s rows around Section B letter for letter', () => {
    const text = scorecardDocumentText(scorecard);
    for (const line of [
      text.title,
      text.subtitle,
      text.totalRow,
      text.sectionA.citizen,
      text.sectionA.cadre,
      text.sectionB,
      text.signature.on,
      text.signature.title,
      text.signature.hint,
    ])
      expect(seed).toContain(line);
  });
});

describe('the total on the screen', () => {
  it('compares A + B with the thresholds exactly: 84,9997 is Mức độ 1', () => {
    const result = totalAndStanding(
      scorecard,
      { num: 59_999, den: 3000, complete: true },
      130,
      false,
    );
    expect(result?.standing.label).toBe('Chuẩn Mức độ 1');
    expect(
      totalAndStanding(scorecard, { num: 20, den: 1, complete: true }, 160, true)?.standing.label,
    ).toBe('Không đạt chuẩn');
  });

  it('has no total while a form has no sheet', () => {
    expect(totalAndStanding(scorecard, { num: 9, den: 1, complete: false }, 150, false)).toBeNull();
  });
});

describe('an appraisal that differs', () => {
  it('needs a reason where it differs from the self-score', () => {
    expect(
      unexplainedLeaves(
        { '1.1.1': { halfPoints: 2 }, '1.1.2': { halfPoints: 2 } },
        {
          '1.1.1': { halfPoints: 1 },
          '1.1.2': { halfPoints: 1, reason: '  ' },
          '1.2.1': { halfPoints: 0 },
        },
      ),
    ).toEqual(['1.1.1', '1.1.2']);
    expect(
      unexplainedLeaves({ '1.1.1': { halfPoints: 2 } }, { '1.1.1': { halfPoints: 2 } }),
    ).toEqual([]);
  });
});

describe('points typed by an officer', () => {
  it('reads 0,5 steps with a comma or a dot', () => {
    expect(parsePoints('1,5', 4)).toEqual({ kind: 'points', halfPoints: 3 });
    expect(parsePoints('1.5', 4)).toEqual({ kind: 'points', halfPoints: 3 });
    expect(parsePoints(' 2 ', 4)).toEqual({ kind: 'points', halfPoints: 4 });
    expect(parsePoints('0,50', 4)).toEqual({ kind: 'points', halfPoints: 1 });
    expect(parsePoints('', 4)).toEqual({ kind: 'empty' });
  });

  it('refuses what is not a 0,5 step within the row’s Điểm chuẩn, instead of rounding', () => {
    for (const text of ['1,25', '2,5', '-1', 'hai', '1,'])
      expect(parsePoints(text, 4)).toEqual({
        kind: 'invalid',
        message: 'Điểm phải từ 0 đến 2, theo bước 0,5.',
      });
  });

  it('prints half-points as points', () => {
    expect([pointsText(3), pointsText(14), pointsText(null)]).toEqual(['1,5', '7', '']);
  });
});

describe('the year worked on', () => {
  it('is last year’s in January (the decision), this year’s otherwise', () => {
    expect(appraisalYearOf('2027-01-10')).toBe(2026);
    expect(appraisalYearOf('2026-12-20')).toBe(2026);
  });
});
