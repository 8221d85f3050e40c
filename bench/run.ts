/**
 * Prints the kiosk's performance figures beside their budgets. Never fails on a miss:
 * it says OVER BUDGET. Run with `npm run bench` (builds first).
 */
import { webcrypto } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import QRCode from 'qrcode';
import { encodeBatch } from '../src/core/codec/batch.ts';
import { batchIdOf, DEFAULT_FRAME_CHARS, toFrames } from '../src/core/codec/frames.ts';
import { sealBatch } from '../src/core/codec/seal.ts';
import { answerQrOf } from '../src/core/phone/answer-qr.ts';
import { issuePhoneToken, readPhoneToken } from '../src/core/phone/token.ts';
import { defaultProfile } from '../src/core/profile/registry.ts';
import type { Sheet } from '../src/core/sheet.ts';
import { frameQrInput } from '../src/transport/qr-frame-image.ts';
import { launchBrowser, serveBuiltApp } from '../test/e2e/harness.ts';
import { KioskDriver } from '../test/e2e/kiosk-driver.ts';
import { batchOf, signerOf } from '../test/fixtures/batches.ts';
import { syntheticWeek } from '../test/fixtures/synthetic-week.ts';

const KB = 1024;
const SHEETS = 30;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

function report(label: string, value: string, budget?: string, over?: boolean) {
  const verdict =
    budget === undefined ? '' : over ? `  OVER BUDGET (${budget})` : `  within ${budget}`;
  console.info(`${label.padEnd(52)} ${value}${verdict}`);
}

/** Entry script, module preloads and stylesheets named by dist/index.html, gzipped at level 9. */
function initialBundleBytes(): { bytes: number; files: string[] } {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/?([^"]+\.(?:js|css))"/g),
  ].map((m) => m[1] ?? '');
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join('dist', file)), { level: 9 }).length,
    0,
  );
  return { bytes, files };
}

const bundle = initialBundleBytes();
report(
  'Initial kiosk JS+CSS (gzip -9)',
  `${(bundle.bytes / KB).toFixed(1)} KB in ${bundle.files.length} files`,
  '30 KB',
  bundle.bytes > 30 * KB,
);

// Everything the service worker precaches on the first visit (the kiosk then needs no network).
const precached = [
  ...new Set([...readFileSync('dist/sw.js', 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1])),
].map((url) => statSync(join('dist', url ?? '')).size);
report(
  'Precached on install (raw, not on the first screen)',
  `${(precached.reduce((a, b) => a + b, 0) / KB / KB).toFixed(2)} MB in ${precached.length} files`,
);
// Lazy chunks are found by what they hold, whatever Rollup names them.
for (const [label, holds] of [
  [
    '  of which Excel writer (exceljs, lazy)',
    (name: string, text: string) => name.endsWith('.js') && text.includes('xl/workbook.xml'),
  ],
  [
    '  of which QR reader (zxing wasm, lazy)',
    (name: string) => /^zxing_reader-.*\.wasm$/.test(name),
  ],
] as const) {
  const file = readdirSync('dist/assets').find((name) =>
    holds(name, name.endsWith('.js') ? readFileSync(join('dist/assets', name), 'utf8') : ''),
  );
  if (!file) throw new Error(`bench: no chunk for "${label.trim()}" in dist/assets`);
  const bytes = gzipSync(readFileSync(join('dist/assets', file)), { level: 9 }).length;
  report(label, `${(bytes / KB).toFixed(0)} KB gzip (${file})`);
}

// Compact batch: a synthetic week of 1 000 sheets (70 % citizen, answers skewed to Tốt/Khá, office hours).
const KEY = new Uint8Array(32).fill(1);
const sealedBatch = async (sheets: Sheet[]) =>
  sealBatch(
    webcrypto.subtle,
    signerOf(KEY),
    // As a QR export seals it: answers only, with the chain link and thresholds once.
    encodeBatch(batchOf(sheets)),
  );
const week = syntheticWeek(1000);
const weekBytes = (await sealedBatch(week)).length;
report(
  'Compact batch, 1 000 sheets (sealed)',
  `${(weekBytes / 1000).toFixed(2)} bytes/sheet`,
  '2 bytes/sheet',
  weekBytes / 1000 > 2,
);
report(
  'Naive JSON of the same sheets',
  `${(JSON.stringify(week).length / 1000).toFixed(1)} bytes/sheet`,
);
let fit = 0;
for (let lo = 1, hi = week.length; lo <= hi; ) {
  const mid = Math.floor((lo + hi) / 2);
  const sealed = await sealedBatch(week.slice(0, mid));
  if (toFrames(sealed, batchIdOf(sealed)).length === 1) [fit, lo] = [mid, mid + 1];
  else hi = mid - 1;
}
report(
  `Sheets in one v25-M QR frame (${DEFAULT_FRAME_CHARS} base45 chars)`,
  `${fit}`,
  '≥ 500',
  fit < 500,
);
const jsonPerFrame = Math.floor(1451 / (JSON.stringify(week).length / 1000));
report('Naive JSON sheets per v25-M frame', `${jsonPerFrame}`);

