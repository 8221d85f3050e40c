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
});
