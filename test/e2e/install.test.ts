import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchProfile,
  type ServedApp,
  serveBuiltApp,
  tempProfileDir,
  waitForServiceWorker,
} from './harness.ts';

let app: ServedApp;
beforeAll(async () => {
  app = await serveBuiltApp();
});
afterAll(async () => {
  await app?.close();
});

describe('installable PWA in real Chromium', () => {
  it('has no installability errors and a Vietnamese manifest with real icons', async () => {
    // A profile on disk: Chromium never offers to install from an incognito context.
    const profileDir = tempProfileDir();
    const context = await launchProfile(profileDir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(app.url);
    await waitForServiceWorker(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);

    const manifest = await (
      await page.request.get(new URL('manifest.webmanifest', app.url).href)
    ).json();
    expect(manifest).toMatchObject({
      lang: 'vi',
      name: 'Khảo sát sự hài lòng – Chính quyền thân thiện',
    });
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const response = await page.request.get(new URL(icon.src, app.url).href);
      expect(response.headers()['content-type']).toBe('image/png');
      const png = await response.body();
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  });
});
