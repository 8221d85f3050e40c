import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetFault } from '../../src/core/intake.ts';
import { addKnownProfile, defaultProfile, findProfile } from '../../src/core/profile/registry.ts';
import { sheetHalfPoints } from '../../src/core/scoring/sheet-score.ts';
import { sixQuestions } from '../fixtures/profiles/six-questions.ts';

const doc = readFileSync(new URL('../../docs/profiles.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? ''));

describe('docs/profiles.md examples', () => {
  let forget: () => void;
  beforeAll(() => {
    forget = addKnownProfile(sixQuestions);
  });
  afterAll(() => forget());

  it('has exactly the two examples this test checks', () => {
    expect(blocks).toHaveLength(2);
  });

  it('show the six-question test profile as the fixture has it', () => {
    const [, shown] = blocks as [unknown, Record<string, unknown>];
    expect(shown).toEqual({
      id: sixQuestions.id,
      version: sixQuestions.version,
      levels: sixQuestions.levels,
      forms: sixQuestions.forms.map((f) => ({
        id: f.id,
        version: f.version,
        questions: f.questions.length,
      })),
    });
  });

  it('show a sheet naming its profile and form version that the gate lets through, scored as the text says', () => {
    const [named] = blocks as [{ answers: string[] }];
    const sheet = {
      deviceId: '6a1b2c3d4e5f6071',
      seq: 1,
      channel: 'kiosk' as const,
      startedAt: Date.UTC(2026, 10, 24, 2),
      createdAt: Date.UTC(2026, 10, 24, 2, 1),
      flags: [],
      ...(named as Pick<
        import('../../src/core/sheet.ts').Sheet,
        'profileId' | 'profileVersion' | 'formId' | 'formVersion' | 'answers'
      >),
    };
    expect(sheetFault(sheet, { path: 'batch', now: sheet.createdAt })).toBeUndefined();
    expect(sheetHalfPoints(sixQuestions, sheet.answers) / 2).toBe(7);
    expect(doc).toContain('= 7 points out of 15');
    // The same answers naming the shipped profile are refused.
    expect(
      sheetFault(
        { ...sheet, profileId: defaultProfile.id, formVersion: 1 },
        { path: 'batch', now: sheet.createdAt },
      )?.key,
    ).toBe('sheet.answers');
  });

  it('the test profile is known only where a test makes it so', () => {
    forget();
    expect(findProfile('test-sau-cau', 1)).toBeUndefined();
    forget = addKnownProfile(sixQuestions);
    expect(() => addKnownProfile(sixQuestions)).toThrow(RangeError);
  });
});
