import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './fixtures.ts';
import { surveyDayContext, waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';
import { publishNewVersion } from './publish.ts';

const served = useBuiltApp();

describe('app updates in real Chromium', () => {
  it('waits while a citizen is mid-sheet and applies the new version at the start screen', async () => {
    const context = await surveyDayContext(served.browser);
    const page = await context.newPage();
    await page.goto(served.app.url);
    await waitForServiceWorker(page);
    const kiosk = new KioskDriver(page);

    await kiosk.button('Bắt đầu đánh giá').click();
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await kiosk.button('Tiếp theo').click();
    await page.getByRole('radio', { name: 'Khá', exact: true }).check();
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    publishNewVersion(served.app.dir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed',
    );

    // Mid-sheet: no reload, the answer is still there.
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    expect(await page.getByRole('radio', { name: 'Khá', exact: true }).isChecked()).toBe(true);

    // Back to the start screen: the new version takes over with a reload.
    await kiosk.button('Quay lại').click();
    await kiosk.button('Quay lại').click();
    await page.waitForFunction(
      () => (window as unknown as { sameDocument?: boolean }).sameDocument === undefined,
    );
    await kiosk.button('Bắt đầu đánh giá').waitFor();
    expect(
      await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
      ),
    ).toBe(null);
    await context.close();
  });
});
