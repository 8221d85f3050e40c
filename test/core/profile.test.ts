import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haiDuong2024 } from '../../src/core/profile/index.ts';

const seed = readFileSync(
  new URL('../fixtures/seeds/003_80e356a50ea517f7.txt', import.meta.url),
  'utf8',
);

describe('Hải Dương 2024 profile', () => {
  for (const form of haiDuong2024.forms) {
    it(`copies every ${form.id} question letter for letter from seed 003`, () => {
      for (const q of form.questions) {
        expect(seed).toContain(`Câu ${q.number}: ${q.text}\t`);
        expect(q.text).toBe(q.text.normalize('NFC'));
      }
      expect(form.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    });
  }
});

describe('question topics', () => {
  it('names each question by words taken from its own text', () => {
    for (const form of haiDuong2024.forms)
      for (const q of form.questions) expect(q.text.toLowerCase()).toContain(q.topic.toLowerCase());
  });
});
