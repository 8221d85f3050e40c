import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCatalogue } from '../../src/core/problems.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security-headers.ts';
import { type RunningCollector, startCollector } from './collector-server.ts';
import { fakeCameraArgs, writeQrVideo } from './fake-camera.ts';
import { launchBrowser, surveyDayContext, waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';
import { signInOffice } from './office-sign-in.ts';

let collector: RunningCollector;
let browser: Browser;
let videoDir: string;
beforeAll(async () => {
  videoDir = mkdtempSync(join(tmpdir(), 'csp-camera-'));
  // The office camera films a QR code that is not a survey frame: the reader must run to say so.
  const video = writeQrVideo(videoDir, ['NOT A SURVEY FRAME']);
  [collector, browser] = await Promise.all([
    startCollector(),
    launchBrowser(fakeCameraArgs(video)),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await collector?.close();
  rmSync(videoDir, { recursive: true, force: true });
});

/**
 * Every CSP violation in a context's pages: the `securitypolicyviolation` events (through a
 * binding, set up before any script of the page runs) and Chromium's console reports.
 */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void })
        .reportCspViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

describe('the built app under the collector’s Content-Security-Policy, in real Chromium', () => {
  it('kiosk, admin, Excel export, office with camera, and a phone link: no violation', async () => {
    const context = await surveyDayContext(browser);
    const violations = await watchViolations(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 1400 });

    const response = await page.goto(collector.url);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await waitForServiceWorker(page);
    // Kiosk start, admin (PIN, settings, registration), start screen with its phone QR.
    const kiosk = new KioskDriver(page);
    await kiosk.setUpAndRegister(collector);
    await page.getByRole('img', { name: 'Mã QR để đánh giá trên điện thoại' }).waitFor();
    await kiosk.answerSheet(['Tốt', 'Khá', 'Tốt', 'Trung bình', 'Tốt']);
    await kiosk.backToStart();
    // Admin: the dashboard's bars, a QR export frame, an Excel workbook (exceljs).
    await kiosk.openAdmin();
    await page.getByRole('table', { name: 'Kết quả theo mẫu phiếu' }).waitFor();
    await kiosk.button('Xuất mã QR').click();
    // HTTP sync may have delivered the sheet already: export the whole period.
    await page.getByRole('radio', { name: /Các phiếu trong kỳ khảo sát/ }).check();
    await kiosk.button('Tạo mã QR').click();
    await page.locator('.qr-frame svg').waitFor();
    await kiosk.button('Gửi dữ liệu').click();
    const download = page.waitForEvent('download');
    await kiosk.button('Tải tệp Excel (.xlsx)').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // The office: figures, a printed desk QR, the camera reader (zxing's WebAssembly).
    const office = await context.newPage();
    const wasm: string[] = [];
    office.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
    await signInOffice(office, collector);
    await office.getByRole('table', { name: 'Kết quả theo xã, phường' }).waitFor();
    await office.getByLabel('Mã xã, phường').fill('10511');
    await office.getByLabel('Tên xã, phường').fill('Xã Nguyên Giáp');
    await office.getByRole('button', { name: 'Tạo mã QR in sẵn' }).click();
    await office.getByRole('img', { name: 'Mã QR in sẵn của Xã Nguyên Giáp' }).waitFor();
    await office.getByRole('button', { name: 'Quét bằng camera' }).click();
    await office
      .getByText(problemCatalogue['frame.not-ours'].message)
      .first()
      .waitFor({ timeout: 30_000 });
    await office.getByRole('button', { name: 'Tắt camera' }).click();
    expect(wasm).toHaveLength(1); // no native QR detector here: the ponyfill compiled its wasm

    // A citizen's phone opens a desk link (on the collector's clock: a context of its own).
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phoneViolations = await watchViolations(phoneContext);
    const desk = (await (
      await fetch(new URL('/api/v1/desks', collector.url), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${collector.adminToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ communeCode: '10507', communeName: 'Xã Tứ Kỳ', label: 'Quầy' }),
      })
    ).json()) as { path: string };
    const citizen = await phoneContext.newPage();
    await citizen.goto(new URL(desk.path, collector.url).href);
    await citizen.getByText('Xã Tứ Kỳ').first().waitFor();
    await new KioskDriver(citizen).answerSheet(['Tốt', 'Tốt', 'Tốt', 'Tốt', 'Tốt']);
    await phoneContext.close();

    expect(violations).toEqual([]);
    expect(phoneViolations).toEqual([]);

    // The net catches what it should: an inline style attribute in markup is one violation.
    await office.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>'),
    );
    await expect.poll(() => violations.some((v) => v.startsWith('style-src'))).toBe(true);
    await context.close();
  });
});
