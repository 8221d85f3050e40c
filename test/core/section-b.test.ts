import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haiDuong2024Scorecard as scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import {
  leafEntryOf,
  leavesOf,
  nodeHalfPoints,
  type SectionBScoring,
  sectionBHalfPoints,
  sectionBLeaves,
} from '../../src/core/scoring/index.ts';

const leaves = sectionBLeaves(scorecard);

/** Any valid scoring: each leaf left out or given 0 to its maximum half-points. */
const scoringArb = fc
  .tuple(
    ...leaves.map((leaf) =>
      fc.option(fc.integer({ min: 0, max: leaf.maxHalfPoints }), { nil: undefined }),
    ),
  )
  .map((scores) => {
    const scoring: Record<string, number> = {};
    scores.forEach((score, i) => {
      const leaf = leaves[i];
      if (leaf && score !== undefined) scoring[leaf.id] = score;
    });
    return scoring;
  });

describe('Section B leaves', () => {
  it('lists the 48 scorable leaves in table order, from 1.1.1 to 5.1', () => {
    expect(leaves).toHaveLength(48);
    expect(leaves[0]?.id).toBe('1.1.1');
    expect(leaves.at(-1)?.id).toBe('5.1');
  });

  it('takes the "+" parts of a sub-item instead of the sub-item itself', () => {
    const ids = leaves.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['2.4.4', '2.4.5.1', '2.4.5.2']));
    expect(ids).not.toContain('2.4.5');
  });

  it('takes an item without sub-items as a leaf of its own', () => {
    expect(leaves.map((l) => l.id)).toContain('1.4');
  });

  it('gives a leaf as its own only leaf', () => {
    const leaf = { id: '5.1', text: 'x', maxHalfPoints: 14 };
    expect(leavesOf(leaf)).toEqual([leaf]);
  });

  it('adds the leaves up to 80 points', () => {
    expect(leaves.reduce((sum, l) => sum + l.maxHalfPoints, 0)).toBe(160);
  });
});

describe('Section B total', () => {
  it('adds the half-points given: 1 point + 0,5 point + 7 points = 17 half-points', () => {
    expect(sectionBHalfPoints(scorecard, { '1.1.1': 2, '4.2.3': 1, '5.1': 14 })).toBe(17);
  });

  it('counts a leaf left out as 0: an empty scoring totals 0', () => {
    expect(sectionBHalfPoints(scorecard, {})).toBe(0);
  });

  it('totals 80 points when every leaf has its maximum', () => {
    const full = Object.fromEntries(leaves.map((l) => [l.id, l.maxHalfPoints]));
    expect(sectionBHalfPoints(scorecard, full)).toBe(160);
  });

  it('refuses a score above the leaf maximum', () => {
    expect(() => sectionBHalfPoints(scorecard, { '4.2.1': 2 })).toThrow(
      /"4\.2\.1" takes a whole number of half-points from 0 to 1, not 2/,
    );
  });

  it('refuses a negative score', () => {
    expect(() => sectionBHalfPoints(scorecard, { '1.1.1': -1 })).toThrow(/"1\.1\.1".*not -1/);
  });

  it('refuses a score that is not a whole number of half-points', () => {
    expect(() => sectionBHalfPoints(scorecard, { '1.1.1': 1.5 })).toThrow(/"1\.1\.1".*not 1\.5/);
    expect(() => sectionBHalfPoints(scorecard, { '1.1.1': Number.NaN })).toThrow(/not NaN/);
  });

  it('refuses an id the scorecard does not have', () => {
    expect(() => sectionBHalfPoints(scorecard, { '9.9': 1 })).toThrow(
      /Unknown Section B leaf "9\.9" in profile hai-duong-2024/,
    );
  });

  it('refuses a score on a node with sub-items, naming them as what to score', () => {
    expect(() => sectionBHalfPoints(scorecard, { '2.4.5': 10 })).toThrow(
      /"2\.4\.5" .* has sub-items: score those instead/,
    );
  });

  it('equals the sum of its leaves and never exceeds 80 points, for any valid scoring', () => {
    fc.assert(
      fc.property(scoringArb, (scoring: SectionBScoring) => {
        const total = sectionBHalfPoints(scorecard, scoring);
        expect(total).toBe(Object.values(scoring).reduce((sum, s) => sum + s, 0));
        expect(Number.isInteger(total)).toBe(true);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(160);
      }),
    );
  });

  it('refuses any score above its leaf maximum, whatever the other leaves hold', () => {
    fc.assert(
      fc.property(
        scoringArb,
        fc.constantFrom(...leaves),
        fc.integer({ min: 1, max: 1000 }),
        (scoring, leaf, excess) => {
          const bad = { ...scoring, [leaf.id]: leaf.maxHalfPoints + excess };
          expect(() => sectionBHalfPoints(scorecard, bad)).toThrow(RangeError);
        },
      ),
    );
  });
});

