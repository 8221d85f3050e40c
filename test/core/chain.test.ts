import { describe, expect, it } from 'vitest';
import { chainHead, chainLinksFrom, chainNext, chainStart } from '../../src/core/chain.ts';
import { bytesToHex, hexToBytes } from '../../src/core/codec/hex.ts';
import { addKnownProfile } from '../../src/core/profile/index.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import { sixQuestions } from '../fixtures/profiles/six-questions.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';

const DEVICE = '3f2a9c0d1e4b5a68';
const sheets = syntheticWeek(40, 2026, DEVICE).map((s, i) => ({ ...s, seq: i + 1 }));

describe('the chain of a device’s sheets', () => {
  it('links a run as one link after another, the last being the head a batch carries', () => {
    const links = chainLinksFrom(chainStart(DEVICE), 0, sheets);
    let link = chainStart(DEVICE);
    for (const sheet of sheets) {
      link = chainNext(link, sheet);
      expect(links.get(sheet.seq)).toBe(bytesToHex(link));
    }
    expect(links.size).toBe(40);
    expect(links.get(40)).toBe(chainHead(DEVICE, sheets));
  });

  it('continues from any link as from the start, and stops at a gap', () => {
    const whole = chainLinksFrom(chainStart(DEVICE), 0, sheets);
    const later = chainLinksFrom(hexToBytes(whole.get(25) ?? ''), 25, sheets.slice(25));
    expect([...later]).toEqual([...whole].slice(25));
    const gapped = chainLinksFrom(chainStart(DEVICE), 0, [
      ...sheets.slice(0, 10),
      ...sheets.slice(11),
    ]);
    expect([...gapped.keys()]).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    // Not from where the run does not follow on.
    expect(chainLinksFrom(chainStart(DEVICE), 3, sheets).size).toBe(0);
  });

  it('links each sheet with its own profile’s levels when a run changes profile', () => {
    const forget = addKnownProfile(sixQuestions);
    try {
      // Sheets 11–20 on a six-question profile whose level ids differ, then back again.
      const mixed: Sheet[] = sheets.map((s) =>
        s.seq > 10 && s.seq <= 20
          ? {
              ...s,
              profileId: 'test-sau-cau',
              profileVersion: 1,
              formVersion: s.formId === 'citizen' ? 2 : 3,
              answers: Array.from({ length: 6 }, (_, i) => (i % 2 ? 'hai-long' : 'binh-thuong')),
            }
          : s,
      );
      const links = chainLinksFrom(chainStart(DEVICE), 0, mixed);
      let link = chainStart(DEVICE);
      for (const sheet of mixed) {
        link = chainNext(link, sheet);
        expect(links.get(sheet.seq)).toBe(bytesToHex(link));
      }
      expect(links.size).toBe(40);
    } finally {
      forget();
    }
  });

  it('shows a rewritten sheet from its link on, and leaves the links before it', () => {
    const whole = chainLinksFrom(chainStart(DEVICE), 0, sheets);
    const rewritten = sheets.map((s) =>
      s.seq === 12 ? { ...s, answers: s.answers.map(() => 'tot') } : s,
    );
    expect(sheets[11]?.answers.every((a) => a === 'tot')).toBe(false);
    const forked = chainLinksFrom(chainStart(DEVICE), 0, rewritten);
    for (let seq = 1; seq <= 40; seq++)
      if (seq < 12) expect(forked.get(seq)).toBe(whole.get(seq));
      else expect(forked.get(seq)).not.toBe(whole.get(seq));
  });
});
