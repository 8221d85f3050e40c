import type { Page } from 'playwright-core';
import { createOfficeAccount, type RunningCollector } from './collector-server.ts';

/** The office admin the e2e tests sign in with (made through the API when first asked for). */
export const E2E_OFFICE_ADMIN = { username: 'e2e.admin', password: 'e2e-office-password' };

/** Opens /#/collector and signs in on screen with an office account (an admin by default). */
export async function signInOffice(
  page: Page,
  collector: RunningCollector,
  account: { username: string; password: string } = E2E_OFFICE_ADMIN,
): Promise<void> {
  await createOfficeAccount(collector, account);
  await page.goto(new URL('#/collector', collector.url).href);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(account.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Đang đăng nhập:').waitFor();
}
