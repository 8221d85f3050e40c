import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './fixtures.ts';
import { SURVEY_DAY } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';

const served = useBuiltApp();

describe('idle kiosk in real Chromium', () => {
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
