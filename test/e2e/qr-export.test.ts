import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { FrameCollector } from '../../src/core/codec/frames.ts';
import { type RunningCollector, startCollector } from './collector-server.ts';
import { firstPage, launchProfile, withProfileDir } from './fixtures.ts';
import { launchBrowser } from './harness.ts';
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
      const frameTexts: string[] = [];
      const position = page.getByText(/^Khung \d+\/\d+$/);
      do {
        const png = await page.locator('.qr-frame').screenshot();
        const [result] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
        expect(result?.isValid).toBe(true);
        const frame = reader.add(result?.text ?? '');
        frameTexts[frame.index - 1] = result?.text ?? '';
        if (!reader.complete) await kiosk.button('Khung sau').click();
      } while (!reader.complete);
      expect(await position.textContent()).toMatch(/^Khung \d+\/\d+$/);

      // At the office: the frames go into the collector screen, as a USB scanner types them; twice.
      const frames = [...Array(reader.total).keys()].map((i) => frameTexts[i] ?? '');
      // The office is another machine, online; the kiosk stays offline.
      const officeBrowser = await launchBrowser();
      const office = await (await officeBrowser.newContext()).newPage();
      await office.goto(new URL('#/collector', collector.url).href);
      await office.getByLabel('Mã quản trị của cơ quan thu phiếu').fill(collector.adminToken);
      await office.getByRole('button', { name: 'Vào' }).click();
      const box = office.getByLabel('Nội dung khung (mỗi khung một dòng, theo thứ tự bất kỳ)');
      const readFrames = office.getByRole('button', { name: 'Đọc khung' });
      await box.fill([...frames].reverse().join('\n'));
      await readFrames.click();
      await office.getByText('Đã nhận 3 phiếu mới (0 phiếu đã có từ trước).').waitFor();
      await box.fill(frames.join('\n'));
      await readFrames.click();
      await office.getByText('Đã nhận 0 phiếu mới (3 phiếu đã có từ trước).').waitFor();
      const row = office.getByRole('row', { name: /Xã Tứ Kỳ \(10507\)/ });
      // Tốt, Khá and Trung bình sheets: (10 + 5 + 2,5) / 3 = 5,83; 2 of 3 answers satisfied.
      expect((await row.getByRole('cell').allTextContents()).slice(0, 1)).toEqual(['3']);
      expect(await row.getByRole('cell').nth(2).textContent()).toBe('5,83');
      expect(await row.getByRole('cell').nth(5).textContent()).toBe('66,7%');

      const axe = await new AxeBuilder({ page: office })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      await officeBrowser.close();
      const sheets = await collector.store.sheetsOfCommune('10507');
      expect(sheets.map((s) => s.answers[0])).toEqual(['tot', 'kha', 'trung-binh']);
      await context.close();
    }));
});
