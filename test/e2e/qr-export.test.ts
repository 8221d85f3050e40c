import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { FrameCollector } from '../../src/core/codec/frames.ts';
import { type RunningCollector, startCollector } from './collector-server.ts';
import { firstPage, launchProfile, withProfileDir } from './fixtures.ts';
import { KioskDriver } from './kiosk-driver.ts';

let collector: RunningCollector;
beforeAll(async () => {
  collector = await startCollector();
  const wasm = readFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    },
    fireImmediately: true,
  });
});
afterAll(async () => {
  await collector?.close();
});

describe('QR export from the kiosk screen, in real Chromium', () => {
  it('shows frames that an independent decoder reads back into a batch the collector accepts once', () =>
    withProfileDir(async (profileDir) => {
      const context = await launchProfile(profileDir);
      const page = await firstPage(context);
      await page.setViewportSize({ width: 1280, height: 1400 });
      await page.goto(collector.url);
      const kiosk = new KioskDriver(page);
      await kiosk.setUpAndRegister(collector.adminToken);

      // Sheets taken with the network unplugged, so HTTP sync cannot deliver them first.
      await context.setOffline(true);
      for (const level of ['Tốt', 'Khá', 'Trung bình']) {
        await kiosk.answerSheet([level, level, level, level, level]);
        await kiosk.backToStart();
      }
      await kiosk.openAdmin();
      await kiosk.button('Xuất mã QR').click();
      await kiosk.button('Tạo mã QR').click();
      await kiosk.button('Tạm dừng').click();

      // Read every frame off the screen, as an office phone would.
      const reader = new FrameCollector();
      const position = page.getByText(/^Khung \d+\/\d+$/);
      do {
        const png = await page.locator('.qr-frame').screenshot();
        const [result] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
        expect(result?.isValid).toBe(true);
        reader.add(result?.text ?? '');
        if (!reader.complete) await kiosk.button('Khung sau').click();
      } while (!reader.complete);
      expect(await position.textContent()).toMatch(/^Khung \d+\/\d+$/);

      // The office delivers what it read; twice, as a careless upload would.
      for (let i = 0; i < 2; i++) {
        const response = await page.request.post(new URL('api/v1/batches', collector.url).href, {
          headers: { 'content-type': 'application/octet-stream' },
          data: Buffer.from(reader.sealed()),
        });
        expect(response.status()).toBe(200);
      }
      const sheets = await collector.store.sheetsOfCommune('10507');
      expect(sheets.map((s) => s.answers[0])).toEqual(['tot', 'kha', 'trung-binh']);
      await context.close();
    }));
});
