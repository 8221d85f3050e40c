import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { UPDATE_WORDS } from '../../src/core/vocabulary.ts';
import { useBuiltApp } from './fixtures.ts';
import { surveyDayContext, waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';
import { publishNewVersion } from './publish.ts';

const served = useBuiltApp();
const DB_NAME = 'khao-sat-kiosk';
const SAVE_FAILED = /Máy chưa lưu được phiếu/;

/** Marks the document, so a test sees whether the page has reloaded since. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
}
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
const reloaded = (page: Page) =>
  page.waitForFunction(
    () => (window as unknown as { sameDocument?: boolean }).sameDocument === undefined,
  );

/** The kiosk database's version and sheet count, read the way any page of the origin can. */
function readDb(page: Page) {
  return page.evaluate(
    (name) =>
      new Promise<{ version: number; sheets: number }>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('sheets').objectStore('sheets').count();
          count.onsuccess = () => {
            resolve({ version: db.version, sheets: count.result });
            db.close();
          };
        };
      }),
    DB_NAME,
  );
}

/**
 * What the new build's first start does to the database: open it one version up and migrate
 * (here: a store it adds). It fires versionchange in every other connection exactly as that
 * build would; it is not blocked only if they all step aside.
 */
function migrateAsNewBuild(page: Page) {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const probe = indexedDB.open(name);
        probe.onerror = () => reject(probe.error);
        probe.onsuccess = () => {
          const next = probe.result.version + 1;
          probe.result.close();
          const request = indexedDB.open(name, next);
          request.onupgradeneeded = () => request.result.createObjectStore('addedByNewBuild');
          request.onblocked = () => reject(new Error('blocked by a tab that kept its connection'));
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            request.result.close();
            resolve(next);
          };
        };
      }),
    DB_NAME,
  );
}

/** Whether the page runs under the registration's active (newest) service worker, none waiting. */
/**
 * Looks for the new version from `page` without awaiting the update's promise: the page may
 * reload (apply it) before that promise settles, and Chromium's evaluate then never returns.
 */
const lookForUpdate = (page: Page) =>
  page.evaluate(() => {
    void navigator.serviceWorker.getRegistration().then((registration) => registration?.update());
  });

const onNewestVersion = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return (
      registration?.waiting === null &&
      registration.active !== null &&
      navigator.serviceWorker.controller === registration.active
    );
  });

describe('the kiosk open in two tabs across an update', () => {
  it('saves the sheet of the tab mid-sheet and the next one, and both tabs end on the new version', async () => {
    const context = await surveyDayContext(served.browser);
    const a = await context.newPage();
    await a.goto(served.app.url);
    await waitForServiceWorker(a);
    const b = await context.newPage();
    await b.goto(served.app.url);
    await waitForServiceWorker(b);
    const kioskA = new KioskDriver(a);
    const kioskB = new KioskDriver(b);
    await kioskB.button('Bắt đầu đánh giá').waitFor();

    // Tab A: a citizen is mid-sheet (a tab in front, as a kiosk's screen is; the other tab's
    // frames are throttled by the browser, which only slows the clicks).
    await a.bringToFront();
    await kioskA.button('Bắt đầu đánh giá').click();
    await a.getByRole('radio', { name: 'Có', exact: true }).check();
    await kioskA.button('Tiếp theo').click();
    for (const level of ['Tốt', 'Khá']) {
      await a.getByRole('radio', { name: level, exact: true }).check();
      await kioskA.button('Tiếp theo').click();
    }
    await markDocument(a);
    await markDocument(b);
    const before = await readDb(a);

    // The new version is published; idle tab B takes it at once.
    publishNewVersion(served.app.dir);
    await lookForUpdate(b);
    await reloaded(b);
    await kioskB.button('Bắt đầu đánh giá').waitFor();
    await markDocument(b);

    // The new build migrates the database, here from a page of its own (the phone screen opens
    // no kiosk database): versionchange reaches both kiosk tabs, which must not block it.
    const c = await context.newPage();
    await c.goto(`${served.app.url}#/phone/`);
    expect(await migrateAsNewBuild(c)).toBe(before.version + 1);
    await c.close();
    // Idle tab B reloads for the migrated database; it stays on that version afterwards.
    await reloaded(b);
    await kioskB.button('Bắt đầu đánh giá').waitFor();
    await markDocument(b);

    // Tab A was not reloaded under the citizen; the sheet is finished and saved.
    await a.bringToFront();
    expect(await sameDocument(a)).toBe(true);
    for (const level of ['Trung bình', 'Tốt', 'Khá']) {
      await a.getByRole('radio', { name: level, exact: true }).check();
      await kioskA.button('Tiếp theo').click();
    }
    await kioskA.button('Tiếp theo').click(); // personal screen: nothing given
    await kioskA.button('Gửi phiếu').click();
    await a.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor();
    expect(await a.getByText(SAVE_FAILED).count()).toBe(0);
    expect(await readDb(a)).toEqual({ version: before.version + 1, sheets: 1 });

    // Back at its start screen, tab A takes the new version; the next citizen's sheet is saved.
    await reloaded(a);
    await kioskA.button('Bắt đầu đánh giá').waitFor();
    await kioskA.answerSheet(['Tốt', 'Tốt', 'Khá', 'Khá', 'Tốt']);
    expect(await a.getByText(SAVE_FAILED).count()).toBe(0);
    expect(await readDb(a)).toEqual({ version: before.version + 1, sheets: 2 });

    expect(await onNewestVersion(a)).toBe(true);
    expect(await onNewestVersion(b)).toBe(true);
    await a.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor({ state: 'detached' });
    await expect(kioskA.button('Bắt đầu đánh giá').isEnabled()).resolves.toBe(true);
    await expect(kioskB.button('Bắt đầu đánh giá').isEnabled()).resolves.toBe(true);
    expect(await sameDocument(a)).toBe(false);
    expect(await sameDocument(b)).toBe(true); // no reload loop on the migrated database
    await context.close();
  });

  it('keeps "Bắt đầu đánh giá" disabled, with a status, from the update found until the reload', async () => {
    const context = await surveyDayContext(served.browser);
    const page = await context.newPage();
    await page.goto(served.app.url);
    await waitForServiceWorker(page);
    const kiosk = new KioskDriver(page);
    await kiosk.button('Bắt đầu đánh giá').waitFor();
    expect(await kiosk.button('Bắt đầu đánh giá').isEnabled()).toBe(true);
    await markDocument(page);
    // What the start screen showed before the reload, kept where the reload does not erase it.
    await page.evaluate(() => {
      new MutationObserver(() => {
        const start = document.querySelector<HTMLButtonElement>('.start-button');
        const status = document.querySelector('.start-button ~ [role="status"]');
        if (start?.disabled)
          sessionStorage.setItem('start-while-updating', status?.textContent ?? '');
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });

    publishNewVersion(served.app.dir);
    await lookForUpdate(page);
    await reloaded(page);
    await kiosk.button('Bắt đầu đánh giá').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('start-while-updating'))).toBe(
      UPDATE_WORDS.applying,
    );
    expect(await kiosk.button('Bắt đầu đánh giá').isEnabled()).toBe(true);
    expect(await onNewestVersion(page)).toBe(true);
    await context.close();
  });
});
