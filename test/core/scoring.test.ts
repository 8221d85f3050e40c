import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haiDuong2024Scorecard as scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import { haiDuong2024 as profile } from '../../src/core/profile/index.ts';
import {
  compareFractions,
  fraction,
  fractionToNumber,
  scorecardTotal,
  sectionA,
  sheetHalfPoints,
  standingFor,
  summarizeForm,
} from '../../src/core/scoring/index.ts';
import type { Sheet } from '../../src/core/sheet.ts';

// The reference: the seed's own wording, points as decimals (Tốt 2, Khá 1, Trung bình 0,5, Yếu 0).
const REFERENCE_POINTS: Record<string, number> = { tot: 2, kha: 1, 'trung-binh': 0.5, yeu: 0 };
const levelIds = Object.keys(REFERENCE_POINTS);
const answersArb = fc.array(fc.constantFrom(...levelIds), { minLength: 5, maxLength: 5 });

function sheetOf(answers: string[], seq: number, extra: Partial<Sheet> = {}): Sheet {
  return {
    deviceId: '0123456789abcdef',
    seq,
    profileId: profile.id,
    profileVersion: profile.version,
    formId: 'citizen',
    formVersion: 1,
    channel: 'kiosk',
    answers,
    startedAt: 0,
    createdAt: seq,
    flags: [],
    ...extra,
  };
}

describe('sheet score', () => {
  it('is the sum of the seed points, 0 to 10 in steps of 0,5', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const half = sheetHalfPoints(profile, answers);
        const reference = answers.reduce((s, a) => s + (REFERENCE_POINTS[a] ?? Number.NaN), 0);
        expect(half / 2).toBe(reference);
        expect(Number.isInteger(half)).toBe(true);
        expect(half).toBeGreaterThanOrEqual(0);
        expect(half).toBeLessThanOrEqual(20);
      }),
    );
  });

  it('refuses an answer that is not a level of the profile', () => {
    expect(() => sheetHalfPoints(profile, ['tot', 'rat-tot'])).toThrow(/rat-tot/);
  });
});

describe('form summary', () => {
  it('mean, distribution and satisfaction rate match a plain recount', () => {
    fc.assert(
      fc.property(fc.array(answersArb, { minLength: 1, maxLength: 60 }), (all) => {
        const summary = summarizeForm(
          profile,
          'citizen',
          all.map((a, i) => sheetOf(a, i + 1)),
        );
        const totals = all.map((a) => a.reduce((s, x) => s + (REFERENCE_POINTS[x] ?? 0), 0));
        const mean = totals.reduce((s, x) => s + x, 0) / all.length;
        expect(summary.sheetCount).toBe(all.length);
        expect(fractionToNumber(summary.mean ?? fraction(-1, 1))).toBeCloseTo(mean, 12);
        const flat = all.flat();
        const satisfied = flat.filter((x) => x === 'tot' || x === 'kha').length;
        expect(summary.satisfactionRate).toEqual(fraction(satisfied, flat.length));
        for (let q = 0; q < 5; q++) {
          const row = summary.distribution[q] ?? [];
          expect(row.reduce((s, x) => s + x, 0)).toBe(all.length);
          levelIds.forEach((id, li) => {
            expect(row[li]).toBe(all.filter((a) => a[q] === id).length);
          });
        }
      }),
    );
  });

  it('keeps the mean exact: 1 sheet of 10 and 2 of 8,5 average 9', () => {
    const sheets = [
      sheetOf(['tot', 'tot', 'tot', 'tot', 'tot'], 1),
      sheetOf(['tot', 'tot', 'tot', 'tot', 'trung-binh'], 2),
      sheetOf(['tot', 'tot', 'tot', 'tot', 'trung-binh'], 3),
    ];
    expect(summarizeForm(profile, 'citizen', sheets).mean).toEqual(fraction(9, 1));
  });

  it('counts flagged sheets beside raw ones and can leave them out', () => {
    const sheets = [
      sheetOf(['tot', 'tot', 'tot', 'tot', 'tot'], 1),
      sheetOf(['yeu', 'yeu', 'yeu', 'yeu', 'yeu'], 2, { flags: ['burst'] }),
    ];
    const raw = summarizeForm(profile, 'citizen', sheets);
    expect([raw.sheetCount, raw.flaggedCount]).toEqual([2, 1]);
    expect(raw.mean).toEqual(fraction(5, 1));
    const clean = summarizeForm(profile, 'citizen', sheets, { excludeFlagged: true });
    expect([clean.sheetCount, clean.flaggedCount]).toEqual([1, 0]);
    expect(clean.mean).toEqual(fraction(10, 1));
  });

  it('only counts sheets of the form asked for', () => {
    const sheets = [sheetOf(['tot', 'tot', 'tot', 'tot', 'tot'], 1, { formId: 'cadre' })];
    expect(summarizeForm(profile, 'citizen', sheets).sheetCount).toBe(0);
    expect(summarizeForm(profile, 'cadre', sheets).sheetCount).toBe(1);
  });

  it('counts sheets of an unknown profile version without scoring them', () => {
    const sheets = [
      sheetOf(['tot', 'tot', 'tot', 'tot', 'tot'], 1),
      sheetOf(['yeu', 'yeu', 'yeu', 'yeu', 'yeu'], 2, { profileVersion: 99 }),
    ];
    const summary = summarizeForm(profile, 'citizen', sheets);
    expect(summary.unknownProfileCount).toBe(1);
    expect(summary.mean).toEqual(fraction(10, 1));
  });

  it('has no mean and no rate without sheets', () => {
    const summary = summarizeForm(profile, 'cadre', []);
    expect([summary.mean, summary.satisfactionRate]).toEqual([null, null]);
  });
});

