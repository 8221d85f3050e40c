import { describe, expect, it } from 'vitest';
import { type CommuneFigures, communeFigures } from '../../src/core/commune-figures.ts';
import { haiDuong2024Scorecard as scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import type { CommuneStanding } from '../../src/core/scoring/commune-standing.ts';
import { fractionToNumber } from '../../src/core/scoring/fraction.ts';
import type { Tally } from '../../src/core/scoring/tally.ts';
import {
  formatFixed,
  provinceTotals,
  standingGroups,
  summaryRows,
} from '../../src/core/summary-table.ts';

/** A commune's figures from sheets given as half-point scores per form. */
function commune(code: string, citizen: number[], cadre: number[], excluded = 0): CommuneFigures {
  const tally = (formId: 'citizen' | 'cadre', scores: number[], excludedToo: boolean): Tally[] =>
    scores.map((halfPoints, i) => ({
      day: '2026-11-24',
      formId,
      profileId: 'hai-duong-2024',
      profileVersion: 1,
      channel: 'kiosk',
      flagged: false,
      excluded: excludedToo && i < excluded,
      sheets: 1,
      halfPoints,
      halfPointsSquared: halfPoints * halfPoints,
      answers: 5,
      satisfied: halfPoints >= 10 ? 5 : 0,
      distribution: new Array(20).fill(0),
    })) as unknown as Tally[];
  return communeFigures(
    {
      communeCode: code,
      communeName: `Xã ${code}`,
      sheetCount: citizen.length + cadre.length,
      phoneSheetCount: 0,
      setAsideCount: 0,
      lastReceivedAt: null,
    },
    [...tally('citizen', citizen, true), ...tally('cadre', cadre, false)],
  );
}

const standing = (code: string, halfPoints: number, extra: Partial<CommuneStanding> = {}) =>
  ({
    communeCode: code,
    communeName: `Xã ${code}`,
    sectionB: { halfPoints },
    provisional: false,
    disqualification: null,
    rank: 1,
    standing: { id: 'muc-1', label: 'Chuẩn Mức độ 1' },
    ...extra,
  }) as unknown as CommuneStanding;

describe('the Bảng tổng hợp', () => {
  it('adds Section A of the period to the appraised Section B and compares exactly', () => {
    // Citizen mean 10, cadre mean 9 → A 19; B 65,5 → 84,5: Mức độ 1.
    const [row] = summaryRows([commune('1', [20, 20], [18, 18])], [standing('1', 131)], scorecard);
    expect(row && fractionToNumber(row.sectionA ?? { num: 0, den: 1 })).toBe(19);
    expect(row?.total).toEqual({ num: 169, den: 2 });
    expect(row?.standing).toBe('Chuẩn Mức độ 1');
  });

  it('has no total without both forms or without a record of Section B', () => {
    const rows = summaryRows(
      [commune('1', [20], []), commune('2', [20], [20])],
      [standing('1', 150)],
      scorecard,
    );
    expect(rows.map((r) => [r.total, r.standing])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('counts the reviewed sheets and takes the province’s means over all of them, not a mean of means', () => {
    // Commune 1: one citizen sheet of 10 points; commune 2: three of 4 points.
    const totals = provinceTotals([commune('1', [20], []), commune('2', [8, 8, 8], [])]);
    expect(totals.citizen.sheets).toBe(4);
    expect(totals.citizen.mean).toEqual({ num: 11, den: 2 }); // (10 + 3 × 4) / 4 = 5,5, not 7
    expect(totals.cadre).toEqual({ sheets: 0, mean: null });
    expect(totals.satisfaction).toEqual({ num: 1, den: 4 });
  });

  it('leaves out the sheets the office set aside', () => {
    const totals = provinceTotals([commune('1', [0, 20, 20], [], 1)]);
    expect(totals.citizen).toEqual({ sheets: 2, mean: { num: 10, den: 1 } });
  });

  it('prints every figure of a column with the same decimals', () => {
    expect([formatFixed(10), formatFixed({ num: 25, den: 3 }), formatFixed(1234.5, 1)]).toEqual([
      '10,00',
      '8,33',
      '1.234,5',
    ]);
  });
});

describe('the January list', () => {
  it('groups the communes by standing, highest first, says why one is Không đạt chuẩn, and puts the unranked last', () => {
    const groups = standingGroups(
      [
        standing('1', 0, { standing: { id: 'muc-4', label: 'Chuẩn Mức độ 4' } }),
        standing('2', 0, {
          standing: { id: 'khong-dat', label: 'Không đạt chuẩn' },
          disqualification: { id: 'vu-viec-vuot-cap', reason: 'Đoàn khiếu nại đông người 3/2026' },
        }),
        standing('3', 0, { standing: { id: 'khong-dat', label: 'Không đạt chuẩn' }, rank: 3 }),
        standing('4', 0, { standing: null, rank: null }),
      ],
      scorecard,
    );
    expect(groups.map((g) => [g.id, g.communes.map((c) => c.standing.communeCode)])).toEqual([
      ['muc-4', ['1']],
      ['muc-3', []],
      ['muc-2', []],
      ['muc-1', []],
      ['khong-dat', ['2', '3']],
      ['chua-xep-loai', ['4']],
    ]);
    const [disqualified, below] = groups[4]?.communes ?? [];
    expect(disqualified?.reason).toContain('vượt cấp đông người');
    expect(disqualified?.reason).toContain('Đoàn khiếu nại đông người 3/2026');
    expect(below?.reason).toBe('Tổng điểm dưới 80 điểm.');
  });
});
