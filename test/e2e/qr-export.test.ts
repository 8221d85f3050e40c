import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { encodeBatch } from '../../src/core/codec/batch.ts';
import { batchIdOf, FrameCollector, toFrames } from '../../src/core/codec/frames.ts';
import { receiptOf } from '../../src/core/codec/receipt.ts';
import { sealBatch } from '../../src/core/codec/seal.ts';
import { batchOf, signerOf } from '../fixtures/batches.ts';
import { seededRandom, syntheticWeek } from '../fixtures/synthetic-week.ts';
import { prepareLocalZxing } from '../fixtures/zxing.ts';
import { type RunningCollector, registerKioskByApi, startCollector } from './collector-server.ts';
import { fakeCameraArgs, writeQrVideo } from './fake-camera.ts';
import { firstPage, launchProfile, withProfileDir } from './fixtures.ts';
import { cutNetwork, launchBrowser, restoreNetwork, waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';
import { signInOffice } from './office-sign-in.ts';

let collector: RunningCollector;
let videoDir: string;
beforeAll(async () => {
  collector = await startCollector();
  videoDir = mkdtempSync(join(tmpdir(), 'fake-camera-'));
  prepareLocalZxing();
});
afterAll(async () => {
  await collector?.close();
  rmSync(videoDir, { recursive: true, force: true });
});

/** Reads the one QR code in a screenshot with ZXing, an independent decoder. */
async function readQr(png: Buffer): Promise<string> {
  const [result] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
  expect(result?.isValid).toBe(true);
  return result?.text ?? '';
}

async function openOffice(office: Page) {
  await signInOffice(office, collector);
  await office.getByRole('table', { name: 'Kết quả theo xã, phường' }).waitFor();
}

describe('QR export from the kiosk to the office, in real Chromium', () => {
  it('office camera reads the kiosk frames; the kiosk camera reads the office receipt', () =>
    withProfileDir(async (profileDir) => {
      const context = await launchProfile(profileDir);
      const page = await firstPage(context);
      await page.setViewportSize({ width: 1280, height: 1400 });
      await page.goto(collector.url);
      await waitForServiceWorker(page);
      const kiosk = new KioskDriver(page);
      await kiosk.setUpAndRegister(collector);

      // Sheets taken with the network unplugged, so HTTP sync cannot deliver them first.
      await cutNetwork(context);
      for (const level of ['Tốt', 'Khá', 'Trung bình']) {
        await kiosk.answerSheet([level, level, level, level, level]);
        await kiosk.backToStart();
      }
      await kiosk.openAdmin();
      await kiosk.button('Xuất mã QR').click();
      await kiosk.button('Tạo mã QR').click();
      await kiosk.button('Tạm dừng').click();

      // What the kiosk shows, read off its screen by an independent decoder.
      const reader = new FrameCollector();
      const frames: string[] = [];
      do {
        const text = await readQr(await page.locator('.qr-frame').screenshot());
        frames[reader.add(text).index - 1] = text;
        if (!reader.complete) await kiosk.button('Khung sau').click();
      } while (!reader.complete);
      const expectedReceipt = receiptOf(reader.sealed());
      await context.close();

      // The office is another machine, online, whose camera films the kiosk's frames.
      const officeBrowser = await launchBrowser(
        fakeCameraArgs(writeQrVideo(videoDir, frames, { framesEach: 3 })),
      );
      const office = await (await officeBrowser.newContext()).newPage();
      const requested: string[] = [];
      office.on('request', (request) => requested.push(request.url()));
      await openOffice(office);
      await office.getByRole('button', { name: 'Quét bằng camera' }).click();
      await office
        .getByText('Máy chủ đã nhận 3 phiếu mới (0 phiếu đã có từ trước).')
        .waitFor({ timeout: 30_000 });
      const receiptImage = office.getByRole('img', { name: 'Mã xác nhận đã nhận lô' });
      await expect.poll(async () => readQr(await receiptImage.screenshot())).toBe(expectedReceipt);
      await office.getByRole('button', { name: 'Tắt camera' }).click();
      // Debian's Chromium has no native QR BarcodeDetector: the ponyfill ran on the bundled wasm.
      expect(requested.filter((url) => url.endsWith('.wasm'))).toEqual([
        expect.stringMatching(new RegExp(`^${collector.url}assets/zxing_reader-.+\\.wasm$`)),
      ]);
      expect(requested.filter((url) => !url.startsWith(collector.url))).toEqual([]);

      // The same frames typed by a USB scanner: recognised, nothing changes.
      await office
        .getByLabel('Nội dung khung (mỗi khung một dòng, theo thứ tự bất kỳ)')
        .fill([...frames].reverse().join('\n'));
      await office.getByRole('button', { name: 'Đọc khung' }).click();
      await office.getByText('Đã đọc và gửi lên máy chủ trước đây').waitFor();
      const row = office.getByRole('row', { name: /Xã Tứ Kỳ \(10507\)/ });
      // Tốt, Khá and Trung bình sheets: (10 + 5 + 2,5) / 3 = 5,83; 2 of 3 answers satisfied.
      await expect.poll(async () => row.getByRole('cell').first().textContent()).toBe('3');
      expect(await row.getByRole('cell').nth(3).textContent()).toBe('5,83');
      expect(await row.getByRole('cell').nth(6).textContent()).toBe('66,7%');

      // Drill-down: per-question answers of the commune.
      await office.getByRole('button', { name: 'Xã Tứ Kỳ (10507)' }).click();
      const chart = office.getByRole('table', {
        name: 'Câu trả lời theo từng câu hỏi, Phiếu người dân',
      });
      const question1 = chart.getByRole('row', { name: /Câu 1/ });
      expect((await question1.getByRole('cell').allTextContents()).slice(0, 4)).toEqual([
        '1 (33%)',
        '1 (33%)',
        '1 (33%)',
        '0 (0%)',
      ]);
      const axe = await new AxeBuilder({ page: office })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      const receiptShown = await readQr(await receiptImage.screenshot());
      await officeBrowser.close();
      expect((await collector.store.sheetsOfCommune('10507')).map((s) => s.answers[0])).toEqual([
        'tot',
        'kha',
        'trung-binh',
      ]);

      // Back at the kiosk, still offline: its camera films the office's receipt.
      const kioskAgain = await launchProfile(
        profileDir,
        true,
        fakeCameraArgs(writeQrVideo(videoDir, [receiptShown])),
      );
      const again = await firstPage(kioskAgain);
      await again.goto(collector.url);
      const kiosk2 = new KioskDriver(again);
      await kiosk2.openAdmin();
      await kiosk2.button('Xuất mã QR').click();
      await kiosk2.button('Tạo mã QR').click();
      await kiosk2.button('Quét mã xác nhận').click();
      await again
        .getByText('Cơ quan thu phiếu đã xác nhận. Đã đánh dấu 3 phiếu là đã gửi')
        .waitFor({ timeout: 30_000 });
      await kiosk2.button('Tạo mã QR').click();
      await again.getByText('Không có phiếu nào để xuất.').waitFor();
      await kioskAgain.close();
    }));

  it('an offline office keeps a batch, counts it, and sends it once the network is back', async () => {
    // A kiosk registered with the office, whose batch is cut into several small frames.
    const deviceId = '5a5a5a5a5a5a5a5a';
    const key = await registerKioskByApi(collector, deviceId, '10509', 'Phường Hải Tân');
    const sheets = syntheticWeek(600, 21, deviceId);
    const sealed = await sealBatch(
      crypto.subtle,
      signerOf(key),
      encodeBatch(batchOf(sheets, { communeCode: '10509' })),
    );
    const frames = toFrames(sealed, batchIdOf(sealed), 300);
    expect(frames.length).toBeGreaterThan(3);
    const random = seededRandom(4);
    const shuffled = [...frames, frames[0] ?? ''].sort(() => random() - 0.5);

    const browser = await launchBrowser();
    const context = await browser.newContext();
    const office = await context.newPage();
    await openOffice(office);
    await cutNetwork(context);
    const box = office.getByLabel('Nội dung khung (mỗi khung một dòng, theo thứ tự bất kỳ)');
    await box.fill(shuffled.slice(0, 2).join('\n'));
    await office.getByRole('button', { name: 'Đọc khung' }).click();
    await office.getByText(/Còn thiếu khung/).waitFor();
    await box.fill(shuffled.slice(2).join('\n'));
    await office.getByRole('button', { name: 'Đọc khung' }).click();
    await office.getByText('Chưa gửi được lên máy chủ thu phiếu (mất mạng)').waitFor();
    await office.getByText('Chưa kết nối được máy chủ thu phiếu.').waitFor();
    const row = office.getByRole('row', { name: /Phường Hải Tân \(10509\)/ });
    expect(await row.getByRole('cell').first().textContent()).toBe('600');
    expect(await collector.store.sheetsOfCommune('10509')).toEqual([]);

    await restoreNetwork(context);
    await expect
      .poll(async () => (await collector.store.sheetsOfCommune('10509')).length, {
        timeout: 30_000,
      })
      .toBe(600);
    await office.getByText(/đang được giữ trên máy này/).waitFor({ state: 'detached' });
    await browser.close();
  });
});
