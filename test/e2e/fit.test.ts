import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePhoneToken } from '../../src/core/phone/token.ts';
import { haiDuong2024 } from '../../src/core/profile/index.ts';
import { signerOf } from '../fixtures/batches.ts';
import { type RunningCollector, registerKioskByApi, startCollector } from './collector-server.ts';
import { launchBrowser, SURVEY_DAY } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';

/**
 * CSS viewport sizes: a tablet both ways, a common phone, a small phone, and the landscape
 * tablet at 200 % zoom (browser zoom halves the CSS viewport).
 */
const SIZES = [
  { width: 1280, height: 800, label: '1280×800' },
  { width: 800, height: 1280, label: '800×1280' },
  { width: 390, height: 844, label: '390×844' },
  { width: 360, height: 640, label: '360×640' },
  { width: 640, height: 400, label: '1280×800 at 200 % zoom' },
] as const;

/** What must be in view on a step, beside the question and its answers when there are some. */
interface Wanted {
  buttons: string[];
  /** Labels of fields that must show whole (the reason box). */
  fields?: string[];
  /**
   * Buttons in a list that must show whole too, except on a screen this short or shorter,
   * where the list may scroll inside its box: there each must come into view when scrolled to.
   */
  listed?: { buttons: string[]; scrollsBelowHeight: number };
}

