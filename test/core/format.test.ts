import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatPercent, formatPoints } from '../../src/core/format.ts';
import { fraction } from '../../src/core/scoring/fraction.ts';

describe('vi-VN display formats', () => {
  it('writes points with a decimal comma, rounded only for display', () => {
    expect(formatPoints(fraction(35, 4))).toBe('8,75');
    expect(formatPoints(fraction(25, 3))).toBe('8,33');
    expect(formatPoints(10)).toBe('10');
  });

  it('writes a rate as a percentage with a decimal comma', () => {
    expect(formatPercent(fraction(17, 20)).replace(/\s/g, '')).toBe('85,0%');
  });

  it('groups thousands with dots', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
  });

  it('writes dates as dd/mm/yyyy in Vietnam time', () => {
    expect(formatDate(Date.UTC(2026, 10, 24, 18, 0))).toBe('25/11/2026');
  });
});
