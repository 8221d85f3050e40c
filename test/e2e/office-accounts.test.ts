import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { ENROLMENT_ROUTE } from '../../src/core/enrolment.ts';
import { offerFirstAdmin } from '../../src/server/auth/first-admin.ts';
import { silentLog } from '../../src/server/log.ts';
import { prepareLocalZxing } from '../fixtures/zxing.ts';
import { type RunningCollector, startCollector } from './collector-server.ts';
import { launchBrowser } from './harness.ts';

/**
 * The office's accounts in real Chromium against a real collector: the first admin created in
 * the browser with the code the collector logged, an officer made by that admin, signing out
 * and in as the officer, and an enrolment code shown as a QR that reads back as its link.
 */

let collector: RunningCollector;
let browser: Browser;

beforeAll(async () => {
  collector = await startCollector();
  browser = await launchBrowser();
  prepareLocalZxing();
});

afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('office accounts, in real Chromium', () => {
  it('creates the first admin, an officer, and shows the officer an enrolment QR', async () => {
    const code = await offerFirstAdmin(collector.store, silentLog);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const office = await context.newPage();
    const seen: Record<string, string[]> = {};
    await office.goto(new URL('#/collector', collector.url).href);

    await office.getByRole('heading', { name: 'Tạo tài khoản quản trị đầu tiên' }).waitFor();
    seen.firstAdmin = await violations(office);
    await office.getByLabel('Mã tạo tài khoản quản trị đầu tiên').fill(code ?? '');
    await office.getByLabel('Tên đăng nhập', { exact: true }).fill('ha.nt');
    await office.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Hà');
    await office.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('mật khẩu quản trị');
    await office.getByLabel('Nhập lại mật khẩu').fill('mật khẩu quản trị');
    await office.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }).click();
    await office.getByText('Đang đăng nhập: Nguyễn Thị Hà (ha.nt)').waitFor();

    // The admin makes an officer.
    await office.getByRole('button', { name: 'Tài khoản', exact: true }).click();
    await office.getByRole('table', { name: 'Danh sách tài khoản' }).waitFor();
    await office.getByLabel('Tên đăng nhập mới').fill('minh.lv');
    await office.getByLabel('Họ và tên người dùng').fill('Lê Văn Minh');
    await office.getByLabel('Vai trò').selectOption('officer');
    await office.getByLabel('Mật khẩu ban đầu (ít nhất 10 ký tự)').fill('mật khẩu cán bộ');
    await office.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    await office.getByRole('row', { name: /minh\.lv/ }).waitFor();
    seen.accounts = await violations(office);

    // The audit log has the first admin, the sign-in that followed and the officer.
    await office.getByRole('button', { name: 'Nhật ký thao tác' }).click();
    const log = office.getByRole('table', { name: 'Các mục nhật ký thao tác' });
    await log.waitFor();
    expect(await log.getByRole('rowheader').allTextContents()).toEqual([
      'Tạo tài khoản',
      'Tạo tài khoản',
    ]);
    await office.getByText(/liền mạch/).waitFor();
    seen.audit = await violations(office);

    await office.getByRole('button', { name: 'Đăng xuất' }).click();
    await office.getByRole('heading', { name: 'Cơ quan thu phiếu' }).waitFor();
    seen.signIn = await violations(office);

    // The officer signs in: no accounts, no audit log; enrolment codes yes.
    await office.getByLabel('Tên đăng nhập', { exact: true }).fill('minh.lv');
    await office.getByLabel('Mật khẩu', { exact: true }).fill('mật khẩu cán bộ');
    await office.getByRole('button', { name: 'Đăng nhập' }).click();
    await office.getByText('Đang đăng nhập: Lê Văn Minh (minh.lv) — Cán bộ thu phiếu').waitFor();
    expect(await office.getByRole('button', { name: 'Tài khoản', exact: true }).count()).toBe(0);
    expect(await office.getByRole('button', { name: 'Nhật ký thao tác' }).count()).toBe(0);
    await office.getByRole('button', { name: 'Đăng ký máy' }).click();
    await office.getByLabel('Mã xã, phường của máy').fill('10507');
    await office.getByLabel('Tên xã, phường của máy').fill('Xã Tứ Kỳ');
    await office.getByLabel('Tên quầy (ví dụ: Quầy 1)').fill('Quầy 1');
    await office.getByRole('button', { name: 'Tạo mã đăng ký một lần' }).click();
    const qr = office.getByRole('img', { name: 'Mã QR đăng ký máy cho Xã Tứ Kỳ, Quầy 1' });
    await qr.waitFor();
    await office
      .getByRole('timer')
      .getByText(/Còn (30:00|29:5\d)/)
      .waitFor();
    const letters = (await office.locator('.enrolment-letters').textContent()) ?? '';
    expect(letters).toMatch(/^[0-9A-Z]{8}$/);
    const [read] = await readBarcodes(new Uint8Array(await qr.screenshot()), {
      formats: ['QRCode'],
    });
    expect(read?.text).toBe(
      `${new URL(collector.url).origin}/${ENROLMENT_ROUTE}${letters.slice(0, 4)}-${letters.slice(4)}`,
    );
    seen.enrolment = await violations(office);

    // The session is the cookie: a reload goes straight in.
    await office.reload();
    await office.getByText('Đang đăng nhập: Lê Văn Minh').waitFor();

    expect(seen).toEqual({
      firstAdmin: [],
      accounts: [],
      audit: [],
      signIn: [],
      enrolment: [],
    });
    await context.close();
  });
});
