import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selfScoreFileSchema, selfScoreSignatureHolds } from '../../src/core/appraisal.ts';
import { chainContent, chainNext, chainStart } from '../../src/core/chain.ts';
import { decodeBatch, encodeBatch } from '../../src/core/codec/batch.ts';
import { FrameCollector } from '../../src/core/codec/frames.ts';
import { bytesToHex } from '../../src/core/codec/hex.ts';
import { parseReceipt, receiptOf } from '../../src/core/codec/receipt.ts';
import { checkBatchHash, verifyBatchSignature } from '../../src/core/codec/seal.ts';
import { readAnswerQr } from '../../src/core/phone/answer-qr.ts';
import { issuePhoneToken } from '../../src/core/phone/token.ts';
import { Problem } from '../../src/core/problems.ts';
import { haiDuong2024 } from '../../src/core/profile/index.ts';
import { sheetsFileSchema, sheetsFileSignatureHolds } from '../../src/core/sheets-file.ts';
import { signerOf } from '../fixtures/batches.ts';

const doc = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');
const EXAMPLE_KEY = new Uint8Array(32).fill(1);
const hexBytes = (text: string) =>
  Uint8Array.from(text.match(/\b[0-9a-f]{2}\b/g) ?? [], (h) => Number.parseInt(h, 16));

/** The fenced blocks of one `## ` or `### ` section of the document, in order. */
function blocks(heading: string, kind = 'text'): string[] {
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`docs/formats.md has no section "${heading}"`);
  const rest = doc.slice(start + heading.length);
  const end = rest.search(/\n##+ /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(new RegExp(`\`\`\`${kind}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
    (m) => m[1] ?? '',
  );
}
const [body = '', sealedHex = ''] = blocks('### Worked example');
const [frame = ''] = blocks('## QR frame').map((b) => b.trim());

describe('docs/formats.md examples', () => {
  it('decode to the three sheets of the worked example, with its header', async () => {
    const collector = new FrameCollector();
    collector.add(frame);
    const sealed = collector.sealed();
    expect(sealed).toEqual(hexBytes(sealedHex));
    const batch = await checkBatchHash(webcrypto.subtle, sealed);
    await verifyBatchSignature(signerOf(EXAMPLE_KEY), sealed);
    const decoded = decodeBatch(batch);
    expect(
      decoded.sheets.map((s) => [s.seq, s.formId, s.answers.join(' '), s.flags.join()]),
    ).toEqual([
      [17, 'citizen', 'tot kha tot trung-binh tot', ''],
      [18, 'citizen', 'tot tot tot tot tot', 'quick-repeat'],
      [20, 'cadre', 'kha kha yeu kha tot', ''],
    ]);
    expect(decoded.sheets.map((s) => new Date(s.createdAt).toISOString())).toEqual([
      '2026-11-24T01:02:00.000Z',
      '2026-11-24T01:10:00.000Z',
      '2026-11-24T02:31:00.000Z',
    ]);
    expect(decoded).toMatchObject({
      sealedAt: Date.parse('2026-11-24T09:40:00+07:00'),
      thresholds: {
        minIntervalSeconds: 20,
        burstWindowSeconds: 600,
        burstCount: 10,
        identicalRunLength: 5,
      },
      chainHead: '5a'.repeat(16),
    });
  });

  it('show the body exactly as the encoder writes it', () => {
    // Only the hex columns on the left of each line; the words on the right are commentary.
    const hex = body
      .split('\n')
      .map((line) => line.split(/\s{2,}/)[0] ?? '')
      .join(' ');
    const batch = new Uint8Array([2, ...hexBytes('3f 2a 9c 0d 1e 4b 5a 68'), ...hexBytes(hex)]);
    expect(encodeBatch(decodeBatch(batch))).toEqual(batch);
  });

  it('still read the format 1 example', () => {
    const [old = ''] = blocks('### Format 1 (still read)');
    expect(decodeBatch(hexBytes(old)).sheets.map((s) => s.seq)).toEqual([17, 18, 20]);
  });

  it('give the chain links of the chain example', () => {
    const [start = '', content = '', link = ''] = blocks('## Chain').flatMap((b) =>
      b.trim().split('\n'),
    );
    const first = decodeBatch(hexBytes(sealedHex).subarray(0, -24)).sheets[0];
    if (!first) throw new Error('example');
    expect(bytesToHex(chainStart('3f2a9c0d1e4b5a68'))).toBe(start);
    expect(chainContent(first)).toEqual(hexBytes(content));
    expect(bytesToHex(chainNext(chainStart('3f2a9c0d1e4b5a68'), first))).toBe(link);
  });

  it('give the receipt the office shows for the example batch', () => {
    const collector = new FrameCollector();
    collector.add(frame);
    const [receipt = ''] = blocks('## Receipt QR (format 1)').map((b) => b.trim());
    expect(receiptOf(collector.sealed())).toBe(receipt);
    expect(parseReceipt(receipt)).toBe('8FB2E550DBEA48BB');
    expect(() => parseReceipt(frame)).toThrow(Problem);
  });

  it('give the phone token and answer QR examples exactly as issued and read', async () => {
    const [tokenHex = '', token = ''] = blocks('## Phone token (format 1)').map((b) => b.trim());
    const issued = await issuePhoneToken(signerOf(EXAMPLE_KEY), {
      deviceId: '3f2a9c0d1e4b5a68',
      formId: 'citizen',
      communeCode: '10507',
      issuedAt: Date.parse('2026-11-24T08:00:00+07:00'),
      lifetimeMinutes: 15,
      nonce: '9c41e07a5b2d83f6',
    });
    expect(issued).toBe(token);
    expect(new Uint8Array(Buffer.from(token, 'base64url'))).toEqual(hexBytes(tokenHex));
    const [answerQr = ''] = blocks('## Answer QR (format 1)').map((b) => b.trim());
    const { answers, claim } = readAnswerQr(answerQr, haiDuong2024);
    expect(claim).toBe('EREREREREREREREREREREQ');
    expect(answers).toMatchObject({
      answers: ['tot', 'kha', 'tot', 'trung-binh', 'tot'],
      createdAt: Date.parse('2026-11-24T08:04:40+07:00'),
      startedAt: Date.parse('2026-11-24T08:03:10+07:00'),
    });
  });

  it('give a JSON file that its own schema accepts, signed with the example key', async () => {
    const [json = ''] = blocks('## JSON file (version 2)', 'json');
    const file = sheetsFileSchema.parse(JSON.parse(json));
    expect(await sheetsFileSignatureHolds(signerOf(EXAMPLE_KEY), file)).toBe(true);
  });

  it('give a self-score file that its own schema accepts, signed with the example key', async () => {
    const [json = ''] = blocks('## Self-score file (version 1)', 'json');
    const file = selfScoreFileSchema.parse(JSON.parse(json));
    expect(await selfScoreSignatureHolds(signerOf(EXAMPLE_KEY), file)).toBe(true);
    expect(file.entries['1.1.2']).toEqual({ halfPoints: 1, note: 'Mới tổ chức ở 6 trên 12 thôn' });
  });
});
