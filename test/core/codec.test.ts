import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase45, toBase45 } from '../../src/core/codec/base45.ts';
import { decodeBatch, encodeBatch, MAX_SHEETS } from '../../src/core/codec/batch.ts';
import { ByteWriter } from '../../src/core/codec/bytes.ts';
import { batchIdOf, FrameCollector, toFrames } from '../../src/core/codec/frames.ts';
import {
  checkBatchHash,
  SEAL_BYTES,
  sealBatch,
  verifyBatchSignature,
} from '../../src/core/codec/seal.ts';
import { Problem } from '../../src/core/problems.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import { batchOf, signerOf } from '../fixtures/batches.ts';
import { seededRandom, syntheticWeek } from '../fixtures/synthetic-week.ts';

const subtle = webcrypto.subtle;
const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(8);

/** The format 1 worked example of an earlier docs/formats.md, without its seal. */
const FORMAT_1_EXAMPLE = Uint8Array.from(
  '01 3f 2a 9c 0d 1e 4b 5a 68 00 0e 68 61 69 2d 64 75 6f 6e 67 2d 32 30 32 34 01 01 01 05 31 30 35 30 37 11 03 de ba a2 0e 0d 01 20 1c 11 f0 66 3e 17 9b 9e a5 40 00'
    .split(' ')
    .map((h) => Number.parseInt(h, 16)),
);

const toMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

/** What the compact batch promises to carry: everything but startedAt, times to the minute. */
function carried(sheet: Sheet): Sheet {
  const minute = toMinute(sheet.createdAt);
  const respondent = sheet.respondent && {
    ...sheet.respondent,
    consent: { ...sheet.respondent.consent, at: toMinute(sheet.respondent.consent.at) },
  };
  return { ...sheet, createdAt: minute, startedAt: minute, ...(respondent && { respondent }) };
}

function problemKey(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    return e instanceof Problem ? e.key : `not a Problem: ${e}`;
  }
  return undefined;
}

