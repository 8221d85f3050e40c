import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { issuePhoneToken } from '../../src/core/phone/token.ts';
import { signerOf } from '../fixtures/batches.ts';
import { prepareLocalZxing } from '../fixtures/zxing.ts';
import { type RunningCollector, registerKioskByApi, startCollector } from './collector-server.ts';
import { fakeCameraArgs, writeQrVideo } from './fake-camera.ts';
import { firstPage, launchProfile, withProfileDir } from './fixtures.ts';
import { cutNetwork, launchBrowser, restoreNetwork, waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';
import { signInOffice } from './office-sign-in.ts';

let collector: RunningCollector;
let phones: Browser;
let videoDir: string;
beforeAll(async () => {
  videoDir = mkdtempSync(join(tmpdir(), 'phone-camera-'));
  [collector, phones] = await Promise.all([startCollector(), launchBrowser()]);
  prepareLocalZxing();
});
afterAll(async () => {
  rmSync(videoDir, { recursive: true, force: true });
  await phones?.close();
  await collector?.close();
});

/** A citizen's phone: its own browser context, phone-sized, touch. */
async function phone(): Promise<Page> {
  const context = await phones.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  return context.newPage();
}

/** The link in the kiosk's phone QR, read off its screen with ZXing. */
async function linkOnKiosk(kiosk: Page): Promise<string> {
  const png = await kiosk
    .getByRole('img', { name: 'Mã QR để đánh giá trên điện thoại' })
    .screenshot();
  const [result] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
  expect(result?.isValid).toBe(true);
  return result?.text ?? '';
}

/** Sets up and registers a kiosk in this profile; the phone link its start screen shows. */
async function registeredKioskLink(profileDir: string): Promise<string> {
  const context = await launchProfile(profileDir);
  const kioskPage = await firstPage(context);
  await kioskPage.goto(collector.url);
  await new KioskDriver(kioskPage).setUpAndRegister(collector);
  const link = await linkOnKiosk(kioskPage);
  await context.close();
  return link;
}

/** A phone that opened the link online, lost its network, answered, and shows its answer QR. */
async function answeredOffline(link: string, levels: string[]): Promise<Page> {
  const citizen = await phone();
  await citizen.goto(link);
  await citizen.getByText('Xã Tứ Kỳ').first().waitFor();
  await cutNetwork(citizen.context());
  await new KioskDriver(citizen).fillSheet(levels);
  await citizen.getByRole('heading', { name: 'Phiếu đã được lưu trên điện thoại' }).waitFor();
  await citizen.getByRole('button', { name: 'Hiện mã QR cho máy khảo sát quét' }).click();
  return citizen;
}

const phoneSheets = async () =>
  (await collector.store.sheetsOfCommune('10507')).filter((s) => s.channel === 'phone');

describe('phone mode in real Chromium', () => {
  it('a phone answers through the kiosk QR once; the link cannot be used again; the QR renews', () =>
    withProfileDir(async (profileDir) => {
      const context = await launchProfile(profileDir);
      const kioskPage = await firstPage(context);
      await kioskPage.goto(collector.url);
      await waitForServiceWorker(kioskPage);
      await new KioskDriver(kioskPage).setUpAndRegister(collector);
      const link = await linkOnKiosk(kioskPage);
      expect(link).toMatch(new RegExp(`^${collector.url}#/phone/[A-Za-z0-9_-]{60}$`));

      const citizen = await phone();
      await citizen.goto(link);
      await citizen.getByText('Xã Tứ Kỳ').first().waitFor();
      const axe = await new AxeBuilder({ page: citizen })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      // A second phone scanning the same code is told at once, before answering anything.
      const second = await phone();
      await second.goto(link);
      expect(await second.getByRole('alert').textContent()).toContain('điện thoại khác');
      await new KioskDriver(citizen).answerSheet(['Tốt', 'Khá', 'Tốt', 'Tốt', 'Tốt']);
      const sheets = await phoneSheets();
      expect(sheets.map((s) => [s.channel, s.seq, s.answers.join(' ')])).toEqual([
        ['phone', 1, 'tot kha tot tot tot'],
      ]);
      // Counted in the commune's figures, and shown apart as answered on a phone.
      expect(await collector.store.communes()).toEqual([
        expect.objectContaining({ communeCode: '10507', sheetCount: 1, phoneSheetCount: 1 }),
      ]);

      // The same phone, reloaded after its thank-you, says thank you again.
      await citizen.reload();
      await citizen.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor();
      expect(await citizen.getByText(/đã được dùng/).count()).toBe(0);

      const again = await phone();
      await again.goto(link);
      await again.getByRole('heading', { name: 'Chưa thể đánh giá bằng mã này' }).waitFor();
      expect(await again.getByRole('alert').textContent()).toContain('đã được dùng');

      // The kiosk learns its code was used and shows a new one.
      await expect.poll(() => linkOnKiosk(kioskPage), { timeout: 20_000 }).not.toBe(link);
      expect(await phoneSheets()).toHaveLength(1);
      await context.close();
    }));

  it('an expired token is refused with a clear sentence', async () => {
    const deviceId = '7777777777777777';
    const key = await registerKioskByApi(collector, deviceId, '10507', 'Xã Tứ Kỳ');
    const token = await issuePhoneToken(signerOf(key), {
      deviceId,
      formId: 'citizen',
      communeCode: '10507',
      issuedAt: Date.now() - 60 * 60_000,
      lifetimeMinutes: 15,
      nonce: 'aaaaaaaaaaaaaaa1',
    });
    const citizen = await phone();
    await citizen.goto(new URL(`#/phone/${token}`, collector.url).href);
    expect(await citizen.getByRole('alert').textContent()).toContain('đã hết hạn');
  });

  it('an offline phone keeps its sheet and sends it once when back online', () =>
    withProfileDir(async (profileDir) => {
      const link = await registeredKioskLink(profileDir);
      const before = (await phoneSheets()).length;
      const citizen = await answeredOffline(link, ['Khá', 'Khá', 'Khá', 'Khá', 'Khá']);
      await citizen.getByRole('img', { name: /Mã QR phiếu trả lời/ }).waitFor();
      const axe = await new AxeBuilder({ page: citizen })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      expect(await phoneSheets()).toHaveLength(before);

      await restoreNetwork(citizen.context());
      await citizen.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor({ timeout: 40_000 });
      expect(await phoneSheets()).toHaveLength(before + 1);
      await citizen.reload();
      await citizen.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor();
      expect(await citizen.getByText(/đã được dùng/).count()).toBe(0);
      expect(await phoneSheets()).toHaveLength(before + 1);
    }));

  it('the kiosk camera reads an offline phone’s answer QR; the sheet counts once', () =>
    withProfileDir(async (profileDir) => {
      const link = await registeredKioskLink(profileDir);
      const before = (await phoneSheets()).length;
      const citizen = await answeredOffline(link, ['Tốt', 'Tốt', 'Khá', 'Yếu', 'Tốt']);
      const answerImage = citizen.getByRole('img', { name: /Mã QR phiếu trả lời/ });
      await expect.poll(async () => (await answerImage.innerHTML()).length).toBeGreaterThan(100);
      const [read] = await readBarcodes(new Uint8Array(await answerImage.screenshot()), {
        formats: ['QRCode'],
      });
      expect(read?.text).toMatch(/^KS1P\//);

      // The kiosk, online, films the phone's screen.
      const kiosk = await launchProfile(
        profileDir,
        false,
        fakeCameraArgs(writeQrVideo(videoDir, [read?.text ?? ''])),
      );
      const desk = await firstPage(kiosk);
      await desk.goto(collector.url);
      await desk
        .getByRole('button', { name: 'Điện thoại không có mạng? Quét phiếu tại đây' })
        .click();
      await desk.getByText('Máy đã nhận phiếu từ điện thoại').waitFor({ timeout: 30_000 });
      await expect
        .poll(async () => (await phoneSheets()).length, { timeout: 30_000 })
        .toBe(before + 1);
      const relayed = (await phoneSheets()).find(
        (s) => s.answers.join(' ') === 'tot tot kha yeu tot',
      );
      expect(relayed?.seq).toBe(1);

      // The phone gets its network back and sends too: the collector already has it.
      await restoreNetwork(citizen.context());
      await citizen.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor({ timeout: 40_000 });
      expect(await phoneSheets()).toHaveLength(before + 1);
      await kiosk.close();
    }));

  it('a printed desk QR gives each scanning phone its own token', async () => {
    const officeContext = await phones.newContext();
    const office = await officeContext.newPage();
    await signInOffice(office, collector);
    await office.getByLabel('Mã xã, phường').fill('10511');
    await office.getByLabel('Tên xã, phường').fill('Xã Nguyên Giáp');
    await office.getByRole('button', { name: 'Tạo mã QR in sẵn' }).click();
    const printed = office.getByRole('img', { name: 'Mã QR in sẵn của Xã Nguyên Giáp' });
    await expect.poll(async () => (await printed.innerHTML()).length).toBeGreaterThan(100);
    const [read] = await readBarcodes(new Uint8Array(await printed.screenshot()), {
      formats: ['QRCode'],
    });
    expect(read?.text).toMatch(new RegExp(`^${collector.url}#/phone/desk/[0-9a-f]{16}$`));
    await officeContext.close();

    for (const levels of [
      ['Tốt', 'Tốt', 'Tốt', 'Tốt', 'Tốt'],
      ['Khá', 'Khá', 'Khá', 'Khá', 'Khá'],
    ]) {
      const citizen = await phone();
      await citizen.goto(read?.text ?? '');
      await citizen.getByText('Xã Nguyên Giáp').first().waitFor();
      await new KioskDriver(citizen).answerSheet(levels);
      await citizen.context().close();
    }
    const sheets = await collector.store.sheetsOfCommune('10511');
    expect(sheets.map((s) => [s.channel, s.answers[0]])).toEqual(
      expect.arrayContaining([
        ['phone', 'tot'],
        ['phone', 'kha'],
      ]),
    );
    expect(sheets).toHaveLength(2);
  });

  it('the service worker sends a waiting phone sheet after the page was closed', () =>
    withProfileDir(async (profileDir) => {
      const link = await registeredKioskLink(profileDir);
      const before = (await phoneSheets()).length;
      const citizen = await phone();
      await citizen.goto(link);
      await waitForServiceWorker(citizen);
      await citizen.getByText('Xã Tứ Kỳ').first().waitFor();
      await cutNetwork(citizen.context());
      await new KioskDriver(citizen).fillSheet(['Yếu', 'Yếu', 'Khá', 'Khá', 'Khá']);
      await citizen.getByRole('heading', { name: 'Phiếu đã được lưu trên điện thoại' }).waitFor();
      const context = citizen.context();
      await citizen.close();
      expect(await phoneSheets()).toHaveLength(before);
      await restoreNetwork(context);
      await expect
        .poll(async () => (await phoneSheets()).length, { timeout: 60_000 })
        .toBe(before + 1);
    }));
});
