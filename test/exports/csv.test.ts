import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sheetsDocument } from '../../src/core/tables/sheets.ts';
import type { TableColumn } from '../../src/core/tables/table.ts';
import { csvCell, csvFormat, csvText } from '../../src/exports/csv/index.ts';
import { exportBytes } from '../../src/exports/format.ts';
import { exampleSheet } from './example-sheet.ts';

const doc = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The first ```text block after a heading of docs/formats.md. */
function example(heading: string): string {
  const section = doc.slice(doc.indexOf(`${heading}\n`));
  const match = /```text\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error(`docs/formats.md: no example under "${heading}"`);
  return match[1];
}

const column = (kind: TableColumn['kind'], decimals?: number): TableColumn => ({
  header: 'x',
  kind,
  ...(decimals === undefined ? {} : { decimals }),
});

describe('CSV for a Vietnamese-locale spreadsheet', () => {
  it('writes the example of docs/formats.md exactly', async () => {
    const bytes = await exportBytes(
      csvFormat,
      sheetsDocument([exampleSheet], {
        office: false,
        personal: false,
        period: { from: '2026-11-23', to: '2026-11-27' },
        commune: { code: '00412', name: 'Xã Tứ Kỳ' },
      }),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes.slice(3))).toBe(example('## CSV file').replace(/\n/g, '\r\n'));
  });

  it('gives every cell of a column the same decimals, with the decimal comma', () => {
    expect([4.875, 10, 7.3333].map((v) => csvCell(column('points'), v))).toEqual([
      '4,88',
      '10,00',
      '7,33',
    ]);
    expect(csvCell(column('points', 1), 7.5)).toBe('7,5');
    expect(csvCell(column('percent'), 0.857142)).toBe('85,7%');
    expect(csvCell(column('count'), 12345)).toBe('12345');
  });

  it('keeps a code’s leading zeros and writes dates as dd/mm/yyyy in Vietnam time', () => {
    expect(csvCell(column('code'), '00412')).toBe('="00412"');
    // 17:30 UTC on 30/11 is 00:30 on 1/12 in Vietnam.
    expect(csvCell(column('datetime'), Date.UTC(2026, 10, 30, 17, 30))).toBe('01/12/2026 00:30');
    expect(csvCell(column('date'), Date.UTC(2026, 10, 30, 17, 30))).toBe('01/12/2026');
    expect(csvCell(column('points'), null)).toBe('');
  });

  it('never lets a typed cell run as a formula or split a row', () => {
    for (const dangerous of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\t=1']) {
      expect(csvText(dangerous).startsWith(`"'`)).toBe(true);
    }
    // A code column only keeps ="…" for a plain code; anything else is defused text.
    expect(csvCell(column('code'), '1"+cmd')).toBe('"1""+cmd"');
    expect(csvCell(column('code'), '=1+1')).toBe(`"'=1+1"`);
    expect(csvText('Tốt; nhanh\r\ngọn')).toBe('"Tốt; nhanh\r\ngọn"');
    expect(csvText('Thôn Đông, xóm 3')).toBe('Thôn Đông, xóm 3');
  });
});
