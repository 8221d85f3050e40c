import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/default-settings.ts';
import { formatPeriod, inPeriod, surveyWeekPresets, vnDay } from '../../src/core/period.ts';
import { monthsOf, periodChoices } from '../../src/core/period-choices.ts';
import { kioskSettingsSchema } from '../../src/core/settings.ts';

describe('survey week presets', () => {
  it('offers both readings in 2026: 23–27/11 and 24–30/11', () => {
    const presets = surveyWeekPresets(2026);
    expect(presets.map((p) => [p.id, p.period])).toEqual([
      ['last-full-week', { from: '2026-11-23', to: '2026-11-27' }],
      ['last-five-working-days', { from: '2026-11-24', to: '2026-11-30' }],
    ]);
    expect(presets[0]?.label).toContain('23/11/2026 – 27/11/2026');
  });

  it('offers one preset when November ends on a Friday (2024: 25–29/11)', () => {
    expect(surveyWeekPresets(2024).map((p) => p.period)).toEqual([
      { from: '2024-11-25', to: '2024-11-29' },
    ]);
  });

  it('always spans five working days from Monday to Friday or across a weekend', () => {
    for (let year = 2024; year <= 2040; year++) {
      for (const preset of surveyWeekPresets(year)) {
        expect(preset.period.from.slice(0, 7)).toBe(`${year}-11`);
        expect(preset.period.to.slice(0, 7)).toBe(`${year}-11`);
      }
    }
  });
});

describe('Vietnam calendar days', () => {
  it('counts a day from midnight in UTC+7', () => {
    expect(vnDay(Date.UTC(2026, 10, 22, 16, 59))).toBe('2026-11-22');
    expect(vnDay(Date.UTC(2026, 10, 22, 17, 0))).toBe('2026-11-23');
  });

  it('includes both ends of a period', () => {
    const period = { from: '2026-11-23', to: '2026-11-27' };
    expect(inPeriod(Date.UTC(2026, 10, 22, 17, 0), period)).toBe(true);
    expect(inPeriod(Date.UTC(2026, 10, 27, 16, 59), period)).toBe(true);
    expect(inPeriod(Date.UTC(2026, 10, 27, 17, 0), period)).toBe(false);
  });

  it('writes periods in vi-VN dates', () => {
    expect(formatPeriod({ from: '2026-11-23', to: '2026-11-27' })).toBe('23/11/2026 – 27/11/2026');
  });
});

describe('default settings', () => {
  it('are valid and point at this year’s survey week', () => {
    const settings = defaultSettings(Date.UTC(2026, 4, 1));
    expect(kioskSettingsSchema.safeParse(settings).success).toBe(true);
    expect(settings.period).toEqual({ from: '2026-11-23', to: '2026-11-27' });
    expect(settings.formId).toBe('citizen');
  });
});

describe('period choices', () => {
  it('offer this week, month, last month, quarter, year and both readings of the survey week, each with its dates', () => {
    const choices = periodChoices('2026-11-25');
    expect(choices.map((c) => [c.id, c.period])).toEqual([
      ['all', null],
      ['week', { from: '2026-11-23', to: '2026-11-29' }],
      ['month', { from: '2026-11-01', to: '2026-11-30' }],
      ['last-month', { from: '2026-10-01', to: '2026-10-31' }],
      ['quarter', { from: '2026-10-01', to: '2026-12-31' }],
      ['year', { from: '2026-01-01', to: '2026-12-31' }],
      ['last-full-week', { from: '2026-11-23', to: '2026-11-27' }],
      ['last-five-working-days', { from: '2026-11-24', to: '2026-11-30' }],
    ]);
    expect(choices.find((c) => c.id === 'month')?.label).toBe(
      'Tháng 11/2026: 01/11/2026 – 30/11/2026',
    );
  });

  it('cross a year in January, and offer today on request', () => {
    const choices = periodChoices('2027-01-02', { includeToday: true });
    expect(choices.find((c) => c.id === 'last-month')?.period).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(choices.find((c) => c.id === 'today')?.period).toEqual({
      from: '2027-01-02',
      to: '2027-01-02',
    });
    expect(choices.find((c) => c.id === 'week')?.period).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
    });
  });

  it('cut a period into its calendar months for a trend', () => {
    expect(monthsOf({ from: '2026-10-15', to: '2026-12-03' })).toEqual([
      { from: '2026-10-15', to: '2026-10-31' },
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-12-01', to: '2026-12-03' },
    ]);
  });
});
