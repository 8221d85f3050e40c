import { describe, expect, it } from 'vitest';
import { flagsForNewSheet, type PriorSheet } from '../../src/core/flags.ts';
import { defaultTiming } from '../../src/core/settings.ts';
import { normalQueue } from '../fixtures/normal-queue.ts';

const ALL_TOT = ['tot', 'tot', 'tot', 'tot', 'tot'];
const MIXED = ['tot', 'kha', 'tot', 'trung-binh', 'tot'];
const HOUR = 3_600_000;

const prior = (createdAt: number, answers = MIXED): PriorSheet => ({
  startedAt: createdAt - 30_000,
  createdAt,
  answers,
});

describe('flags for a new sheet', () => {
  it('flags nothing for a first, resident sheet', () => {
    expect(
      flagsForNewSheet({ startedAt: 0, createdAt: 60_000, answers: ALL_TOT }, [], defaultTiming),
    ).toEqual([]);
  });

  it('flags a non-resident', () => {
    const draft = { startedAt: 0, createdAt: 60_000, answers: ALL_TOT, nonResident: true };
    expect(flagsForNewSheet(draft, [], defaultTiming)).toEqual(['non-resident']);
  });

  it('flags a sheet submitted within the minimum interval after the previous one', () => {
    const draft = { startedAt: HOUR + 3_000, createdAt: HOUR + 15_000, answers: ALL_TOT };
    expect(flagsForNewSheet(draft, [prior(HOUR)], defaultTiming)).toEqual(['quick-repeat']);
  });

  it('does not flag the next citizen who starts seconds after a thank-you but takes time to answer', () => {
    const draft = { startedAt: HOUR + 9_000, createdAt: HOUR + 45_000, answers: ALL_TOT };
    expect(flagsForNewSheet(draft, [prior(HOUR)], defaultTiming)).toEqual([]);
  });

  it('leaves a genuine week at the desk unflagged with the default thresholds', () => {
    const week = normalQueue();
    const flagged = week.filter(
      (sheet, i) =>
        flagsForNewSheet(sheet, week.slice(Math.max(0, i - 10), i), defaultTiming).length > 0,
    );
    expect(week.length).toBeGreaterThan(300);
    expect(flagged).toEqual([]);
  });

  it('flags a burst: more than burstCount sheets within the window', () => {
    const start = 10 * HOUR;
    const earlier = Array.from({ length: defaultTiming.burstCount }, (_, i) =>
      prior(start + i * 50_000),
    );
    const draft = {
      startedAt: start + 600_000 - 10_000,
      createdAt: start + 590_000,
      answers: ALL_TOT,
    };
    expect(flagsForNewSheet(draft, earlier, defaultTiming)).toContain('burst');
    expect(flagsForNewSheet(draft, earlier.slice(1), defaultTiming)).not.toContain('burst');
  });

  it('flags a run of identical answers', () => {
    const run = defaultTiming.identicalRunLength;
    const earlier = Array.from({ length: run }, (_, i) => prior((i + 1) * HOUR, ALL_TOT));
    const at = (run + 1) * HOUR;
    const draft = { startedAt: at, createdAt: at + 30_000, answers: ALL_TOT };
    expect(flagsForNewSheet(draft, earlier, defaultTiming)).toEqual(['identical-run']);
    expect(flagsForNewSheet(draft, earlier.slice(1), defaultTiming)).toEqual([]);
  });
});
