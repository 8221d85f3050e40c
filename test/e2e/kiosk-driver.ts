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

  /**
   * Admin set-up of a new kiosk as the office does it: the office makes a one-time code for the
   * commune (the bootstrap token over the API), the tablet's staff types it in Gửi dữ liệu.
   */
  async setUpAndRegister(
    collector: OfficeApi,
    communeName = 'Xã Tứ Kỳ',
    communeCode = '10507',
  ): Promise<void> {
    const code = await enrolmentCodeByApi(collector, { communeName, communeCode });
    await this.openAdmin();
    await this.button('Gửi dữ liệu').click();
    await this.page.getByLabel(/^Mã đăng ký máy/).fill(code);
    await this.button('Đăng ký máy').click();
    await this.page.getByText(/Máy đã đăng ký với/).waitFor();
    await this.button('Về màn hình khảo sát').click();
  }
}

/** Where the collector runs and the token its automation uses (test/e2e/collector-server.ts). */
export interface OfficeApi {
  url: string;
  adminToken: string;
}

/** A one-time enrolment code, made as the office's screen makes it (POST /api/v1/enrolments). */
export async function enrolmentCodeByApi(
  collector: OfficeApi,
  { communeName = 'Xã Tứ Kỳ', communeCode = '10507', label = 'Quầy một cửa' } = {},
): Promise<string> {
  const response = await fetch(new URL('/api/v1/enrolments', collector.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${collector.adminToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ communeCode, communeName, label }),
  });
  if (response.status !== 201) throw new Error(`enrolment code: HTTP ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}
