import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatchBody } from '../../src/core/codec/batch.ts';
import { FrameCollector } from '../../src/core/codec/frames.ts';
import { parseReceipt, receiptOf } from '../../src/core/codec/receipt.ts';
import { checkBatchHash, verifyBatchSignature } from '../../src/core/codec/seal.ts';
import { readAnswerQr } from '../../src/core/phone/answer-qr.ts';
import { issuePhoneToken } from '../../src/core/phone/token.ts';
import { Problem } from '../../src/core/problems.ts';
import { haiDuong2024 } from '../../src/core/profile/index.ts';
import { signerOf } from '../fixtures/batches.ts';

const doc = readFileSync(new URL('../../docs/formats.md', import.meta.url), 'utf8');
const EXAMPLE_KEY = new Uint8Array(32).fill(1);
const hexBytes = (text: string) =>
  Uint8Array.from(text.match(/\b[0-9a-f]{2}\b/g) ?? [], (h) => Number.parseInt(h, 16));
/** The fenced `text` blocks of the document, in order. */
const blocks = [...doc.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/formats.md examples', () => {
  it('decode to the three sheets of the worked example', async () => {
    const frame = blocks[2]?.trim() ?? '';
    const collector = new FrameCollector();
    collector.add(frame);
    const sealed = collector.sealed();
    expect(sealed).toEqual(hexBytes(blocks[1] ?? ''));
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
  });

  it('give the receipt the office shows for the example batch', () => {
    const collector = new FrameCollector();
    collector.add(blocks[2]?.trim() ?? '');
    const receipt = blocks[3]?.trim() ?? '';
    expect(receiptOf(collector.sealed())).toBe(receipt);
    expect(parseReceipt(receipt)).toBe('81BBE101B069CB28');
    expect(() => parseReceipt(blocks[2] ?? '')).toThrow(Problem);
  });

  it('give the phone token and answer QR examples exactly as issued and read', async () => {
    const token = blocks[5]?.trim() ?? '';
    const issued = await issuePhoneToken(signerOf(EXAMPLE_KEY), {
      deviceId: '3f2a9c0d1e4b5a68',
      formId: 'citizen',
      communeCode: '10507',
      issuedAt: Date.parse('2026-11-24T08:00:00+07:00'),
      lifetimeMinutes: 15,
      nonce: '9c41e07a5b2d83f6',
    });
    expect(issued).toBe(token);
    expect(new Uint8Array(Buffer.from(token, 'base64url'))).toEqual(hexBytes(blocks[4] ?? ''));
    const { answers, claim } = readAnswerQr(blocks[6]?.trim() ?? '', haiDuong2024);
    expect(claim).toBe('EREREREREREREREREREREQ');
    expect(answers).toMatchObject({
      answers: ['tot', 'kha', 'tot', 'trung-binh', 'tot'],
      createdAt: Date.parse('2026-11-24T08:04:40+07:00'),
      startedAt: Date.parse('2026-11-24T08:03:10+07:00'),
    });
  });

  it('show the body exactly as the encoder writes it', () => {
    const body = blocks[0] ?? '';
    // Only the hex columns on the left of each line; the words on the right are commentary.
    const hex = body
      .split('\n')
      .map((line) => line.split(/\s{2,}/)[0] ?? '')
      .join(' ');
    // Wrap the documented body the way encodeBatch does, decode it, and encode it again.
    const decoded = decodeBatch(
      new Uint8Array([1, ...hexBytes('3f 2a 9c 0d 1e 4b 5a 68'), ...hexBytes(hex)]),
    );
    expect(encodeBatchBody(decoded)).toEqual(hexBytes(hex));
  });
});