describe('base45 (RFC 9285)', () => {
  it('matches the RFC examples', () => {
    const text = (s: string) => toBase45(new TextEncoder().encode(s));
    expect([text('AB'), text('Hello!!'), text('base-45'), text('ietf!')]).toEqual([
      'BB8',
      '%69 VD92EX0',
      'UJCLQE7W581',
      'QED8WEX0',
    ]);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase45(toBase45(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses characters outside the alphabet and impossible values', () => {
    expect(problemKey(() => fromBase45('ab8'))).toBe('frame.damaged');
    expect(problemKey(() => fromBase45('GGW'))).toBe('frame.damaged'); // 65 535 + 1
    expect(problemKey(() => fromBase45('BB8B'))).toBe('frame.damaged');
  });
});

describe('compact batch', () => {
  it('round-trips a week of sheets, times to the minute', () => {
    const sheets = syntheticWeek(1000);
    const decoded = decodeBatch(encodeBatch(batchOf(sheets)));
    expect(decoded.sheets).toEqual(sheets.map(carried));
    expect(decoded.communeCode).toBe('10507');
  });

  it('round-trips gaps in the numbering, phone sheets, every flag and clock steps backwards', () => {
    const [a, b, c] = syntheticWeek(3);
    if (!a || !b || !c) throw new Error('fixture');
    const sheets: Sheet[] = [
      a,
      {
        ...b,
        seq: 5,
        channel: 'phone',
        flags: ['non-resident', 'quick-repeat', 'burst', 'identical-run'],
      },
      { ...c, seq: 9, createdAt: a.createdAt - 3_600_000 },
    ];
    expect(decodeBatch(encodeBatch(batchOf(sheets))).sheets).toEqual(sheets.map(carried));
  });

  it('carries personal data only when asked to', () => {
    const [plain] = syntheticWeek(1);
    if (!plain) throw new Error('fixture');
    const sheet: Sheet = {
      ...plain,
      respondent: {
        name: 'Nguyễn Thị Hà',
        address: 'Thôn Đông, xã Tứ Kỳ',
        consent: { noticeVersion: 1, at: plain.createdAt },
      },
      suggestion: 'Cần thêm ghế chờ',
      reasons: { '4': 'Chờ lâu' },
    };
    expect(
      decodeBatch(encodeBatch(batchOf([sheet], { includesPersonalData: true }))).sheets[0],
    ).toEqual(carried(sheet));
    expect(decodeBatch(encodeBatch(batchOf([sheet]))).sheets[0]).toEqual(carried(plain));
  });

  it('keeps a week of 1 000 sheets within 1,8 bytes per sheet, seal included', () => {
    const bytes = encodeBatch(batchOf(syntheticWeek(1000))).length + SEAL_BYTES;
    expect(bytes / 1000).toBeLessThanOrEqual(1.8);
  });

  it('round-trips any sheets the format can carry', () => {
    const level = fc.constantFrom('tot', 'kha', 'trung-binh', 'yeu');
    const sheetArb = fc.record({
      gap: fc.nat({ max: 3 }),
      minutes: fc.integer({ min: -90, max: 600 }),
      formId: fc.constantFrom('citizen' as const, 'cadre' as const),
      channel: fc.constantFrom('kiosk' as const, 'phone' as const),
      answers: fc.array(level, { minLength: 5, maxLength: 5 }),
      flags: fc.subarray(['non-resident', 'quick-repeat', 'burst', 'identical-run'] as const),
    });
    fc.assert(
      fc.property(
        fc.array(sheetArb, { minLength: 1, maxLength: 80 }),
        fc.nat({ max: 5000 }),
        (drawn, firstSeq) => {
          let seq = firstSeq;
          let at = Date.UTC(2026, 10, 23, 1);
          const sheets: Sheet[] = drawn.map((d) => {
            seq += 1 + d.gap;
            at += d.minutes * 60_000;
            return {
              deviceId: '3f2a9c0d1e4b5a68',
              seq,
              profileId: 'hai-duong-2024',
              profileVersion: 1,
              formId: d.formId,
              formVersion: 1,
              channel: d.channel,
              answers: d.answers,
              startedAt: at,
              createdAt: at,
              flags: [...d.flags],
            };
          });
          expect(decodeBatch(encodeBatch(batchOf(sheets))).sheets).toEqual(sheets.map(carried));
        },
      ),
    );
  });

  it('refuses a truncated or bit-flipped batch without returning any sheet', () => {
    const bytes = encodeBatch(batchOf(syntheticWeek(50)));
    expect(problemKey(() => decodeBatch(bytes.slice(0, bytes.length - 5)))).toBe('batch.damaged');
    const random = seededRandom(1);
    for (let i = 0; i < 50; i++) {
      const flipped = bytes.slice();
      const at = 9 + Math.floor(random() * (bytes.length - 9));
      flipped[at] = (flipped[at] ?? 0) ^ (1 << Math.floor(random() * 8));
      const key = problemKey(() => decodeBatch(flipped));
      // Deflate cannot always tell; the seal's hash can (see below). Never anything but a Problem.
      expect([undefined, 'batch.damaged', 'batch.version', 'batch.too-large']).toContain(key);
    }
  });

  it('refuses another format version', () => {
    const bytes = encodeBatch(batchOf(syntheticWeek(3)));
    bytes[0] = 3;
    expect(problemKey(() => decodeBatch(bytes))).toBe('batch.version');
  });

  it('carries the seconds and the time to answer when asked to (HTTP, files)', () => {
    const sheets = syntheticWeek(200);
    const decoded = decodeBatch(encodeBatch(batchOf(sheets, { includesFineTimes: true })));
    const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;
    expect(decoded.sheets.map((s) => [s.createdAt, s.startedAt])).toEqual(
      sheets.map((s) => [toSecond(s.createdAt), toSecond(s.createdAt) - 60_000]),
    );
    expect(decoded.includesFineTimes).toBe(true);
  });

  it('carries the chain link, the kiosk clock and its thresholds once a batch', () => {
    const thresholds = {
      minIntervalSeconds: 45,
      burstWindowSeconds: 900,
      burstCount: 7,
      identicalRunLength: 4,
    };
    const batch = batchOf(syntheticWeek(10), {
      thresholds,
      sealedAt: Date.UTC(2026, 10, 24, 3, 4, 5, 678),
    });
    const decoded = decodeBatch(encodeBatch(batch));
    expect(decoded).toMatchObject({
      chainHead: batch.chainHead,
      thresholds,
      sealedAt: Date.UTC(2026, 10, 24, 3, 4, 5),
    });
    expect(decoded.chainHead).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a header count one more (or less) than the sheets coded after it', () => {
    const batch = batchOf(syntheticWeek(40));
    const bytes = encodeBatch(batch);
    // The count's offset: everything encodeBatch writes before it.
    const before = new ByteWriter()
      .bytes(bytes.subarray(0, 10))
      .text(batch.profileId)
      .varint(batch.profileVersion)
      .text(batch.communeCode)
      .varint(Math.floor(batch.sealedAt / 1000))
      .varint(20)
      .varint(600)
      .varint(10)
      .varint(5)
      .bytes(new Uint8Array(16))
      .varint(1)
      .result().length;
    expect(bytes[before]).toBe(40);
    for (const count of [41, 39]) {
      const edited = bytes.slice();
      edited[before] = count;
      expect(problemKey(() => decodeBatch(edited))).toBe('batch.damaged');
    }
  });

  it('refuses a count above the batch maximum before decoding a sheet', () => {
    expect(() => encodeBatch(batchOf(syntheticWeek(MAX_SHEETS + 1)))).toThrow(RangeError);
  });

  it('refuses text that is not UTF-8 with its own problem', () => {
    const bytes = encodeBatch(batchOf(syntheticWeek(3), { communeCode: '10507' }));
    const at = bytes.indexOf(0x31, 10 + 16); // the commune code's first digit, after the profile id
    const edited = bytes.slice();
    edited[at] = 0xff;
    expect(problemKey(() => decodeBatch(edited))).toBe('request.encoding');
  });

  it('still reads a format 1 batch (docs/formats.md, "Format 1")', () => {
    const decoded = decodeBatch(FORMAT_1_EXAMPLE);
    expect(decoded.sheets.map((s) => [s.seq, s.formId, s.answers.join(' ')])).toEqual([
      [17, 'citizen', 'tot kha tot trung-binh tot'],
      [18, 'citizen', 'tot tot tot tot tot'],
      [20, 'cadre', 'kha kha yeu kha tot'],
    ]);
    expect(decoded).toMatchObject({ sealedAt: 0, includesFineTimes: false });
    expect(decoded).not.toHaveProperty('chainHead');
  });
});

describe('seal', () => {
  it('verifies its own hash and signature', async () => {
    const batch = encodeBatch(batchOf(syntheticWeek(20)));
    const sealed = await sealBatch(subtle, signerOf(KEY), batch);
    expect(await checkBatchHash(subtle, sealed)).toEqual(batch);
    await expect(verifyBatchSignature(signerOf(KEY), sealed)).resolves.toBeUndefined();
  });

  it('catches every single flipped bit by its hash', async () => {
    const sealed = await sealBatch(subtle, signerOf(KEY), encodeBatch(batchOf(syntheticWeek(20))));
    for (let at = 0; at < sealed.length - SEAL_BYTES; at += 7) {
      const flipped = sealed.slice();
      flipped[at] = (flipped[at] ?? 0) ^ 0x10;
      await expect(checkBatchHash(subtle, flipped)).rejects.toMatchObject({ key: 'batch.damaged' });
    }
  });

  it('refuses a batch signed with another kiosk’s key', async () => {
    const sealed = await sealBatch(
      subtle,
      signerOf(OTHER_KEY),
      encodeBatch(batchOf(syntheticWeek(5))),
    );
    await expect(verifyBatchSignature(signerOf(KEY), sealed)).rejects.toMatchObject({
      key: 'batch.bad-signature',
    });
  });
});

describe('frames', () => {
  async function framesOf(count: number, frameChars?: number) {
    const sealed = await sealBatch(
      subtle,
      signerOf(KEY),
      encodeBatch(batchOf(syntheticWeek(count))),
    );
    return { sealed, frames: toFrames(sealed, batchIdOf(sealed), frameChars) };
  }

  it('uses only QR alphanumeric characters', async () => {
    const { frames } = await framesOf(100, 300);
    for (const frame of frames) expect(frame).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
  });

  it('reassembles frames read in any order, with repeats', async () => {
    const { sealed, frames } = await framesOf(1000, 400);
    const collector = new FrameCollector();
    const order = [...frames.keys()].reverse();
    for (const i of [...order, 0, 2, 1]) collector.add(frames[i] ?? '');
    expect(collector.complete).toBe(true);
    expect(collector.sealed()).toEqual(sealed);
  });

  it('says which frames are still missing', async () => {
    const { frames } = await framesOf(300, 300);
    const collector = new FrameCollector();
    collector.add(frames[1] ?? '');
    expect(collector.missing()).toEqual(frames.map((_, i) => i + 1).filter((i) => i !== 2));
  });

  it('refuses a frame of another batch and keeps what it has', async () => {
    const first = await framesOf(200, 300);
    const other = await framesOf(201, 300);
    const collector = new FrameCollector();
    collector.add(first.frames[0] ?? '');
    expect(problemKey(() => collector.add(other.frames[1] ?? ''))).toBe('frame.other-batch');
    expect(collector.missing()).not.toContain(1);
  });

  it('refuses foreign and truncated frames with their own problems', async () => {
    const { frames } = await framesOf(100, 300);
    const collector = new FrameCollector();
    expect(problemKey(() => collector.add('https://dichvucong.gov.vn'))).toBe('frame.not-ours');
    expect(problemKey(() => collector.add((frames[0] ?? '').replace(/\/\d+\/\d+\//, '/x/')))).toBe(
      'frame.damaged',
    );
  });

  it('keeps every frame within a version-25 QR at ECC M (1 451 alphanumeric characters)', async () => {
    const { frames } = await framesOf(1000);
    expect(frames.length).toBeGreaterThan(1);
    for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(1451);
  });
});
