import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './fixtures.ts';
import { surveyDayContext } from './harness.ts';
import { KioskDriver } from './kiosk-driver.ts';

// WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const served = useBuiltApp();

/** Axe's violations on the page as "rule: target" lines, so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('accessibility of every screen (axe-core in real Chromium)', () => {
  it('kiosk screens have no violations', async () => {
    const context = await surveyDayContext(served.browser);
    const page = await context.newPage();
    await page.goto(served.app.url);
    const kiosk = new KioskDriver(page);
    const seen: Record<string, string[]> = {};

    await kiosk.button('Bắt đầu đánh giá').waitFor();
    seen.start = await violations(page);
    await kiosk.button('Bắt đầu đánh giá').click();
    await page.getByRole('radio', { name: 'Có', exact: true }).waitFor();
    seen.residency = await violations(page);
    await page.getByRole('radio', { name: 'Có', exact: true }).check();
    await kiosk.button('Tiếp theo').click();
    await page.getByRole('heading', { name: 'Câu 1/5' }).waitFor();
    seen.question = await violations(page);
    await page.getByRole('radio', { name: 'Yếu', exact: true }).check();
    await page.getByRole('textbox', { name: 'Lý do (không bắt buộc)' }).waitFor();
    seen.questionWithReason = await violations(page);
    for (let i = 0; i < 5; i++) {
      await page.getByRole('radio', { name: 'Tốt', exact: true }).check();
      await kiosk.button('Tiếp theo').click();
    }
    await page.getByRole('checkbox', { name: 'Tôi đồng ý cung cấp họ tên và địa chỉ' }).check();
    seen.personal = await violations(page);
    await kiosk.button('Tiếp theo').click();
    await kiosk.button('Gửi phiếu').waitFor();
    seen.review = await violations(page);
    await kiosk.button('Gửi phiếu').click();
    await page.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor();
    seen.thanks = await violations(page);

    await page.clock.install();
    await kiosk.backToStart();
    await kiosk.button('Bắt đầu đánh giá').click();
    await page.clock.runFor(61_000);
    await page.getByRole('alertdialog').waitFor();
    seen.idleDialog = await violations(page);

    expect(seen).toEqual({
      start: [],
      residency: [],
      question: [],
      questionWithReason: [],
      personal: [],
      review: [],
      thanks: [],
      idleDialog: [],
    });
    await context.close();
  });

  it('admin screens have no violations', async () => {
    const context = await surveyDayContext(served.browser);
    const page = await context.newPage();
    await page.goto(served.app.url);
    const kiosk = new KioskDriver(page);
    const seen: Record<string, string[]> = {};

    await kiosk.answerSheet(['Tốt', 'Khá', 'Trung bình', 'Yếu', 'Tốt']);
    await kiosk.backToStart();
    await kiosk.button('Quản trị').click();
    await page.getByRole('heading', { name: 'Đặt mã PIN quản trị' }).waitFor();
    seen.setPin = await violations(page);
    await page.getByLabel('Mã PIN mới').fill('2468');
    await page.getByLabel('Nhập lại mã PIN').fill('2468');
    await kiosk.button('Lưu mã PIN').click();
    await page.getByRole('table', { name: 'Kết quả theo mẫu phiếu' }).waitFor();
    seen.dashboard = await violations(page);
    await kiosk.button('Cài đặt').click();
    await kiosk.button('Lưu cài đặt').waitFor();
    seen.settings = await violations(page);
    await kiosk.button('Gửi dữ liệu').click();
    await kiosk.button('Đăng ký máy').waitFor();
    seen.collector = await violations(page);
    await kiosk.button('Đăng ký khi không có mạng').click();
    await page.getByRole('img', { name: 'Mã QR của mã máy này' }).waitFor();
    seen.enrolOffline = await violations(page);
    await kiosk.button('Xuất mã QR').click();
    await kiosk.button('Tạo mã QR').waitFor();
    seen.qrExport = await violations(page);
    await kiosk.button('Tự chấm điểm').click();
    await page.getByRole('heading', { name: 'Tự chấm điểm mục B' }).waitFor();
    seen.selfScore = await violations(page);
    await page.getByRole('spinbutton', { name: 'Điểm tự chấm mục 4.2.1' }).fill('1');
    await page.getByText(/vượt điểm chuẩn của mục/).waitFor();
    seen.selfScoreRefused = await violations(page);
    await kiosk.button('Dữ liệu cá nhân').click();
    await page.getByRole('heading', { name: 'Dữ liệu cá nhân' }).waitFor();
    seen.personalData = await violations(page);
    await kiosk.button('Về màn hình khảo sát').click();
    await kiosk.button('Quản trị').click();
    await page.getByLabel('Mã PIN', { exact: true }).waitFor();
    seen.unlock = await violations(page);

    // The idle countdowns of the PIN screen and of the open admin area.
    await page.clock.install();
    await page.reload();
    await page.getByLabel('Mã PIN', { exact: true }).waitFor();
    await page.clock.runFor(31_000);
    await page.getByRole('alertdialog', { name: 'Màn hình mã PIN sắp đóng' }).waitFor();
    seen.pinIdleDialog = await violations(page);
    await kiosk.button('Tiếp tục nhập mã PIN').click();
    await page.getByLabel('Mã PIN', { exact: true }).fill('2468');
    await kiosk.button('Mở khóa').click();
    await kiosk.button('Tổng quan').waitFor();
    await page.clock.runFor(106_000);
    await page.getByRole('alertdialog', { name: 'Phần quản trị sắp tự khóa' }).waitFor();
    seen.adminIdleDialog = await violations(page);

    expect(seen).toEqual({
      setPin: [],
      dashboard: [],
      settings: [],
      collector: [],
      enrolOffline: [],
      qrExport: [],
      selfScore: [],
      selfScoreRefused: [],
      personalData: [],
      unlock: [],
      pinIdleDialog: [],
      adminIdleDialog: [],
    });
    await context.close();
  });
});
