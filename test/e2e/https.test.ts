import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCatalogue } from '../../src/core/problems.ts';
import { type CollectorProcess, runCollector } from '../fixtures/collector-process.ts';
import { firstPage, launchProfile, withProfileDir } from './fixtures.ts';
import { waitForServiceWorker } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';

// A commune's LAN name, not localhost: only HTTPS makes it a secure context.
const NAME = 'kiosk.test';
const resolveName = `--host-resolver-rules=MAP ${NAME} 127.0.0.1`;

let dir: string;
let home: string;
let https: CollectorProcess;
let plain: CollectorProcess;
let httpsUrl: string;
let httpUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'https-e2e-'));
  execFileSync('bash', ['scripts/ensure-tls-tools.sh'], { stdio: 'inherit' });
  // The commune's own CA and the collector's certificate, as docs/deploy.md makes them.
  const tls = join(dir, 'tls');
  execFileSync('bash', ['scripts/make-local-ca.sh', tls, NAME], { stdio: 'ignore' });
  // Chromium on Linux trusts what the user's NSS database trusts: ~/.pki/nssdb, here a HOME of
  // the test's own, where the CA is added the way an operator adds it to an office PC.
  home = join(dir, 'home');
  const nssdb = join(home, '.pki', 'nssdb');
  mkdirSync(nssdb, { recursive: true });
  execFileSync('certutil', ['-d', `sql:${nssdb}`, '-N', '--empty-password']);
  execFileSync('certutil', [
    '-d',
    `sql:${nssdb}`,
    '-A',
    '-t',
    'C,,',
    '-n',
    'Khao sat CA noi bo (test)',
    '-i',
    join(tls, 'ca.crt'),
  ]);

  // The collector as an operator runs it, over HTTPS; and the same collector on plain HTTP.
  https = runCollector({
    DATA_DIR: join(dir, 'https-data'),
    DIST_DIR: 'dist',
    TLS_CERT: join(tls, 'server.crt'),
    TLS_KEY: join(tls, 'server.key'),
  });
  plain = runCollector({ DATA_DIR: join(dir, 'http-data'), DIST_DIR: 'dist' });
  const [secure, insecure] = await Promise.all([https.started, plain.started]);
  httpsUrl = secure.url as string;
  httpUrl = `http://${NAME}:${new URL(insecure.url as string).port}/`;
  expect(httpsUrl).toMatch(new RegExp(`^https://${NAME}:\\d+/$`));
});
afterAll(async () => {
  await Promise.all([https?.stop(), plain?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the collector over HTTPS on a LAN name, in real Chromium', () => {
  it('on http:// explains in Vietnamese; on https:// installs, then works offline', () =>
    withProfileDir(async (profileDir) => {
      const online = await launchProfile(profileDir, false, [resolveName], { HOME: home });
      const page = await firstPage(online);

      // Plain HTTP first: once the HTTPS page sent Strict-Transport-Security, Chromium would
      // upgrade http://kiosk.test itself.
      await page.goto(httpUrl);
      await page
        .getByRole('heading', { name: 'Chưa dùng được ứng dụng trên địa chỉ này' })
        .waitFor();
      expect(await page.getByRole('alert').textContent()).toBe(
        problemCatalogue['context.insecure'].message,
      );
      expect(await page.getByText('docs/deploy.md').count()).toBe(1);
      expect(
        await page.evaluate(() => [
          window.isSecureContext,
          'serviceWorker' in navigator,
          crypto.subtle === undefined,
        ]),
      ).toEqual([false, false, true]);
      // A phone link on that address tells the citizen to use the desk instead.
      await page.goto(`${httpUrl}#/phone/AAAA`);
      await page.reload();
      expect(await page.getByRole('alert').textContent()).toBe(
        problemCatalogue['context.insecure-phone'].message,
      );

      // HTTPS with the commune's CA trusted: no certificate error, a secure context, a service worker.
      const response = await page.goto(httpsUrl);
      expect((await response?.securityDetails())?.issuer).toMatch(/^Khao sat CA noi bo/);
      expect(response?.headers()['strict-transport-security']).toBe('max-age=31536000');
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
      await waitForServiceWorker(page);
      await page.getByRole('button', { name: 'Bắt đầu đánh giá', exact: true }).waitFor();
      await online.close();

      // The tablet restarts with no network: the app comes from the service worker.
      const offline = await launchProfile(profileDir, true, [resolveName], { HOME: home });
      const tablet = await firstPage(offline);
      await tablet.goto(httpsUrl);
      const kiosk = new KioskDriver(tablet);
      await kiosk.answerSheet(['Tốt', 'Tốt', 'Khá', 'Tốt', 'Tốt']);
      await kiosk.backToStart();
      // The admin PIN needs Web Crypto: it is set, and the sheet is counted.
      await kiosk.openAdmin();
      expect((await kiosk.formRow(/Người dân/))[0]).toBe('1');
      await offline.close();
    }));
});
