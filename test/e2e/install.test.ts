import { describe, expect, it } from 'vitest';
import { firstPage, launchProfile, useBuiltApp, withProfileDir } from './fixtures.ts';
import { waitForServiceWorker } from './harness.ts';

const served = useBuiltApp();

describe('installable PWA in real Chromium', () => {
  // A profile on disk: Chromium never offers to install from an incognito context.
  it('has no installability errors and a Vietnamese manifest with real icons', () =>
    withProfileDir(async (profileDir) => {
      const context = await launchProfile(profileDir);
      const page = await firstPage(context);
      await page.goto(served.app.url);
      await waitForServiceWorker(page);
      const cdp = await page.context().newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);

      const manifest = await (
        await page.request.get(new URL('manifest.webmanifest', served.app.url).href)
      ).json();
      expect(manifest).toMatchObject({
        lang: 'vi',
        name: 'Khảo sát sự hài lòng – Chính quyền thân thiện',
      });
      for (const icon of manifest.icons as { src: string; sizes: string }[]) {
        const response = await page.request.get(new URL(icon.src, served.app.url).href);
        expect(response.headers()['content-type']).toBe('image/png');
        const png = await response.body();
        const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        expect(`${width}x${height}`).toBe(icon.sizes);
      }
      await context.close();
    }));
});
