import { describe, expect, it } from 'vitest';
import {
  defaultOfficeFlagSettings,
  lookBack,
  phoneSurge,
  type StreamSheet,
  streamFlags,
  usualDay,
} from '../../src/core/office-flags.ts';
import { flagReasonSentence } from '../../src/core/vocabulary.ts';
import { normalQueue } from '../fixtures/normal-queue.ts';

const settings = defaultOfficeFlagSettings;
/** Tuesday 24/11/2026, 09:00 in Vietnam. */
const NINE = Date.UTC(2026, 10, 24, 2);
const ALL_TOT = ['tot', 'tot', 'tot', 'tot', 'tot'];

const sheet = (seq: number, createdAt: number, extra: Partial<StreamSheet> = {}): StreamSheet => ({
  seq,
  createdAt,
  precise: true,
  formId: 'citizen',
  answers: ['tot', 'kha', 'tot', 'trung-binh', 'tot'],
  channel: 'kiosk',
  kioskFlags: [],
  ...extra,
});

const flagsOf = (s: StreamSheet, prior: StreamSheet[] = []) =>
  streamFlags(s, prior, settings).map((r) => r.flag);

describe('office flags from a device stream', () => {
  it('leave a genuine week at the desk unflagged with the office defaults', () => {
    const stream = normalQueue().map((s) =>
      sheet(s.seq, s.createdAt, { answers: s.answers, formId: s.formId }),
    );
    const back = lookBack(settings);
    const flagged = stream.filter(
      (s, i) => streamFlags(s, stream.slice(Math.max(0, i - back), i), settings).length > 0,
    );
    expect(stream.length).toBeGreaterThan(300);
    expect(flagged).toEqual([]);
  });

  it('flag a sheet submitted within the interval after the previous one, saying how soon', () => {
    const [reason] = streamFlags(sheet(2, NINE + 12_000), [sheet(1, NINE)], settings);
    expect(reason).toEqual({ flag: 'quick-repeat', value: 12, limit: 20 });
    expect(flagReasonSentence(reason ?? { flag: 'burst' })).toBe(
      'Gửi 12 giây sau phiếu trước trên cùng máy (ngưỡng 20 giây).',
    );
  });

  it('do not call a sheet quick when its times are known only to the minute (a QR batch)', () => {
    expect(
      flagsOf(sheet(2, NINE, { precise: false }), [sheet(1, NINE, { precise: false })]),
    ).toEqual([]);
  });

  it('flag a burst: more sheets in the window than the office allows', () => {
    const prior = Array.from({ length: settings.burstCount }, (_, i) =>
      sheet(i + 1, NINE + i * 40_000),
    );
    const next = sheet(settings.burstCount + 1, NINE + settings.burstCount * 40_000);
    expect(flagsOf(next, prior)).toContain('burst');
    expect(flagsOf(next, prior.slice(1))).not.toContain('burst');
  });

  it('flag a run of identical answers only over consecutive sheets', () => {
    const run = settings.identicalRunLength;
    const prior = Array.from({ length: run }, (_, i) =>
      sheet(i + 1, NINE + i * 3_600_000, { answers: ALL_TOT }),
    );
    const next = sheet(run + 1, NINE + run * 3_600_000, { answers: ALL_TOT });
    expect(flagsOf(next, prior)).toEqual(['identical-run']);
    const gap = prior.map((s, i) => (i === 0 ? { ...s, seq: 0 } : s));
    expect(flagsOf(sheet(run + 2, next.createdAt, { answers: ALL_TOT }), gap)).toEqual([]);
  });

  it('flag a sheet outside working hours or on a day off, in Vietnam time', () => {
    expect(flagsOf(sheet(1, Date.UTC(2026, 10, 24, 13)))).toEqual(['off-hours']); // 20:00
    expect(flagsOf(sheet(1, Date.UTC(2026, 10, 29, 2)))).toEqual(['off-hours']); // Sunday 09:00
    expect(flagsOf(sheet(1, NINE))).toEqual([]);
  });

  it('carry the respondent’s own "not resident" answer', () => {
    expect(flagsOf(sheet(1, NINE, { kioskFlags: ['non-resident', 'quick-repeat'] }))).toEqual([
      'non-resident',
    ]);
  });

  it('flag a day of phone sheets far above the commune’s usual day', () => {
    expect(usualDay([4, 6, 5])).toBe(5);
    expect(usualDay([])).toBe(0);
    expect(phoneSurge(settings.phoneSurgeMinimum, 0, settings)).toBeUndefined();
    expect(phoneSurge(settings.phoneSurgeMinimum + 1, 0, settings)?.flag).toBe('phone-surge');
    expect(phoneSurge(40, 10, settings)).toBeUndefined();
    expect(phoneSurge(41, 10, settings)).toEqual({ flag: 'phone-surge', value: 41, limit: 40 });
  });
});
