import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownProfiles } from '../../src/core/profile/index.ts';

/** The picture cue beside each answer (public/pictograms/<level id>.svg). */
const pictogram = (levelId: string) =>
  readFileSync(join('public', 'pictograms', `${levelId}.svg`), 'utf8');

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('answer pictograms', () => {
  // Every level of every profile the app ships has its picture.
  const levels = [...new Set(knownProfiles.flatMap((p) => p.levels.map((l) => l.id)))];

  it('are decorative: hidden from assistive technology, with no text of their own', () => {
    for (const id of levels) {
      const svg = pictogram(id);
      expect(svg, id).toContain('aria-hidden="true"');
      expect(svg, id).not.toMatch(/<title|<text|<desc/);
    }
  });

  it('draw the face in ink that stands out from its colour (at least 3:1)', () => {
    for (const id of levels) {
      const face = /<circle[^>]*fill="(#[0-9a-f]{6})"/.exec(pictogram(id))?.[1] ?? '';
      expect(contrast(face, '#1a1a1a'), id).toBeGreaterThanOrEqual(3);
    }
  });

  it('differ by their drawing, not only by colour', () => {
    const shapes = levels.map((id) => pictogram(id).replace(/fill="#[0-9a-f]{6}"/g, ''));
    expect(new Set(shapes).size).toBe(levels.length);
  });
});
