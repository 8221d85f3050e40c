import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './fixtures.ts';
import { SURVEY_DAY } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';

const served = useBuiltApp();

describe('idle kiosk and admin area in real Chromium', () => {
  it('asks whether to continue, counts down, then discards the unfinished sheet', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.clock.install({ time: SURVEY_DAY }); // timers under the test's control
    await page.goto(served.app.url);
    const kiosk = new KioskDriver(page);
    await kiosk.button('Bắt đầu đánh giá').click();
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await kiosk.button('Tiếp theo').click();
    await page.getByRole('radio', { name: 'Khá', exact: true }).check();

    await page.clock.runFor(61_000); // default: 60 s without input
    const dialog = page.getByRole('alertdialog', { name: 'Ông/Bà có muốn tiếp tục không?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/\b(19|20)\b/);

    await page.clock.runFor(21_000); // default: a 20 s countdown
    await kiosk.button('Bắt đầu đánh giá').waitFor();
    expect(await dialog.count()).toBe(0);

    // Nothing of the discarded sheet remains: a new sheet starts blank, and none was stored.
    await kiosk.button('Bắt đầu đánh giá').click();
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await kiosk.button('Tiếp theo').click();
    expect(await page.getByRole('radio', { name: 'Khá', exact: true }).isChecked()).toBe(false);
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('khao-sat-kiosk');
          open.onsuccess = () => {
            const count = open.result.transaction('sheets').objectStore('sheets').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(stored).toBe(0);
    await context.close();
  });

  it('locks the admin area after the idle time set in Cài đặt; Quản trị then asks for the PIN again', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.clock.install({ time: SURVEY_DAY });
    await page.goto(served.app.url);
    const kiosk = new KioskDriver(page);
    await kiosk.openAdmin();
    await kiosk.button('Cài đặt').click();
    await page.getByLabel(/^Tự khóa phần quản trị/).fill('30'); // the shortest it takes
    await kiosk.button('Lưu cài đặt').click();
    await page.getByText('Đã lưu cài đặt').waitFor();

    await page.clock.runFor(16_000); // 30 s in all, the last 15 counted down
    const dialog = page.getByRole('alertdialog', { name: 'Phần quản trị sắp tự khóa' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/\b1[45]\b/);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Tiếp tục làm việc',
    );
    await page.clock.runFor(15_000);
    await kiosk.button('Bắt đầu đánh giá').waitFor();
    expect(await dialog.count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('#/');

    // The next entry needs the PIN; a PIN screen left alone goes back to the survey too.
    await kiosk.button('Quản trị').click();
    await page.getByLabel('Mã PIN', { exact: true }).waitFor();
    expect(await kiosk.button('Tổng quan').count()).toBe(0);
    await page.clock.runFor(31_000);
    await page.getByRole('alertdialog', { name: 'Màn hình mã PIN sắp đóng' }).waitFor();
    await page.clock.runFor(15_000);
    await kiosk.button('Bắt đầu đánh giá').waitFor();
    await context.close();
  });

  it('keeps the keyboard inside the dialog, the page behind inert; Escape goes on with the sheet', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.clock.install({ time: SURVEY_DAY });
    await page.goto(served.app.url);
    const kiosk = new KioskDriver(page);
    await kiosk.button('Bắt đầu đánh giá').click();
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await kiosk.button('Tiếp theo').click();
    const chosen = page.getByRole('radio', { name: 'Khá', exact: true });
    await chosen.check();
    await page.clock.runFor(61_000);
    const dialog = page.getByRole('alertdialog', { name: 'Ông/Bà có muốn tiếp tục không?' });
    await dialog.waitFor();

    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        const inDialog = active?.closest('dialog') !== null;
        return `${inDialog ? 'dialog' : 'page'}: ${active?.textContent?.trim() ?? ''}`;
      });
    expect(await focused()).toBe('dialog: Tiếp tục');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      seen.push(await focused());
    }
    expect(seen.every((s) => s.startsWith('dialog: '))).toBe(true);
    expect(new Set(seen)).toEqual(new Set(['dialog: Hủy phiếu', 'dialog: Tiếp tục']));
    // Behind the dialog nothing answers: a tap where "Quay lại" shows changes nothing.
    await page.getByRole('button', { name: 'Quay lại' }).click({ force: true });
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Câu 1/5' }).count()).toBe(1);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: 'Câu 1/5' }).isVisible()).toBe(true);
    expect(await chosen.isChecked()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'kha',
    );
    await context.close();
  });
});