let collector: RunningCollector;
let browser: Browser;
beforeAll(async () => {
  [collector, browser] = await Promise.all([startCollector(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

/**
 * Everything on this step that is not where it must be, at the current viewport: the page
 * must not scroll either way; the question (the radio group's label), every answer, the
 * named buttons and fields must lie inside the viewport; buttons and answers at least 48 px.
 */
function misfits(page: Page, wanted: Wanted): Promise<string[]> {
  return page.evaluate(({ buttons, fields, listed }) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    const [vw, vh] = [window.innerWidth, window.innerHeight];
    if (doc.scrollHeight > vh) problems.push(`page scrolls down: ${doc.scrollHeight} > ${vh}`);
    if (doc.scrollWidth > vw) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${vw}`);
    const check = (element: Element | null | undefined, what: string, tap = false) => {
      if (!element) return problems.push(`${what}: missing`);
      const r = element.getBoundingClientRect();
      const box = `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      if (r.width === 0 || r.height === 0) problems.push(`${what}: not shown`);
      else if (r.top < -0.5 || r.left < -0.5 || r.bottom > vh + 0.5 || r.right > vw + 0.5)
        problems.push(`${what}: out of view at ${box}`);
      if (tap && (r.width < 48 || r.height < 48))
        problems.push(`${what}: smaller than 48 px (${box})`);
    };
    const group = document.querySelector('[role="radiogroup"]');
    if (group) {
      check(document.getElementById(group.getAttribute('aria-labelledby') ?? ''), 'question');
      for (const radio of group.querySelectorAll('input[type="radio"]'))
        check(radio.closest('label'), `answer "${radio.closest('label')?.textContent}"`, true);
    }
    // A button by its words as read aloud: visually hidden words in, aria-hidden icons out.
    const spoken = (button: HTMLButtonElement) => {
      const copy = button.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return copy.textContent?.replace(/\s+/g, ' ').trim();
    };
    const all = [...document.querySelectorAll('button')];
    const named = (name: string) => all.find((b) => spoken(b) === name);
    for (const name of buttons) check(named(name), `button "${name}"`, true);
    const listScrolls = vh <= (listed?.scrollsBelowHeight ?? 0);
    for (const name of listed?.buttons ?? []) {
      if (listScrolls) named(name)?.scrollIntoView({ block: 'nearest' });
      check(named(name), `button "${name}"`, true);
    }
    if (doc.scrollTop > 0) problems.push(`page scrolled by ${doc.scrollTop} px`);
    for (const name of fields ?? []) {
      const field = [...document.querySelectorAll('label')].find((l) =>
        l.textContent?.includes(name),
      );
      check(field?.querySelector('input, textarea'), `field "${name}"`);
    }
    return problems;
  }, wanted);
}

/** Checks the step at every size; the failures name the step and the size. */
async function fitsEverySize(page: Page, step: string, wanted: Wanted, found: string[]) {
  for (const { width, height, label } of SIZES) {
    await page.setViewportSize({ width, height });
    for (const problem of await misfits(page, wanted))
      found.push(`${step} at ${label}: ${problem}`);
  }
}

const FORWARD = { buttons: ['Quay lại', 'Tiếp theo'] };

/**
 * Headless Chromium has no voice; a device at the desk may have one, and then the question
 * screen also shows "Nghe đọc câu hỏi", which must fit too. So the pages get a vi-VN voice.
 */
async function withVietnameseVoice(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(() => {
    const voice = { lang: 'vi-VN', name: 'Tiếng Việt', localService: true, default: true };
    speechSynthesis.getVoices = () => [voice as SpeechSynthesisVoice];
  });
  return context;
}

/**
 * Walks one sheet from the start screen to the review, checking every step at every size:
 * each question before an answer and with the reason box open (after "Yếu"), the personal
 * screen with consent ticked, the review, and a question opened again from the review.
 */
async function walkSheet(page: Page, formId: 'citizen' | 'cadre', found: string[]) {
  const kiosk = new KioskDriver(page);
  const tag = (step: string) => `${formId} ${step}`;
  await kiosk.button('Bắt đầu đánh giá').waitFor();
  await fitsEverySize(page, tag('start'), { buttons: ['Bắt đầu đánh giá'] }, found);
  await kiosk.button('Bắt đầu đánh giá').click();
  await page.getByRole('radio', { name: 'Có', exact: true }).check();
  await fitsEverySize(page, tag('residency'), FORWARD, found);
  await kiosk.button('Tiếp theo').click();
  const questions = haiDuong2024.forms.find((f) => f.id === formId)?.questions ?? [];
  for (const q of questions) {
    await page.getByRole('heading', { name: `Câu ${q.number}/5` }).waitFor();
    await fitsEverySize(
      page,
      tag(`câu ${q.number}`),
      { buttons: [...FORWARD.buttons, 'Nghe đọc câu hỏi'] },
      found,
    );
    await page.getByRole('radio', { name: 'Yếu', exact: true }).check();
    await fitsEverySize(
      page,
      tag(`câu ${q.number} with its reason box`),
      { ...FORWARD, fields: ['Lý do (không bắt buộc)'] },
      found,
    );
    await kiosk.button('Tiếp theo').click();
  }
  await page.getByRole('checkbox', { name: 'Tôi đồng ý cung cấp họ tên và địa chỉ' }).check();
  await fitsEverySize(page, tag('personal data'), FORWARD, found);
  await kiosk.button('Tiếp theo').click();
  // On the smallest phone the five rows scroll in their box; "Gửi phiếu" stays in view.
  const review = {
    buttons: ['Quay lại', 'Gửi phiếu'],
    listed: { buttons: questions.map((q) => `Sửa câu ${q.number}`), scrollsBelowHeight: 640 },
  };
  await fitsEverySize(page, tag('review'), review, found);
  await kiosk.button('Sửa câu 2').click();
  await fitsEverySize(page, tag('câu 2 opened from the review'), FORWARD, found);
  await kiosk.button('Tiếp theo').click();
  await kiosk.button('Gửi phiếu').waitFor();
}

describe('every citizen screen fits its device (real Chromium)', () => {
  it('kiosk mode: every step of both forms at 1280×800, 800×1280, 390×844, 360×640 and at 200 % zoom', async () => {
    const context = await withVietnameseVoice(await browser.newContext());
    await context.clock.setSystemTime(SURVEY_DAY);
    const page = await context.newPage();
    await page.goto(collector.url);
    const kiosk = new KioskDriver(page);
    // Registered, so the start screen also shows the QR for answering on one's own phone.
    await kiosk.setUpAndRegister(collector);
    await page.getByRole('img', { name: 'Mã QR để đánh giá trên điện thoại' }).waitFor();
    const found: string[] = [];
    await walkSheet(page, 'citizen', found);

    await page.reload();
    await kiosk.openAdmin();
    await kiosk.button('Cài đặt').click();
    await page.getByRole('radio', { name: /Phiếu cán bộ thôn/ }).check();
    await kiosk.button('Lưu cài đặt').click();
    await page.getByText('Đã lưu cài đặt').waitFor();
    await kiosk.button('Về màn hình khảo sát').click();
    await walkSheet(page, 'cadre', found);
    expect(found).toEqual([]);
    await context.close();
  });

  it('phone mode: every step of both forms at the same sizes', async () => {
    const deviceId = '5555555555555555';
    const key = await registerKioskByApi(collector, deviceId, '10507', 'Xã Tứ Kỳ');
    const context = await withVietnameseVoice(
      await browser.newContext({ hasTouch: true, isMobile: true }),
    );
    const page = await context.newPage();
    const found: string[] = [];
    for (const [formId, nonce] of [
      ['citizen', '00000000000000f1'],
      ['cadre', '00000000000000f2'],
    ] as const) {
      const token = await issuePhoneToken(signerOf(key), {
        deviceId,
        formId,
        communeCode: '10507',
        issuedAt: Date.now(),
        lifetimeMinutes: 15,
        nonce,
      });
      await page.goto(new URL(`#/phone/${token}`, collector.url).href);
      await page.reload(); // a new hash alone does not reopen the phone screen
      await page.getByText('Xã Tứ Kỳ').first().waitFor();
      await walkSheet(page, formId, found);
    }
    expect(found).toEqual([]);
    await context.close();
  });

  it('review: "Sửa" opens that question and "Tiếp theo" brings the citizen back to the review', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.clock.setSystemTime(SURVEY_DAY);
    const page = await context.newPage();
    await page.goto(collector.url);
    const kiosk = new KioskDriver(page);
    await kiosk.button('Bắt đầu đánh giá').click();
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await kiosk.button('Tiếp theo').click();
    for (const level of ['Yếu', 'Khá', 'Khá', 'Khá', 'Khá']) {
      await page.getByRole('radio', { name: level, exact: true }).check();
      await kiosk.button('Tiếp theo').click();
    }
    await kiosk.button('Tiếp theo').click();
    const firstRow = page.getByRole('listitem').first();
    expect(await firstRow.textContent()).toMatch(/Câu 1\. Tuyên truyền về các chủ trương.*Yếu/);

    await kiosk.button('Sửa câu 1').click();
    await page.getByRole('heading', { name: 'Câu 1/5' }).waitFor();
    await page.getByRole('radio', { name: 'Tốt', exact: true }).check();
    await kiosk.button('Tiếp theo').click();
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor();
    expect(await firstRow.textContent()).toMatch(/Tốt/);
    expect(await page.getByRole('listitem').nth(1).textContent()).toMatch(/Khá/);
    await kiosk.button('Gửi phiếu').click();
    await page.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor();
    await context.close();
  });
});
