import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communesResponseSchema } from '../../src/core/api.ts';
import { type RunningCollector, startCollector } from './collector-server.ts';
import { firstPage, launchProfile, withProfileDir } from './fixtures.ts';
import { cutNetwork, restoreNetwork, waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';

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

      // Set up the kiosk: commune, then registration with the office's token.
      await kiosk.setUpAndRegister(collector.adminToken);

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
});
