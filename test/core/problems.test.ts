import { describe, expect, it } from 'vitest';
import { deviceProblems } from '../../src/core/problems/device.ts';
import { Problem, problemCatalogue, problemStatus } from '../../src/core/problems.ts';

const entries = Object.entries(problemCatalogue);

describe('the problem catalogue', () => {
  it('gives every problem its own code, an HTTP status and a decimal case', () => {
    const codes = entries.map(([, p]) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [key, p] of entries) {
      expect(p.code, key).toMatch(/^(400|401|403|404|409|410|413|429|500|503)\.\d+$/);
      expect(problemStatus(key as keyof typeof problemCatalogue)).toBe(
        Number(p.code.split('.')[0]),
      );
    }
  });

  it('says each in a Vietnamese sentence written in NFC that ends as a sentence', () => {
    for (const [key, p] of entries) {
      expect(p.message.normalize('NFC'), key).toBe(p.message);
      expect(p.message, key).toMatch(/^[A-ZĐÀ-Ỹ].*[.)]$/u);
    }
  });

  it('holds the device’s first-screen part whole', () => {
    for (const [key, p] of Object.entries(deviceProblems))
      expect(problemCatalogue[key as keyof typeof problemCatalogue]).toEqual(p);
  });

  it('makes a Problem carry its sentence, code and status', () => {
    const problem = new Problem('kiosk.revoked', 'detail for logs');
    expect(problem.message).toBe(problemCatalogue['kiosk.revoked'].message);
    expect(problem.code).toBe('403.3');
    expect(problem.detail).toBe('detail for logs');
  });
});
