import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communeFigures } from '../../src/core/commune-figures.ts';
import { haiDuong2024 } from '../../src/core/profile/index.ts';
import { rankStandings } from '../../src/core/scoring/commune-standing.ts';
import { summarizeForm } from '../../src/core/scoring/form-summary.ts';
import { fraction } from '../../src/core/scoring/fraction.ts';
import { meanInterval } from '../../src/core/scoring/interval.ts';
import { addTally, mergeTallies, talliesOfSheets } from '../../src/core/scoring/tally.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';

const header = {
  communeCode: '10507',
  communeName: 'Xã Tứ Kỳ',
  sheetCount: 0,
  phoneSheetCount: 0,
  setAsideCount: 0,
  lastReceivedAt: null,
};
const level = fc.constantFrom('tot', 'kha', 'trung-binh', 'yeu');
const sheetsArb = fc.array(
  fc.record({ answers: fc.array(level, { minLength: 5, maxLength: 5 }), cadre: fc.boolean() }),
  { minLength: 1, maxLength: 60 },
);

describe('tallies', () => {
  it('give the same exact means, rates and answers as summing the sheets one by one', () => {
    const [base] = syntheticWeek(1);
    if (!base) throw new Error('fixture');
    fc.assert(
      fc.property(sheetsArb, (drawn) => {
        const sheets: Sheet[] = drawn.map((d, i) => ({
          ...base,
          seq: i + 1,
          formId: d.cadre ? 'cadre' : 'citizen',
          answers: d.answers,
        }));
        const figures = communeFigures(header, talliesOfSheets(sheets));
        for (const formId of ['citizen', 'cadre'] as const) {
          const summary = summarizeForm(haiDuong2024, formId, sheets);
          expect(figures[formId].sheets).toBe(summary.sheetCount);
          expect(
            figures[formId].mean && {
              num: figures[formId].mean.num,
              den: figures[formId].mean.den,
            },
          ).toEqual(summary.mean);
          expect(figures[formId].distribution).toEqual(summary.distribution);
        }
      }),
    );
  });

  it('add and take away exactly: a tally minus its part is the tally without it', () => {
    const sheets = syntheticWeek(40);
    const [all] = mergeTallies(talliesOfSheets(sheets.filter((s) => s.formId === 'citizen')));
    const [one] = talliesOfSheets(sheets.filter((s) => s.formId === 'citizen').slice(0, 1));
    const [rest] = talliesOfSheets(sheets.filter((s) => s.formId === 'citizen').slice(1));
    if (!all || !one || !rest) throw new Error('fixture');
    expect(addTally(all, one, -1)).toEqual(rest);
  });
});

describe('the interval of a mean', () => {
  it('holds the mean, stays within what a sheet can score, and narrows as sheets come in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 200 }),
        (scores) => {
          const sum = scores.reduce((a, b) => a + b, 0);
          const squares = scores.reduce((a, b) => a + b * b, 0);
          const interval = meanInterval(scores.length, sum, squares, 10);
          const mean = sum / 2 / scores.length;
          expect(interval).not.toBeNull();
          expect(interval?.low).toBeLessThanOrEqual(mean + 1e-9);
          expect(interval?.high).toBeGreaterThanOrEqual(mean - 1e-9);
          expect(interval?.low).toBeGreaterThanOrEqual(0);
          expect(interval?.high).toBeLessThanOrEqual(10);
        },
      ),
    );
    const spread = [20, 10, 0, 20, 10, 0];
    const few = meanInterval(
      6,
      60,
      spread.reduce((a, b) => a + b * b, 0),
      10,
    );
    const many = meanInterval(60, 600, spread.reduce((a, b) => a + b * b, 0) * 10, 10);
    expect((many?.high ?? 0) - (many?.low ?? 0)).toBeLessThan((few?.high ?? 0) - (few?.low ?? 0));
    expect(meanInterval(1, 20, 400, 10)).toBeNull();
  });
});

describe('the ranking', () => {
  it('puts higher exact totals first and shares ranks on equal totals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 30 }),
        (totals) => {
          const standings = totals.map((t, i) => ({
            communeCode: String(i),
            exactTotal: fraction(t, 2),
          })) as never[];
          const ranked = rankStandings(standings) as unknown as {
            communeCode: string;
            rank: number;
          }[];
          for (const a of ranked)
            for (const b of ranked) {
              const ta = totals[Number(a.communeCode)] ?? 0;
              const tb = totals[Number(b.communeCode)] ?? 0;
              if (ta > tb) expect(a.rank).toBeLessThan(b.rank);
              if (ta === tb) expect(a.rank).toBe(b.rank);
            }
        },
      ),
    );
  });
});
