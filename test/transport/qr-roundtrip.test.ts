import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { encodeBatch } from '../../src/core/codec/batch.ts';
import { batchIdOf, FrameCollector, toFrames } from '../../src/core/codec/frames.ts';
import { openSealedBatch } from '../../src/core/codec/open.ts';
import { sealBatch } from '../../src/core/codec/seal.ts';
import { Problem } from '../../src/core/problems.ts';
import { frameCharsFor, frameQrInput, frameToSvg } from '../../src/transport/qr-frame-image.ts';
import { batchOf, signerOf } from '../fixtures/batches.ts';
import { seededRandom, syntheticWeek } from '../fixtures/synthetic-week.ts';
import { prepareLocalZxing } from '../fixtures/zxing.ts';

const KEY = webcrypto.getRandomValues(new Uint8Array(32));
const DEVICE = '3f2a9c0d1e4b5a68';
const keyOf = async (deviceId: string) => (deviceId === DEVICE ? signerOf(KEY) : undefined);

beforeAll(() => {
  prepareLocalZxing();
});

/** Renders a frame to a PNG with `qrcode` and reads it back with ZXing, an independent decoder. */
async function throughCamera(frame: string): Promise<string> {
  const { segments, errorCorrectionLevel, version } = frameQrInput(frame);
  const png = await QRCode.toBuffer(segments, {
    errorCorrectionLevel,
    version,
    margin: 4,
    scale: 3,
  });
  const [result] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
  if (!result?.isValid) throw new Error('QR not readable');
  return result.text;
}

const weekBatch = (count: number) => batchOf(syntheticWeek(count, 11, DEVICE));

describe('QR round trip through real QR images', () => {
  it('brings every sheet across, frames shuffled and repeated', async () => {
    const batch = weekBatch(1000);
    const sealed = await sealBatch(webcrypto.subtle, signerOf(KEY), encodeBatch(batch));
    const frames = toFrames(sealed, batchIdOf(sealed));
    const random = seededRandom(5);
    const order = [...frames.keys(), 0].sort(() => random() - 0.5);
    const collector = new FrameCollector();
    for (const i of order) collector.add(await throughCamera(frames[i] ?? ''));
    const opened = await openSealedBatch(webcrypto.subtle, collector.sealed(), keyOf);
    expect(opened.sheets.map((s) => [s.seq, s.formId, ...s.answers])).toEqual(
      batch.sheets.map((s) => [s.seq, s.formId, ...s.answers]),
    );
  });

  it('keeps every frame of a week within QR version 25 at ECC M', async () => {
    const sealed = await sealBatch(webcrypto.subtle, signerOf(KEY), encodeBatch(weekBatch(1000)));
    for (const frame of toFrames(sealed, batchIdOf(sealed)))
      expect(frameQrInput(frame).version).toBeLessThanOrEqual(25);
  });

  it('cuts smaller frames for a weak camera, each within the chosen version and readable', async () => {
    const sealed = await sealBatch(webcrypto.subtle, signerOf(KEY), encodeBatch(weekBatch(300)));
    const small = { errorCorrectionLevel: 'H', maxVersion: 10 } as const;
    const frames = toFrames(sealed, batchIdOf(sealed), frameCharsFor(small));
    expect(frames.length).toBeGreaterThan(toFrames(sealed, batchIdOf(sealed)).length);
    const collector = new FrameCollector();
    for (const frame of frames) {
      const { segments, errorCorrectionLevel, version } = frameQrInput(frame, small);
      expect(version).toBeLessThanOrEqual(10);
      const png = await QRCode.toBuffer(segments, { errorCorrectionLevel, version, scale: 3 });
      const [result] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
      collector.add(result?.text ?? '');
    }
    expect(
      (await openSealedBatch(webcrypto.subtle, collector.sealed(), keyOf)).sheets,
    ).toHaveLength(300);
  });

  it('matches the table of piece lengths in docs/formats.md', () => {
    const doc = readFileSync('docs/formats.md', 'utf8');
    const rows = [
      ...doc.matchAll(/^\| (\d+) +\| ([\d ]+?) +\| ([\d ]+?) +\| ([\d ]+?) +\| ([\d ]+?) +\|$/gm),
    ];
    expect(rows).toHaveLength(4);
    for (const [, version, ...cells] of rows) {
      const documented = cells.map((c) => Number(c.replace(/ /g, '')));
      const computed = (['L', 'M', 'Q', 'H'] as const).map((errorCorrectionLevel) =>
        frameCharsFor({ errorCorrectionLevel, maxVersion: Number(version) }),
      );
      expect(computed).toEqual(documented);
    }
  });

  it('renders a frame as an SVG QR code', async () => {
    const svg = await frameToSvg('KS1/3B12DE1B/1/1/470IH5ST1UN9');
    expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 (\d+) \1"/);
  });

  it('refuses a batch from an unregistered kiosk and one signed with the wrong key', async () => {
    const stranger = await sealBatch(
      webcrypto.subtle,
      signerOf(KEY),
      encodeBatch({
        ...weekBatch(5),
        deviceId: 'aaaaaaaaaaaaaaaa',
        sheets: syntheticWeek(5, 1, 'aaaaaaaaaaaaaaaa'),
      }),
    );
    await expect(openSealedBatch(webcrypto.subtle, stranger, keyOf)).rejects.toBeInstanceOf(
      Problem,
    );
    const forged = await sealBatch(
      webcrypto.subtle,
      signerOf(new Uint8Array(32)),
      encodeBatch(weekBatch(5)),
    );
    await expect(openSealedBatch(webcrypto.subtle, forged, keyOf)).rejects.toMatchObject({
      key: 'batch.bad-signature',
    });
  });
});