// Phone mode: how dense the two codes a citizen's phone meets are (smaller reads easier).
const phoneToken = readPhoneToken(
  await issuePhoneToken(signerOf(KEY), {
    deviceId: '3f2a9c0d1e4b5a68',
    formId: 'citizen',
    communeCode: '10507',
    issuedAt: Date.now(),
    lifetimeMinutes: 15,
    nonce: '9c41e07a5b2d83f6',
  }),
);
const kioskLink = `https://thuphieu.example.gov.vn/#/phone/${phoneToken.text}`;
report(
  'Phone link QR (byte mode, ECC M)',
  `version ${QRCode.create(kioskLink, { errorCorrectionLevel: 'M' }).version}, ${kioskLink.length} chars`,
);
const answerText = answerQrOf(
  phoneToken,
  {
    profileId: 'hai-duong-2024',
    profileVersion: 1,
    formId: 'citizen',
    formVersion: 1,
    answers: ['tot', 'kha', 'tot', 'tot', 'tot'],
    startedAt: Date.now() - 90_000,
    createdAt: Date.now(),
  },
  defaultProfile,
  'EREREREREREREREREREREQ',
);
report(
  'Phone answer QR (alphanumeric, ECC M)',
  `version ${frameQrInput(answerText).version}, ${answerText.length} chars`,
);

const app = await serveBuiltApp();
const browser = await launchBrowser();
try {
  // What the start screen really loads: every script and stylesheet the page fetches in its first
  // 5 s (after the first paint too: sync and phone code may wait for it), not only index.html's.
  {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const first = await context.newPage();
    const loaded = new Map<string, number>();
    first.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      void response
        .body()
        .then((body) => loaded.set(response.url(), gzipSync(body, { level: 9 }).length))
        .catch(() => {});
    });
    await first.goto(app.url);
    await first.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
    await first.waitForTimeout(5000);
    const bytes = [...loaded.values()].reduce((a, b) => a + b, 0);
    report(
      'Everything the start screen loads in 5 s (JS+CSS, gzip -9)',
      `${(bytes / KB).toFixed(1)} KB in ${loaded.size} files`,
      '40 KB',
      bytes > 40 * KB,
    );
    await context.close();
  }

  // Commit time: measured in the app around the IndexedDB transaction (kiosk:commit-sheet).
  const page = await browser.newPage();
  await page.goto(app.url);
  const kiosk = new KioskDriver(page);
  const commits: number[] = [];
  for (let i = 0; i < SHEETS; i++) {
    await kiosk.answerSheet(['Tốt', 'Khá', 'Tốt', 'Trung bình', 'Tốt']);
    commits.push(
      ...(await page.evaluate(() =>
        performance.getEntriesByName('kiosk:commit-sheet').map((e) => e.duration),
      )),
    );
    await kiosk.backToStart();
  }
  report(
    `Commit one sheet to IndexedDB (n=${commits.length})`,
    `median ${percentile(commits, 50).toFixed(1)} ms, p95 ${percentile(commits, 95).toFixed(1)} ms`,
  );

  // Tap to next question under 4× CPU throttling: from the tap to the next frame after the new question is in the DOM.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const taps: number[] = [];
  for (let sheet = 0; sheet < 10; sheet++) {
    await kiosk.button('Bắt đầu đánh giá').click();
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await kiosk.button('Tiếp theo').click();
    for (let q = 1; q <= 5; q++) {
      await page.getByRole('radio', { name: 'Tốt', exact: true }).check();
      taps.push(
        await page.evaluate(
          async (expected) => {
            const next = [...document.querySelectorAll('button')].find(
              (b) => b.textContent === 'Tiếp theo',
            );
            if (!next) throw new Error('no Tiếp theo button');
            const start = performance.now();
            next.click();
            const shown = () => document.querySelector('h1')?.textContent === expected;
            while (!shown()) await new Promise((r) => setTimeout(r, 0));
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // the frame that shows it
            return performance.now() - start;
          },
          q < 5 ? `Câu ${q + 1}/5` : 'Thông tin thêm (không bắt buộc)',
        ),
      );
    }
    await kiosk.button('Tiếp theo').click();
    await kiosk.button('Gửi phiếu').click();
    await page.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor();
    await kiosk.backToStart();
  }
  const p95 = percentile(taps, 95);
  report(
    `Tap to next question, 4× CPU throttle (n=${taps.length})`,
    `median ${percentile(taps, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
    'p95 50 ms',
    p95 > 50,
  );
} finally {
  await browser.close();
  await app.close();
}
