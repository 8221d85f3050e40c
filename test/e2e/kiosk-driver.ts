import type { Page } from 'playwright-core';

/** Drives the kiosk the way a citizen does, by accessible names only. */
export class KioskDriver {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Answers one sheet; the residency question is asked by default (settings.askResidency). */
  async answerSheet(
    levels: string[],
    residency: 'Có' | 'Không' | 'not asked' = 'Có',
  ): Promise<void> {
    await this.fillSheet(levels, residency);
    await this.page.getByText('Xin trân trọng cảm ơn Ông/Bà!').waitFor();
  }

  /** Answers and sends one sheet, without waiting for what follows (the phone may be offline). */
  async fillSheet(levels: string[], residency: 'Có' | 'Không' | 'not asked' = 'Có') {
    await this.button('Bắt đầu đánh giá').click();
    if (residency !== 'not asked') {
      await this.page.getByRole('radio', { name: residency, exact: true }).check();
      await this.button('Tiếp theo').click();
    }
    for (const level of levels) {
      await this.page.getByRole('radio', { name: level, exact: true }).check();
      await this.button('Tiếp theo').click();
    }
    await this.button('Tiếp theo').click(); // personal screen: nothing given
    await this.button('Gửi phiếu').click();
  }

  /** Leaves the thank-you screen without waiting for its timer, through a reload. */
  async backToStart(): Promise<void> {
    await this.page.reload();
    await this.button('Bắt đầu đánh giá').waitFor();
  }

  /** Opens the admin area, setting the PIN on first run. */
  async openAdmin(pin = '2468'): Promise<void> {
    await this.button('Quản trị').click();
    const setPin = this.page.getByRole('heading', { name: 'Đặt mã PIN quản trị' });
    const unlock = this.page.getByLabel('Mã PIN', { exact: true });
    await setPin.or(unlock).waitFor();
    if (await setPin.isVisible()) {
      await this.page.getByLabel('Mã PIN mới').fill(pin);
      await this.page.getByLabel('Nhập lại mã PIN').fill(pin);
      await this.button('Lưu mã PIN').click();
    } else {
      await unlock.fill(pin);
      await this.button('Mở khóa').click();
    }
    await this.button('Tổng quan').waitFor();
  }

  /** The cells of a form's row in the dashboard table, as text. */
  async formRow(rowName: RegExp): Promise<string[]> {
    const table = this.page.getByRole('table', { name: 'Kết quả theo mẫu phiếu' });
    return table.getByRole('row', { name: rowName }).getByRole('cell').allInnerTexts();
  }

  /** Admin set-up of a new kiosk: commune in settings, then registration with the office's token. */
  async setUpAndRegister(
    adminToken: string,
    communeName = 'Xã Tứ Kỳ',
    communeCode = '10507',
  ): Promise<void> {
    await this.openAdmin();
    await this.button('Cài đặt').click();
    await this.page.getByLabel('Tên xã, phường').fill(communeName);
    await this.page.getByLabel('Mã xã, phường (chữ số)').fill(communeCode);
    await this.button('Lưu cài đặt').click();
    await this.page.getByText('Đã lưu cài đặt').waitFor();
    await this.button('Gửi dữ liệu').click();
    await this.page.getByLabel('Mã quản trị của cơ quan thu phiếu').fill(adminToken);
    await this.button('Đăng ký máy').click();
    await this.page.getByText(/Máy đã đăng ký với/).waitFor();
    await this.button('Về màn hình khảo sát').click();
  }
}
