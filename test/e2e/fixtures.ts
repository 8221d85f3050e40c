import { rmSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  launchBrowser,
  launchProfile,
  type ServedApp,
  serveBuiltApp,
  tempProfileDir,
} from './harness.ts';

/** Serves the built app, and starts one browser, for the tests of one file. */
export function useBuiltApp(): { readonly app: ServedApp; readonly browser: Browser } {
  let app: ServedApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([serveBuiltApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('the app is served only inside tests');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('the browser runs only inside tests');
      return browser;
    },
  };
}

/** Runs `use` with a browser profile on disk that is removed afterwards, whatever happens. */
export async function withProfileDir(use: (profileDir: string) => Promise<void>): Promise<void> {
  const profileDir = tempProfileDir();
  try {
    await use(profileDir);
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** The first page of a persistent context (Chromium opens one with the profile). */
export async function firstPage(context: BrowserContext) {
  return context.pages()[0] ?? (await context.newPage());
}

export { launchProfile };
