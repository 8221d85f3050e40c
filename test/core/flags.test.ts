import { describe, expect, it } from 'vitest';
import { flagsForNewSheet, type PriorSheet } from '../../src/core/flags.ts';
import { defaultTiming } from '../../src/core/settings.ts';

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

  it('flags a sheet started within the minimum interval after the previous one', () => {
    const draft = { startedAt: HOUR + 5_000, createdAt: HOUR + 40_000, answers: ALL_TOT };
    expect(flagsForNewSheet(draft, [prior(HOUR)], defaultTiming)).toEqual(['quick-repeat']);
  });

  it('does not flag a sheet started after the minimum interval', () => {
    const draft = { startedAt: HOUR + 21_000, createdAt: HOUR + 60_000, answers: ALL_TOT };
    expect(flagsForNewSheet(draft, [prior(HOUR)], defaultTiming)).toEqual([]);
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
    const earlier = [prior(HOUR, ALL_TOT), prior(2 * HOUR, ALL_TOT), prior(3 * HOUR, ALL_TOT)];
    const draft = { startedAt: 4 * HOUR, createdAt: 4 * HOUR + 30_000, answers: ALL_TOT };
    expect(flagsForNewSheet(draft, earlier, defaultTiming)).toEqual(['identical-run']);
    expect(flagsForNewSheet(draft, earlier.slice(1), defaultTiming)).toEqual([]);
  });
});
