import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitSheets, type IntakeContext, sheetFault } from '../../src/core/intake.ts';
import { Problem } from '../../src/core/problems.ts';
import { breakerArbitrary, ruleBreakers } from '../fixtures/rule-breakers.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';

const DEVICE = '3f2a9c0d1e4b5a68';
const now = Date.UTC(2026, 10, 30);
const batch: IntakeContext = { path: 'batch', now, deviceId: DEVICE };
const week = syntheticWeek(50, 3, DEVICE);

const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof Problem ? error : undefined;
  }
  return undefined;
};

describe('the intake gate', () => {
  it('lets a genuine week through, unchanged', () => {
    expect(admitSheets(week, batch)).toEqual(week);
  });

  for (const breaker of ruleBreakers)
    it(`refuses a sheet with ${breaker.name} (${breaker.problem})`, () => {
      const [first] = week;
      if (!first) throw new Error('fixture');
      expect(sheetFault(breaker.breaks(first), { path: 'file', now, deviceId: DEVICE })?.key).toBe(
        breaker.problem,
      );
    });

  it('refuses a sheet of another device inside a kiosk delivery', () => {
    const [first] = week;
    if (!first) throw new Error('fixture');
    expect(sheetFault({ ...first, deviceId: 'aaaaaaaaaaaaaaaa' }, batch)?.key).toBe(
      'sheet.identity',
    );
  });

  it('takes a phone sheet only as seq 1 on the phone path, with no flag but the respondent’s', () => {
    const [first] = week;
    if (!first) throw new Error('fixture');
    const phone = { ...first, channel: 'phone' as const, seq: 1, flags: [] };
    expect(sheetFault(phone, { path: 'phone', now })).toBeUndefined();
    expect(sheetFault({ ...phone, seq: 2 }, { path: 'phone', now })?.key).toBe('sheet.identity');
    expect(sheetFault({ ...phone, flags: ['burst'] }, { path: 'phone', now })?.key).toBe(
      'sheet.identity',
    );
  });

  it('refuses a whole delivery for one bad sheet, listing where it is', () => {
    fc.assert(
      fc.property(breakerArbitrary(week, 'file'), ({ breaker, index }) => {
        const sheets = week.map((s, i) => (i === index ? breaker.breaks(s) : s));
        const problem = refusalOf(() =>
          admitSheets(sheets, { path: 'file', now, deviceId: DEVICE }),
        );
        expect(problem?.key).toBe(breaker.problem);
        expect(problem?.faults[0]?.path).toMatch(new RegExp(`^sheets\\.${index}\\.`));
      }),
      { numRuns: 200 },
    );
  });
});
