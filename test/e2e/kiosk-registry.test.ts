import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCollector, startCollector } from './collector-server.ts';
import { firstPage, launchProfile, withProfileDir } from './fixtures.ts';
import { cutNetwork, restoreNetwork, waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';
import { signInOffice } from './office-sign-in.ts';

let collector: RunningCollector;
beforeAll(async () => {
  collector = await startCollector();
});
afterAll(async () => {
  await collector?.close();
});

const TOT = ['Tốt', 'Tốt', 'Tốt', 'Tốt', 'Tốt'];
const stored = async () => (await collector.store.communes())[0]?.sheetCount ?? 0;

describe('what each kiosk did, at the office, in real Chromium', () => {
  it('shows sheets 11–12 missing when their QR export was marked "đã thu" without being read', () =>
    withProfileDir(async (profileDir) => {
      const context = await launchProfile(profileDir);
      const page = await firstPage(context);
      await page.goto(collector.url);
      await waitForServiceWorker(page);
      const kiosk = new KioskDriver(page);
      await kiosk.setUpAndRegister(collector);

      // Sheets 1–10, sent over HTTP.
      for (let i = 0; i < 10; i++) {
        await kiosk.answerSheet(TOT);
        await kiosk.backToStart();
      }
      await kiosk.openAdmin();
      await kiosk.button('Gửi dữ liệu').click();
      await kiosk.button('Gửi ngay').click();
      await expect.poll(stored, { timeout: 30_000 }).toBe(10);
      await kiosk.button('Về màn hình khảo sát').click();

      // Sheets 11–12 with no network, exported as QR and marked "đã thu" by PIN: never read.
      await cutNetwork(context);
      for (let i = 0; i < 2; i++) {
        await kiosk.answerSheet(TOT);
        await kiosk.backToStart();
      }
      await kiosk.openAdmin();
      await kiosk.button('Xuất mã QR').click();
      await kiosk.button('Tạo mã QR').click();
      await page.getByLabel('Mã PIN để xác nhận đã thu').fill('2468');
      await kiosk.button('Xác nhận đã thu').click();
      await kiosk.button('Về màn hình khảo sát').click();

      // Sheet 13, sent over HTTP once the network is back.
      await restoreNetwork(context);
      await kiosk.answerSheet(TOT);
      await kiosk.backToStart();
      await kiosk.openAdmin();
      await kiosk.button('Gửi dữ liệu').click();
      await kiosk.button('Gửi ngay').click();
      await expect.poll(stored, { timeout: 30_000 }).toBe(11);

      // The office's kiosk row.
      const office = await context.newPage();
      await signInOffice(office, collector);
      await office.getByRole('button', { name: 'Máy khảo sát' }).click();
      // Named by the label the office gave its enrolment code (kiosk-driver.ts).
      const card = office.getByRole('article', { name: 'Quầy một cửa' });
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('Phiếu đã nhận11');
      expect(text).toContain('11–12');
      expect(text).toContain('Khớp đến phiếu 10; 1 mã chuỗi chờ các phiếu còn thiếu.');
      await context.close();
    }));
});
