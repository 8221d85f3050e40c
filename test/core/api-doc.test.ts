import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ingestResultSchema,
  kioskCredentialsSchema,
  kioskRegistrySchema,
  scorecardViewSchema,
  sheetReviewSchema,
} from '../../src/core/api.ts';
import { communeFiguresSchema, formFiguresSchema } from '../../src/core/commune-figures.ts';
import { defaultOfficeFlagSettings } from '../../src/core/office-flags.ts';
import { problemCatalogue } from '../../src/core/problems.ts';
import { periodSchema } from '../../src/core/settings.ts';

const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

/** The ```json blocks under a heading of docs/api.md. */
function jsonBlocks(heading: string): unknown[] {
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`docs/api.md has no section "${heading}"`);
  const rest = doc.slice(start + heading.length);
  const section = rest.slice(0, rest.search(/\n##+ /));
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? ''));
}

describe('docs/api.md examples', () => {
  it('show a kiosk registry the schema accepts', () => {
    const [registry] = jsonBlocks('### GET /api/v1/kiosks');
    expect(kioskRegistrySchema.safeParse(registry).success).toBe(true);
  });

  it('show the office’s default flag thresholds as the code has them', () => {
    const [defaults] = jsonBlocks(
      '### GET and PUT /api/v1/settings/flags — the office’s flags'.replace('’', "'"),
    );
    expect(defaults).toEqual(defaultOfficeFlagSettings);
  });

  it('show the communes answer with its period, and a commune’s figures in the shape the code has', () => {
    const [answer] = jsonBlocks('## GET /api/v1/communes — per-commune figures (admin)') as [
      { period: unknown; communes: Record<string, unknown>[] },
    ];
    expect(periodSchema.safeParse(answer.period).success).toBe(true);
    const [commune] = answer.communes;
    expect(Object.keys(commune ?? {}).sort()).toEqual(
      Object.keys(communeFiguresSchema.shape).sort(),
    );
    expect(formFiguresSchema.safeParse(commune?.citizen).success).toBe(true);
  });

  it('show a problem body with a code and message of the catalogue', () => {
    const [body] = jsonBlocks('# Collector HTTP API') as [{ code: string; message: string }];
    const entry = Object.values(problemCatalogue).find((p) => p.code === body.code);
    expect(entry).toBeDefined();
    expect(entry?.message.startsWith(body.message.replace(' …', ''))).toBe(true);
  });

  it('show a kiosk’s credentials with the fields of the schema', () => {
    const [credentials] = jsonBlocks('## POST /api/v1/kiosks — register a kiosk (admin)') as [
      Record<string, string>,
    ];
    expect(Object.keys(credentials).sort()).toEqual(
      Object.keys(kioskCredentialsSchema.shape).sort(),
    );
    // The key is elided in the text; with one of 43 characters it is what the schema takes.
    expect(kioskCredentialsSchema.safeParse({ ...credentials, key: 'q'.repeat(43) }).success).toBe(
      true,
    );
  });

  it('show a batch receipt, a review decision and a scorecard view the schemas accept', () => {
    const [receipt] = jsonBlocks('## POST /api/v1/batches — deliver sheets (kiosk)');
    expect(ingestResultSchema.safeParse(receipt).success).toBe(true);
    const [review] = jsonBlocks('### PUT /api/v1/sheets/:channel/:deviceId/:seq/review');
    expect(sheetReviewSchema.safeParse(review).success).toBe(true);
    const [view] = jsonBlocks('## Scorecards (Section B) and standings (office)');
    const parsed = scorecardViewSchema.safeParse(view);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});