describe('Section B running totals', () => {
  const criterion = (id: string) => {
    const found = scorecard.sectionB.criteria.find((c) => c.id === id);
    if (!found) throw new Error(`no criterion ${id}`);
    return found;
  };

  it('adds the leaves under a criterion only: 1 + 0,5 points in Tiêu chí 1, 0,5 in Tiêu chí 4', () => {
    const scoring = { '1.1.1': 2, '1.3.2': 1, '4.2.3': 1 };
    expect(nodeHalfPoints(criterion('1'), scoring)).toBe(3);
    expect(nodeHalfPoints(criterion('4'), scoring)).toBe(1);
    expect(nodeHalfPoints(criterion('2'), scoring)).toBe(0);
  });

  it('adds up, over the criteria, to the Section B total, for any valid scoring', () => {
    fc.assert(
      fc.property(scoringArb, (scoring: SectionBScoring) => {
        const byCriterion = scorecard.sectionB.criteria.map((c) => nodeHalfPoints(c, scoring));
        expect(byCriterion.reduce((a, b) => a + b, 0)).toBe(sectionBHalfPoints(scorecard, scoring));
      }),
    );
  });
});

describe('a typed leaf score', () => {
  const leaf = { maxHalfPoints: 4 }; // "Điểm chuẩn" 2

  it('reads points with a comma or a dot as exact half-points', () => {
    expect(leafEntryOf(leaf, '1,5')).toEqual({ kind: 'score', halfPoints: 3 });
    expect(leafEntryOf(leaf, '1.5')).toEqual({ kind: 'score', halfPoints: 3 });
    expect(leafEntryOf(leaf, ' 2 ')).toEqual({ kind: 'score', halfPoints: 4 });
    expect(leafEntryOf(leaf, '0,50')).toEqual({ kind: 'score', halfPoints: 1 });
    expect(leafEntryOf(leaf, '0')).toEqual({ kind: 'score', halfPoints: 0 });
  });

  it('reads an empty box as no score yet', () => {
    expect(leafEntryOf(leaf, '')).toEqual({ kind: 'empty' });
    expect(leafEntryOf(leaf, '  ')).toEqual({ kind: 'empty' });
  });

  it('refuses what is not a multiple of 0,5 from 0', () => {
    for (const typed of ['1,25', '0.3', '-1', '1e1', 'hai', '1,5,5'])
      expect(leafEntryOf(leaf, typed)).toEqual({ kind: 'refused', problem: 'self-score.step' });
  });

  it('refuses more than the leaf’s maximum', () => {
    expect(leafEntryOf(leaf, '2,5')).toEqual({ kind: 'refused', problem: 'self-score.above-max' });
    expect(leafEntryOf({ maxHalfPoints: 1 }, '1')).toEqual({
      kind: 'refused',
      problem: 'self-score.above-max',
    });
  });
});
