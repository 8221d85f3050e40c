import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBatch } from '../../src/core/codec/batch.ts';
import { sealBatch } from '../../src/core/codec/seal.ts';
import { haiDuong2024Scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import { sectionBLeaves } from '../../src/core/scoring/section-b.ts';
import { batchOf, signerOf } from '../fixtures/batches.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { type RunningCollector, registerKioskByApi, startCollector } from './collector-server.ts';
import { launchBrowser, SURVEY_DAY } from './harness.ts';
import { signInOffice } from './office-sign-in.ts';

/**
 * The office's year in real Chromium against a real collector: 40 communes whose kiosks are
 * registered and whose sheets are posted by API; the appraisal of one of them end to end, the
 * Bảng tổng hợp printed to PDF and read back with poppler, axe on the new screens, and the
 * office on a phone's screen.
 */

const NAMES = [
  'Tứ Kỳ',
  'Nguyên Giáp',
  'Hà Thanh',
  'Đại Hợp',
  'Quang Phục',
  'Tiên Động',
  'Minh Đức',
  'Phượng Kỳ',
  'Kỳ Sơn',
  'Ngọc Kỳ',
  'Bình Lãng',
  'Chí Minh',
  'Văn Tố',
  'Lạc Phượng',
  'Tái Sơn',
  'Hưng Đạo',
  'Nam Thanh',
  'An Thanh',
  'Đông Kỳ',
  'Tây Kỳ',
  'Dân Chủ',
  'Quảng Nghiệp',
  'Hà Kỳ',
  'Cộng Lạc',
  'Tân Kỳ',
  'Đại Sơn',
  'Thanh Hải',
  'Hồng Lạc',
  'Việt Hồng',
  'Cẩm Chế',
  'Thanh Xá',
  'Liên Mạc',
  'Tân An',
  'Phượng Hoàng',
  'Quyết Thắng',
  'Trường Thành',
  'Hợp Đức',
  'Tiền Tiến',
  'Thanh Sơn',
  'Thanh Khê',
];
const COMMUNES = NAMES.map((name, i) => ({
  code: String(10501 + i),
  name: `Xã ${name}`,
  deviceId: `3f2a9c0d1e4b${i.toString(16).padStart(4, '0')}`,
}));
const FIRST = COMMUNES[0] as (typeof COMMUNES)[number];
const leaves = sectionBLeaves(haiDuong2024Scorecard);
const full = Object.fromEntries(leaves.map((l) => [l.id, { halfPoints: l.maxHalfPoints }]));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let collector: RunningCollector;
let browser: Browser;
let context: BrowserContext;
let office: Page;
let pdfDir: string;
/** Axe's findings on each new screen, gathered as the tests pass through them. */
const seen: Record<string, string[]> = {};

const api = (path: string, init: RequestInit = {}) =>
  fetch(new URL(path, collector.url), {
    ...init,
    headers: {
      authorization: `Bearer ${collector.adminToken}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });

beforeAll(async () => {
  collector = await startCollector();
  pdfDir = mkdtempSync(join(tmpdir(), 'office-print-'));
  // Every commune's kiosk registered, and a survey week of its sheets delivered, by API.
  await Promise.all(
    COMMUNES.map(async (c, i) => {
      const key = await registerKioskByApi(collector, c.deviceId, c.code, c.name);
      const sheets = syntheticWeek(24 + ((i * 7) % 30), 100 + i, c.deviceId);
      const sealed = await sealBatch(
        crypto.subtle,
        signerOf(key),
        encodeBatch(batchOf(sheets, { communeCode: c.code })),
      );
      const response = await fetch(new URL('/api/v1/batches', collector.url), {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.from(sealed),
      });
      expect(response.status).toBe(200);
    }),
  );
  execFileSync('bash', ['scripts/ensure-poppler.sh']);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.clock.setSystemTime(SURVEY_DAY);
  office = await context.newPage();
  await signInOffice(office, collector);
  await office.getByRole('table', { name: 'Kết quả theo xã, phường' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
  rmSync(pdfDir, { recursive: true, force: true });
});

const section = (name: string) => office.getByRole('button', { name, exact: true }).click();

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('the office’s year, in real Chromium against a real collector', () => {
  it('appraises a commune, locks it, and sees its standing', async () => {
    // Bước 1 arrived on paper: the office's API takes the commune's self-score (all maxima).
    const put = await api(`/api/v1/scorecards/${FIRST.code}/2026/self-score`, {
      method: 'PUT',
      body: JSON.stringify({ entries: full }),
    });
    expect(put.status).toBe(200);

    await section('Thẩm định mục B');
    await office.getByLabel('Xã, phường').selectOption(FIRST.code);
    const table = office.getByRole('table', {
      name: `Bảng thang chấm điểm — ${FIRST.name}, năm 2026`,
    });
    await table.waitFor();
    await office
      .getByRole('button', { name: 'Điền điểm tự chấm vào các mục chưa thẩm định' })
      .click();
    // Tiêu chí 5 appraised at 3 of 7 points: without a reason the screen refuses it.
    await office.getByRole('textbox', { name: 'Thẩm định mục 5.1' }).fill('3');
    await office.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
    await office.getByText(/\(mã 400\.23\)/).waitFor();
    await office.getByRole('textbox', { name: 'Lý do mục 5.1' }).fill('Chỉ 3 hồ sơ trả tại nhà');
    await office.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
    await office.getByText('Đã lưu điểm thẩm định.').waitFor();
    seen.appraisal = await violations(office);
    const total = await office.getByText(/^Tổng điểm:/).textContent();
    expect(total).toMatch(
      /^Tổng điểm: \d{2},\d\d \(A \d{2},\d\d \+ B 76,00\) — Chuẩn Mức độ \d \(tạm tính, chưa khóa\)/,
    );

    await office.getByRole('button', { name: 'Khóa kết quả thẩm định' }).click();
    const dialog = office.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain(`Khóa kết quả thẩm định của ${FIRST.name}`);
    await dialog.getByRole('button', { name: 'Khóa', exact: true }).click();
    await office.getByText(/^Đã khóa lúc/).waitFor();
    expect(await office.getByRole('textbox', { name: 'Thẩm định mục 5.1' }).count()).toBe(0);
    const history = office.getByRole('table', { name: 'Lịch sử thay đổi' });
    expect(await history.textContent()).toContain('Chỉ 3 hồ sơ trả tại nhà');
    expect(await history.textContent()).toContain('Khóa kết quả thẩm định');
    const lockedTotal = (await office.getByText(/^Tổng điểm:/).textContent()) ?? '';
    seen.appraisalLocked = await violations(office);

    await section('Xếp loại');
    const standings = office.getByRole('table', { name: 'Bảng xếp loại năm 2026' });
    const row = standings.getByRole('row', { name: new RegExp(FIRST.name) });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Đã khóa');
    const [, points, level] = /Tổng điểm: (\S+) .* — (Chuẩn Mức độ \d)/.exec(lockedTotal) ?? [];
    expect(rowText).toContain(points);
    expect(rowText).toContain(level);
    // The others are self-scored by nobody: 0 in Section B, provisional.
    expect(await standings.getByText('Tạm tính (chưa khóa)').count()).toBe(COMMUNES.length - 1);
    seen.standings = await violations(office);
  });

  it('prints the Bảng tổng hợp of 40 communes to A4 with the signatures on the page where the table ends', async () => {
    await section('Số liệu các xã');
    await office.getByRole('combobox', { name: 'Chọn kỳ' }).selectOption('last-full-week');
    await office.getByText('Đang xem: 23/11/2026 – 27/11/2026').waitFor();
    await office.getByRole('button', { name: 'Bản in A4' }).click();
    const doc = office.getByRole('article', { name: 'Bảng tổng hợp kết quả khảo sát' });
    await doc.waitFor();
    await office.getByLabel('Cơ quan cấp trên (dòng 1)').fill('UBND TỈNH HẢI PHÒNG');
    await office.getByLabel('Số văn bản (sau “Số:”)').fill('12/BC-SNV');
    await office.getByLabel('Địa danh').fill('Hải Phòng');
    // Section B has arrived from the year's standings.
    await expect
      .poll(async () =>
        doc
          .getByRole('row', { name: new RegExp(FIRST.name) })
          .locator('td')
          .nth(7)
          .textContent(),
      )
      .toMatch(/^\d+,\d\d$/);
    seen.print = await violations(office);
    await office.evaluate(() => document.fonts.ready);
    const pdf = await office.pdf({ format: 'A4', preferCSSPageSize: true });
    const file = join(pdfDir, 'bang-tong-hop.pdf');
    writeFileSync(file, pdf);
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF, pdf);

    // Each page's text with its lines joined: a name may wrap inside its cell.
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim())
      .map((p) => p.replace(/\s+/g, ' '));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const last = pages.length - 1;
    const where = (text: string) => pages.findIndex((p) => p.includes(text));
    // The table ends on the page of the totals row, and the signatures are there too, with
    // at least the last commune's row (never alone on a page of their own).
    expect(where('Tổng cộng')).toBe(last);
    expect(where('NGƯỜI LẬP BẢNG')).toBe(last);
    expect(where('THỦ TRƯỞNG CƠ QUAN')).toBe(last);
    expect(where(`Xã ${NAMES.at(-1)}`)).toBe(last);
    // …under the table's header, repeated at the top of that page.
    expect(pages[last]?.indexOf('Mức độ đạt chuẩn')).toBeLessThan(
      pages[last]?.indexOf('Tổng cộng') ?? 0,
    );
    expect(pages[0]).toContain('UBND TỈNH HẢI PHÒNG');
    expect(pages[0]).toContain('Số: 12/BC-SNV');
    expect(pages[0]).toContain('Hải Phòng, ngày 24 tháng 11 năm 2026');
    expect(pages[0]).toContain('Kỳ khảo sát: 23/11/2026 – 27/11/2026');
    for (const name of NAMES) expect(pages.join('')).toContain(`Xã ${name}`);
    // Every glyph came from the bundled Noto Serif: no other font was embedded.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0] ?? '');
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => /NotoSerif/.test(f))).toBe(true);
    await office.getByRole('button', { name: 'Đóng bản in' }).click();
  });

  it('has no axe violations on the new office screens', async () => {
    await section('Số liệu các xã');
    await office.getByRole('button', { name: 'So sánh với kỳ khác' }).click();
    await office.getByRole('combobox', { name: 'Chọn kỳ so sánh' }).selectOption('month');
    await office.getByRole('table', { name: /Số liệu so sánh theo xã, phường/ }).waitFor();
    seen.comparison = await violations(office);
    await office.getByRole('button', { name: 'Đóng phần so sánh' }).click();
    await office.getByRole('button', { name: `${FIRST.name} (${FIRST.code})` }).click();
    await office.getByRole('table', { name: /Số liệu theo tháng/ }).waitFor();
    await office.getByRole('heading', { name: /Phiếu cơ quan gắn cờ/ }).waitFor();
    await office.getByRole('heading', { name: /Ý kiến người trả lời/ }).waitFor();
    seen.commune = await violations(office);
    await office.getByRole('button', { name: 'Về bảng các xã' }).click();
    await section('Cài đặt');
    await office.getByRole('button', { name: 'Lưu thời hạn' }).waitFor();
    seen.settings = await violations(office);
    expect(seen).toEqual({
      appraisal: [],
      appraisalLocked: [],
      standings: [],
      print: [],
      comparison: [],
      commune: [],
      settings: [],
    });
  });

  it('fits a phone’s screen without a horizontal scroll, camera reading first', async () => {
    const widths: Record<string, string | number> = {};
    for (const [width, height] of [
      [390, 844],
      [360, 640],
    ] as const) {
      await office.setViewportSize({ width, height });
      /** How far the page scrolls sideways, and the outermost elements that stick out. */
      const overflow = async (name: string) => {
        const extra = await office.evaluate(() => {
          const over = document.documentElement.scrollWidth - window.innerWidth;
          if (over <= 0) return 0;
          const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .filter((e) => !e.parentElement?.closest('.table-box, .a4-paper'))
            .filter(
              (e) =>
                !e.parentElement ||
                e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1,
            )
            .map(
              (e) =>
                `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().width)}px`,
            );
          return `${over}px: ${culprits.slice(0, 5).join(', ')}`;
        });
        if (extra) widths[`${width} ${name}`] = extra;
      };
      await section('Số liệu các xã');
      await office.getByRole('table', { name: 'Kết quả theo xã, phường' }).waitFor();
      const reader = office.getByRole('heading', { name: 'Nhận mã QR từ máy khảo sát' });
      const readerFirst = await reader.evaluate((heading) => {
        const table = document.querySelector('table');
        return table ? Boolean(heading.compareDocumentPosition(table) & 4) : false;
      });
      expect(readerFirst).toBe(true);
      await overflow('figures');
      await office.getByRole('button', { name: `${FIRST.name} (${FIRST.code})` }).click();
      await office.getByRole('table', { name: /Số liệu theo tháng/ }).waitFor();
      await overflow('commune');
      await office.getByRole('button', { name: 'Về bảng các xã' }).click();
      for (const name of [
        'Thẩm định mục B',
        'Xếp loại',
        'Máy khảo sát',
        'Ngưỡng gắn cờ',
        'Cài đặt',
      ]) {
        await section(name);
        await office.waitForTimeout(300);
        await overflow(name);
      }
      await section('Thẩm định mục B');
      await office.getByRole('table', { name: /Bảng thang chấm điểm/ }).waitFor();
      await overflow('Thẩm định mục B');
      await office.getByRole('button', { name: 'Bản in A4' }).click();
      await office.getByRole('article', { name: 'Bảng tổng hợp kết quả khảo sát' }).waitFor();
      await overflow('print');
      await office.getByRole('button', { name: 'Đóng bản in' }).click();
    }
    expect(widths).toEqual({});
  });
});
