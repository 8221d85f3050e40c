/**
 * Lighthouse's mobile performance audit of the kiosk's start screen (simulated slow 4G and a
 * 4× slower CPU, as PageSpeed does), served from dist/ by Vite's preview server on loopback,
 * in Debian's Chromium. Three runs, the median printed beside the budget; never fails on a figure.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, serveBuiltApp } from '../test/e2e/harness.ts';

const RUNS = 3;
const app = await serveBuiltApp();
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: CHROMIUM_ARGS,
});
try {
  const runs: { score: number; fcp: number; lcp: number; tbt: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(app.url, {
      port: chrome.port,
      onlyCategories: ['performance'],
      formFactor: 'mobile',
      logLevel: 'error',
      output: 'json',
    });
    if (!result) throw new Error('lighthouse gave no result');
    const { categories, audits } = result.lhr;
    runs.push({
      score: Math.round((categories.performance?.score ?? 0) * 100),
      fcp: audits['first-contentful-paint']?.numericValue ?? Number.NaN,
      lcp: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      tbt: audits['total-blocking-time']?.numericValue ?? Number.NaN,
    });
  }
  runs.sort((a, b) => a.score - b.score);
  const median = runs[Math.floor(RUNS / 2)] as (typeof runs)[number];
  const verdict = median.score >= 99 ? 'within ≥ 99' : 'UNDER BUDGET (≥ 99)';
  console.info(
    `${'Lighthouse mobile performance (median of 3)'.padEnd(52)} ${median.score}: FCP ${(median.fcp / 1000).toFixed(1)} s, LCP ${(median.lcp / 1000).toFixed(1)} s, TBT ${median.tbt.toFixed(0)} ms  ${verdict}`,
  );
} finally {
  await chrome.kill();
  await app.close();
}
