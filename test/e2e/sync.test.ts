import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communesResponseSchema } from '../../src/core/api.ts';
import { encodeOfflineEnrolment, enrolmentLink } from '../../src/core/enrolment.ts';
import { type RunningCollector, registerKioskByApi, startCollector } from './collector-server.ts';
import { fakeCameraArgs, writeQrVideo } from './fake-camera.ts';
import { firstPage, launchProfile, withProfileDir } from './fixtures.ts';
import { cutNetwork, restoreNetwork, waitForServiceWorker } from './harness.ts';
import { enrolmentCodeByApi, KioskDriver } from './kiosk-driver.ts';

let collector: RunningCollector;
beforeAll(async () => {
  collector = await startCollector();
});
afterAll(async () => {
  await collector?.close();
});

describe('kiosk to collector over HTTP, in real Chromium', () => {
  it('takes 30 sheets offline, sends them when back online, and the collector counts each once', () =>
    withProfileDir(async (profileDir) => {
      const context = await launchProfile(profileDir);
      const page = await firstPage(context);
      await page.goto(collector.url);
      await waitForServiceWorker(page);
      const kiosk = new KioskDriver(page);

      // Set up the kiosk: the office's one-time code typed in the admin area.
      await kiosk.setUpAndRegister(collector);

      // A day with no network: 30 sheets (15 of 10 points, 15 of 5).
      await cutNetwork(context);
      for (let i = 0; i < 30; i++) {
        await kiosk.answerSheet(
          i % 2 === 0 ? ['Tốt', 'Tốt', 'Tốt', 'Tốt', 'Tốt'] : ['Khá', 'Khá', 'Khá', 'Khá', 'Khá'],
        );
        await kiosk.backToStart();
      }
      expect((await collector.store.communes())[0]?.sheetCount ?? 0).toBe(0);

      // The network comes back: the kiosk sends by itself.
      await restoreNetwork(context);
      await expect
        .poll(async () => (await collector.store.communes())[0]?.sheetCount, { timeout: 30_000 })
        .toBe(30);

      const response = await page.request.get(new URL('api/v1/communes', collector.url).href, {
        headers: { authorization: `Bearer ${collector.adminToken}` },
      });
      const { communes } = communesResponseSchema.parse(await response.json());
      const [commune] = communes;
      expect(commune).toMatchObject({
        communeName: 'Xã Tứ Kỳ',
        citizen: { sheets: 30, mean: { display: '7,5' } },
      });

      await kiosk.openAdmin();
      await kiosk.button('Gửi dữ liệu').click();
      await expect
        .poll(async () =>
          page.getByText('Phiếu chưa gửi').locator('..').locator('dd').textContent(),
        )
        .toBe('0');
      await context.close();
    }));

  it('enrols by the office link opened on the tablet: PIN, a question, then it sends what it holds', () =>
    withProfileDir(async (profileDir) => {
      const code = await enrolmentCodeByApi(collector, {
        communeName: 'Phường Hòa Bình',
        communeCode: '10508',
      });
      const context = await launchProfile(profileDir);
      const page = await firstPage(context);
      const kiosk = new KioskDriver(page);
      // A sheet taken before the tablet is enrolled.
      await page.goto(collector.url);
      await kiosk.answerSheet(['Tốt', 'Tốt', 'Tốt', 'Tốt', 'Tốt']);
      // What the tablet's camera app opens from the office's QR: a page load of its own.
      await page.goto('about:blank');
      await page.goto(enrolmentLink(new URL(collector.url).origin, code));
      // First run: the admin PIN is set before anything else; nothing is redeemed before it.
      await page.getByRole('heading', { name: 'Đặt mã PIN quản trị' }).waitFor();
      await page.getByLabel('Mã PIN mới').fill('2468');
      await page.getByLabel('Nhập lại mã PIN').fill('2468');
      await kiosk.button('Lưu mã PIN').click();
      const dialog = page.getByRole('alertdialog', { name: 'Xác nhận đăng ký máy' });
      await dialog
        .getByText(`Đăng ký máy này cho cơ quan thu phiếu tại ${new URL(collector.url).host}?`)
        .waitFor();
      await dialog.getByText(code, { exact: true }).waitFor();
      await dialog.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await page
        .getByText('Đã đăng ký máy cho Phường Hòa Bình (mã 10508), tên máy “Quầy một cửa”.')
        .waitFor();
      await page.getByText(/Máy đã đăng ký với/).waitFor();
      // Enrolled, it sends what it holds at once, under the commune the office named.
      await expect
        .poll(async () => (await collector.store.sheetsOfCommune('10508')).length, {
          timeout: 30_000,
        })
        .toBe(1);
      await kiosk.button('Về màn hình khảo sát').click();
      await kiosk.answerSheet(['Khá', 'Khá', 'Khá', 'Khá', 'Khá']);
      await kiosk.backToStart();
      await kiosk.openAdmin();
      await kiosk.button('Gửi dữ liệu').click();
      await kiosk.button('Gửi ngay').click();
      await expect
        .poll(async () => (await collector.store.sheetsOfCommune('10508')).length, {
          timeout: 30_000,
        })
        .toBe(2);
      await context.close();
    }));

  it('enrols offline: the office registers the id the tablet shows, the tablet scans its KS1K QR', () =>
    withProfileDir(async (profileDir) => {
      // Online once, to install the app; then the id is read off the tablet's screen.
      const first = await launchProfile(profileDir);
      const page = await firstPage(first);
      await page.goto(collector.url);
      await waitForServiceWorker(page);
      const kiosk = new KioskDriver(page);
      await kiosk.openAdmin();
      await kiosk.button('Gửi dữ liệu').click();
      await kiosk.button('Đăng ký khi không có mạng').click();
      await page.getByRole('img', { name: 'Mã QR của mã máy này' }).waitFor();
      const deviceId = (await page.locator('.enrol-device-id').textContent()) ?? '';
      expect(deviceId).toMatch(/^[0-9a-f]{16}$/);
      await first.close();

      // The office registers that id and shows the key as a QR.
      const key = await registerKioskByApi(collector, deviceId, '10509', 'Xã Hà Kỳ');
      const qr = encodeOfflineEnrolment({
        deviceId,
        key: Buffer.from(key).toString('base64url'),
        communeCode: '10509',
        communeName: 'Xã Hà Kỳ',
        label: 'Quầy 2',
      });
      const videoDir = mkdtempSync(join(tmpdir(), 'enrol-camera-'));
      const offline = await launchProfile(
        profileDir,
        true,
        fakeCameraArgs(writeQrVideo(videoDir, [qr])),
      );
      const tablet = await firstPage(offline);
      await tablet.goto(collector.url);
      const desk = new KioskDriver(tablet);
      await desk.openAdmin();
      await desk.button('Gửi dữ liệu').click();
      await desk.button('Đăng ký khi không có mạng').click();
      await tablet
        .getByText('Đã đăng ký máy cho Xã Hà Kỳ (mã 10509), tên máy “Quầy 2”.', { exact: false })
        .waitFor({ timeout: 30_000 });
      await desk.button('Về màn hình khảo sát').click();
      await desk.answerSheet(['Khá', 'Khá', 'Khá', 'Khá', 'Khá']);

      // Back online, its sheets are accepted as any enrolled kiosk's.
      await restoreNetwork(offline);
      await desk.backToStart();
      await desk.openAdmin();
      await desk.button('Gửi dữ liệu').click();
      await desk.button('Gửi ngay').click();
      await expect
        .poll(async () => (await collector.store.sheetsOfCommune('10509')).length, {
          timeout: 30_000,
        })
        .toBe(1);
      await offline.close();
      rmSync(videoDir, { recursive: true, force: true });
    }));
});
