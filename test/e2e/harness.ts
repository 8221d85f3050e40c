import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { preview } from 'vite';

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const executablePath = '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

export interface ServedApp {
  url: string;
  /** The served copy of dist/, which a test may change (e.g. to publish a "new version"). */
  dir: string;
  close: () => Promise<void>;
}

/** Serves a private copy of the built app (dist/) on 127.0.0.1 with Vite's preview server. */
export async function serveBuiltApp(): Promise<ServedApp> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-dist-'));
  cpSync('dist', dir, { recursive: true });
  const port = await freePort();
  const server = await preview({
    configFile: false,
    logLevel: 'silent',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The day the tests' kiosk lives on: inside the default 2026 survey week (23–27/11), so
 * dashboard figures do not depend on the day CI runs. Time still flows from there.
 */
export const SURVEY_DAY = new Date('2026-11-24T09:00:00+07:00');

/** `extraArgs`: e.g. a fake camera (fake-camera.ts). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
  });
}

/** A fresh browser context whose clock reads SURVEY_DAY. */
export async function surveyDayContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.clock.setSystemTime(SURVEY_DAY);
  return context;
}

/**
 * A browser profile on disk, so a test can close Chromium and start it again on the same data.
 * `env`: e.g. a HOME whose NSS database trusts a test CA (https.test.ts).
 */
export async function launchProfile(
  userDataDir: string,
  offline = false,
  extraArgs: string[] = [],
  env?: Record<string, string>,
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    headless: true,
    offline,
    ...(env && { env: { ...process.env, ...env } }),
  });
  await context.clock.setSystemTime(SURVEY_DAY);
  return context;
}

export function tempProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'kiosk-profile-'));
}

/** Waits until the service worker is active and controls the page, i.e. the app is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * The device loses its network. Chromium's offline emulation alone has been seen to let a
 * request that the page saw fail still reach the server; aborting the API routes as well
 * makes "not delivered while offline" certain.
 */
export async function cutNetwork(context: BrowserContext): Promise<void> {
  await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
}

export async function restoreNetwork(context: BrowserContext): Promise<void> {
  await context.unrouteAll();
  await context.setOffline(false);
}