describe('section A and standing', () => {
  const standing = (points: number, disqualified = false) =>
    standingFor(scorecard, fraction(Math.round(points * 1000), 1000), disqualified).label;

  it('adds the citizen and cadre means, incomplete when one is missing', () => {
    expect(sectionA(fraction(17, 2), fraction(9, 1))).toEqual({
      value: fraction(35, 2),
      complete: true,
    });
    expect(sectionA(fraction(17, 2), null)).toEqual({ value: fraction(17, 2), complete: false });
  });

  it('places the thresholds at exactly 80, 85, 90 and 95', () => {
    expect(standing(79.999)).toBe('Không đạt chuẩn');
    expect(standing(80)).toBe('Chuẩn Mức độ 1');
    expect(standing(84.999)).toBe('Chuẩn Mức độ 1');
    expect(standing(85)).toBe('Chuẩn Mức độ 2');
    expect(standing(89.999)).toBe('Chuẩn Mức độ 2');
    expect(standing(90)).toBe('Chuẩn Mức độ 3');
    expect(standing(94.999)).toBe('Chuẩn Mức độ 3');
    expect(standing(95)).toBe('Chuẩn Mức độ 4');
    expect(standing(100)).toBe('Chuẩn Mức độ 4');
  });

  it('never rounds a total up across a threshold: 84,9996… is Mức độ 1', () => {
    // A = 9,99966… (citizen) + 10 (cadre), B = 65: a hair below 85, which would display as "85".
    const a = sectionA(fraction(29_999, 3000), fraction(10, 1)).value;
    const total = scorecardTotal(a, 130);
    expect(compareFractions(total, fraction(85, 1))).toBe(-1);
    expect(standingFor(scorecard, total, false).label).toBe('Chuẩn Mức độ 1');
  });

  it('matches a float reference on random totals away from the thresholds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 * 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 160 }),
        (citizenHalf, n, bHalf) => {
          const total = scorecardTotal(sectionA(fraction(citizenHalf, 2 * n), null).value, bHalf);
          const points = citizenHalf / (2 * n) + bHalf / 2;
          const expected =
            points >= 95
              ? 'muc-4'
              : points >= 90
                ? 'muc-3'
                : points >= 85
                  ? 'muc-2'
                  : points >= 80
                    ? 'muc-1'
                    : 'khong-dat';
          expect(standingFor(scorecard, total, false).id).toBe(expected);
        },
      ),
    );
  });

  it('a disqualified commune is Không đạt chuẩn whatever its points', () => {
    expect(standing(100, true)).toBe('Không đạt chuẩn');
  });
});
