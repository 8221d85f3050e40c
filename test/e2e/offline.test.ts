import { describe, expect, it } from 'vitest';
import { firstPage, launchProfile, useBuiltApp, withProfileDir } from './fixtures.ts';
import { waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';

const ALL = (level: string) => [level, level, level, level, level];
const served = useBuiltApp();

describe('offline kiosk in real Chromium', () => {
  it('after one online load, takes 20 sheets offline across a browser restart and counts them', () =>
    withProfileDir(async (profileDir) => {
      // First and only online load: the service worker precaches the app.
      const online = await launchProfile(profileDir);
      const first = await firstPage(online);
      await first.goto(served.app.url);
      await waitForServiceWorker(first);
      await online.close();

      // The tablet restarts with no network at all.
      const context = await launchProfile(profileDir, true);
      const page = await firstPage(context);
      await page.goto(served.app.url);
      const kiosk = new KioskDriver(page);
      await kiosk.button('Bắt đầu đánh giá').waitFor();

      for (let i = 0; i < 20; i++) {
        await kiosk.answerSheet(ALL(i < 10 ? 'Tốt' : 'Khá'));
        await kiosk.backToStart(); // an offline reload each time
      }
      await kiosk.openAdmin();
      // 10 sheets of 10 points and 10 of 5 → 20 citizen sheets, mean 7,5.
      const cells = await kiosk.formRow(/Người dân/);
      expect(cells[0]).toBe('20');
      expect(cells[2]).toBe('7,5 / 10');
      await context.close();
    }));

  it('loses nothing already submitted when reloaded in the middle of a sheet', () =>
    withProfileDir(async (profileDir) => {
      const context = await launchProfile(profileDir);
      const page = await firstPage(context);
      await page.goto(served.app.url);
      const kiosk = new KioskDriver(page);
      await kiosk.answerSheet(ALL('Tốt'));
      await kiosk.backToStart();
      await kiosk.answerSheet(ALL('Trung bình'));
      await kiosk.backToStart();
      // A third sheet, half answered, then the page reloads.
      await kiosk.button('Bắt đầu đánh giá').click();
      await page.getByRole('radio', { name: 'Có', exact: true }).check();
      await kiosk.button('Tiếp theo').click();
      await page.getByRole('radio', { name: 'Yếu', exact: true }).check();
      await page.reload();
      await kiosk.openAdmin();
      const cells = await kiosk.formRow(/Người dân/);
      expect(cells[0]).toBe('2');
      expect(cells[2]).toBe('6,25 / 10'); // (10 + 2,5) / 2
      await context.close();
    }));
});
