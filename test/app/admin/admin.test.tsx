import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../../src/app/admin/index.tsx';
import { said } from '../../../src/core/problems/said.ts';
import { Problem, problemCatalogue } from '../../../src/core/problems.ts';
import { haiDuong2024 as profile } from '../../../src/core/profile/index.ts';
import type { Sheet } from '../../../src/core/sheet.ts';
import { FakeServices } from '../fake-services.ts';

const inPeriod = Date.UTC(2026, 10, 24, 3); // 24/11/2026, inside the default 2026 period 23–27/11

function sheet(seq: number, answers: string[], extra: Partial<Sheet> = {}): Sheet {
  return {
    deviceId: '0123456789abcdef',
    seq,
    profileId: 'hai-duong-2024',
    profileVersion: 1,
    formId: 'citizen',
    formVersion: 1,
    channel: 'kiosk',
    answers,
    startedAt: inPeriod + seq * 60_000 - 30_000,
    createdAt: inPeriod + seq * 60_000,
    flags: [],
    ...extra,
  };
}

const ALL = (level: string) => [level, level, level, level, level];

function renderAdmin(services = new FakeServices()) {
  const onExit = vi.fn();
  const onSettingsSaved = vi.fn();
  render(
    <AdminApp
      services={services}
      profile={profile}
      onExit={onExit}
      onSettingsSaved={onSettingsSaved}
    />,
  );
  return { services, onExit, onSettingsSaved };
}

const pinBox = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

async function unlock(services: FakeServices) {
  services.pinValue = '2468';
  renderAdmin(services);
  fireEvent.input(await screen.findByLabelText('Mã PIN'), { target: { value: '2468' } });
  fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
  await screen.findByRole('button', { name: 'Tổng quan' });
}

describe('admin PIN gate', () => {
  it('asks for a new PIN on first run and refuses a mismatch', async () => {
    const { services } = renderAdmin();
    await screen.findByRole('heading', { name: 'Đặt mã PIN quản trị' });
    fireEvent.input(pinBox('Mã PIN mới'), { target: { value: '2468' } });
    fireEvent.input(pinBox('Nhập lại mã PIN'), { target: { value: '2469' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    expect((await screen.findByRole('alert')).textContent).toContain('không khớp');
    expect(services.pinValue).toBeUndefined();
  });

  it('sets the PIN and opens the admin area', async () => {
    const { services } = renderAdmin();
    await screen.findByRole('heading', { name: 'Đặt mã PIN quản trị' });
    fireEvent.input(pinBox('Mã PIN mới'), { target: { value: '2468' } });
    fireEvent.input(pinBox('Nhập lại mã PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
    await screen.findByRole('button', { name: 'Tổng quan' });
    expect(services.pinValue).toBe('2468');
  });

  it('says how many tries are left after a wrong PIN', async () => {
    const services = new FakeServices();
    services.pinValue = '2468';
    renderAdmin(services);
    fireEvent.input(await screen.findByLabelText('Mã PIN'), { target: { value: '1111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Mã PIN không đúng. Còn 4 lần thử.',
    );
    expect(screen.queryByRole('button', { name: 'Tổng quan' })).toBeNull();
  });

  it('shows until when the admin is locked and disables unlocking', async () => {
    const services = new FakeServices();
    services.pinValue = '2468';
    const lockedUntil = Date.now() + 300_000;
    services.pin.verify = async () => ({ ok: false, reason: 'locked', lockedUntil });
    renderAdmin(services);
    fireEvent.input(await screen.findByLabelText('Mã PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect((await screen.findByRole('alert')).textContent).toContain('tạm khóa đến');
    expect((screen.getByRole('button', { name: 'Mở khóa' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});

describe('admin dashboard', () => {
  it('shows counts, the exact mean and the satisfaction rate per form', async () => {
    const services = new FakeServices();
    services.sheets = [
      sheet(1, ALL('tot')),
      sheet(2, ALL('tot')),
      sheet(3, ALL('kha')),
      sheet(4, ALL('kha')),
    ];
    await unlock(services);
    const table = await screen.findByRole('table', { name: /^Kết quả theo mẫu phiếu/ });
    const row = within(table).getByRole('row', { name: /Người dân/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // 2 sheets of 10 and 2 of 5 → mean 7,5; every answer is Tốt or Khá → 100 %.
    expect(cells.slice(0, 4)).toEqual(['4', '0', '7,5 / 10', '100,0%']);
  });

  it('shows flagged sheets beside the raw count and the mean without them', async () => {
    const services = new FakeServices();
    services.sheets = [sheet(1, ALL('tot')), sheet(2, ALL('yeu'), { flags: ['burst'] })];
    await unlock(services);
    const row = within(
      await screen.findByRole('table', { name: /^Kết quả theo mẫu phiếu/ }),
    ).getByRole('row', {
      name: /Người dân/,
    });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect([cells[0], cells[1], cells[2], cells[4]]).toEqual(['2', '1', '5 / 10', '10']);
  });

  it('counts only the period’s sheets in the table', async () => {
    const services = new FakeServices();
    services.sheets = [
      sheet(1, ALL('tot')),
      sheet(2, ALL('kha'), { createdAt: Date.UTC(2026, 9, 1) }),
    ];
    await unlock(services);
    const row = within(
      await screen.findByRole('table', { name: /^Kết quả theo mẫu phiếu/ }),
    ).getByRole('row', {
      name: /Người dân/,
    });
    expect(within(row).getAllByRole('cell')[0]?.textContent).toBe('1');
    expect(screen.getByText(/^Tổng số phiếu trên máy/).nextElementSibling?.textContent).toBe('2');
  });

  it('shows Section A as "—" while no sheet of the period is scored, a figure once one is', async () => {
    const services = new FakeServices();
    await unlock(services);
    const sectionA = (await screen.findByText(/Điểm mục A/)).querySelector('strong');
    expect(sectionA?.textContent).toBe('—');
    cleanup();
    services.sheets = [sheet(1, ALL('kha'))];
    await unlock(services);
    expect((await screen.findByText(/Điểm mục A/)).textContent).toContain('5 / 20 — chưa đủ');
  });

  it('shows a damaged-settings problem at the top', async () => {
    const services = new FakeServices();
    services.problem = 'Cài đặt đã lưu bị hỏng nên máy đang dùng cài đặt mặc định.';
    await unlock(services);
    expect((await screen.findByRole('alert')).textContent).toContain('Cài đặt đã lưu bị hỏng');
  });
});

describe('admin dashboard period', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 10, 3)); // Thursday 10/12/2026, 10:00 in Vietnam
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Two sheets in the survey week (24/11), one on 1/12, one today (10/12). */
  const services = () => {
    const s = new FakeServices();
    s.sheets = [
      sheet(1, ALL('tot')),
      sheet(2, ALL('kha')),
      sheet(3, ALL('tot'), { createdAt: Date.UTC(2026, 11, 1, 3) }),
      sheet(4, ALL('yeu'), { createdAt: Date.UTC(2026, 11, 10, 2) }),
    ];
    return s;
  };
  const chooser = () => screen.getByRole('combobox', { name: 'Chọn kỳ' }) as HTMLSelectElement;
  const citizenCount = () =>
    within(screen.getByRole('table', { name: /^Kết quả theo mẫu phiếu/ }))
      .getAllByRole('row', { name: /Người dân/ })
      .flatMap((row) => within(row).getAllByRole('cell'))[0]?.textContent;

  it('opens on the kiosk’s survey period, offered as a choice with its dates', async () => {
    await unlock(services());
    await screen.findByRole('table', { name: /^Kết quả theo mẫu phiếu/ });
    const chosen = chooser().selectedOptions[0];
    expect(chosen?.textContent).toBe('Kỳ khảo sát của máy: 23/11/2026 – 27/11/2026');
    expect(citizenCount()).toBe('2');
    expect([...chooser().options].map((o) => o.textContent)).toEqual(
      expect.arrayContaining([
        'Hôm nay: 10/12/2026',
        'Tuần này: 07/12/2026 – 13/12/2026',
        'Tháng 12/2026: 01/12/2026 – 31/12/2026',
        'Khoảng tùy chọn…',
      ]),
    );
  });

  it('says which period every figure is for', async () => {
    await unlock(services());
    await screen.findByRole('table', { name: /^Kết quả theo mẫu phiếu/ });
    const week = '23/11/2026 – 27/11/2026';
    expect(screen.getByText('Phiếu hôm nay (10/12/2026)').nextElementSibling?.textContent).toBe(
      '1',
    );
    expect(
      screen.getByText(`Phiếu trong kỳ đang xem (${week})`).nextElementSibling?.textContent,
    ).toBe('2');
    expect(
      screen.getByText('Tổng số phiếu trên máy (mọi ngày)').nextElementSibling?.textContent,
    ).toBe('4');
    expect(screen.getByRole('table', { name: `Kết quả theo mẫu phiếu, kỳ ${week}` })).toBeTruthy();
    expect(screen.getByText(/^Điểm mục A, kỳ /).textContent).toContain(`kỳ ${week}`);
    expect(
      screen.getByRole('table', {
        name: `Phân bố câu trả lời theo câu hỏi — Phụ lục 02, kỳ ${week}`,
      }),
    ).toBeTruthy();
  });

  it('recomputes every figure for today, this week, this month or any range', async () => {
    await unlock(services());
    await screen.findByRole('table', { name: /^Kết quả theo mẫu phiếu/ });
    const choose = (id: string) => fireEvent.change(chooser(), { target: { value: id } });

    choose('today');
    expect(citizenCount()).toBe('1');
    expect(
      screen.getByRole('table', { name: 'Kết quả theo mẫu phiếu, kỳ 10/12/2026' }),
    ).toBeTruthy();
    expect(
      screen.getByText(/^Điểm mục A, kỳ 10\/12\/2026/).querySelector('strong')?.textContent,
    ).toBe('0 / 20');

    choose('week');
    expect(citizenCount()).toBe('1');
    choose('month');
    expect(citizenCount()).toBe('2');
    expect(
      screen.getByText(/^Phiếu trong kỳ đang xem \(01\/12\/2026 – 31\/12\/2026\)/),
    ).toBeTruthy();

    choose('custom');
    fireEvent.input(screen.getByLabelText('Từ ngày'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('Đến ngày'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem kỳ này' }));
    expect(citizenCount()).toBe('3');
    expect(
      screen.getByRole('table', { name: 'Kết quả theo mẫu phiếu, kỳ 01/11/2026 – 01/12/2026' }),
    ).toBeTruthy();

    choose('survey-period');
    expect(citizenCount()).toBe('2');
    choose('all');
    expect(citizenCount()).toBe('4');
    expect(screen.getByText(/^Phiếu trong kỳ đang xem \(tất cả các ngày\)/)).toBeTruthy();
  });
});

describe('admin settings', () => {
  it('refuses invalid values with a Vietnamese message and saves nothing', async () => {
    const services = new FakeServices();
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Cài đặt' }));
    fireEvent.input(screen.getByLabelText('Mã xã, phường (chữ số)'), { target: { value: 'AB12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(await screen.findByText('Mã xã chỉ gồm chữ số.')).toBeTruthy();
    expect(services.settings.communeCode).toBe('');
  });

  it('saves valid settings and reports them to the shell', async () => {
    const services = new FakeServices();
    services.pinValue = '2468';
    const { onSettingsSaved } = renderAdmin(services);
    fireEvent.input(await screen.findByLabelText('Mã PIN'), { target: { value: '2468' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cài đặt' }));
    fireEvent.input(screen.getByLabelText('Tên xã, phường'), { target: { value: 'Xã Tứ Kỳ' } });
    fireEvent.click(screen.getByRole('radio', { name: /Phiếu cán bộ thôn/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    await screen.findByText('Đã lưu cài đặt');
    expect(services.settings).toMatchObject({ communeName: 'Xã Tứ Kỳ', formId: 'cadre' });
    expect(onSettingsSaved).toHaveBeenCalledWith(services.settings);
  });

  it('sets how long the phone QR lasts, within 1 to 120 minutes, or turns it off', async () => {
    const services = new FakeServices();
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Cài đặt' }));
    const minutes = screen.getByLabelText('Mã QR điện thoại có hiệu lực (phút, 1–120)');
    fireEvent.input(minutes, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(services.settings.phoneQr).toEqual({ enabled: true, tokenMinutes: 15 });
    fireEvent.input(minutes, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /đánh giá trên điện thoại/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    await screen.findByText('Đã lưu cài đặt');
    expect(services.settings.phoneQr).toEqual({ enabled: false, tokenMinutes: 30 });
  });

  it('offers both readings of the 2026 survey week', async () => {
    await unlock(new FakeServices());
    fireEvent.click(screen.getByRole('button', { name: 'Cài đặt' }));
    expect(screen.getByRole('radio', { name: /23\/11\/2026 – 27\/11\/2026/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /24\/11\/2026 – 30\/11\/2026/ })).toBeTruthy();
  });

  it('"Tùy chọn" stays chosen, opens the dates for typing, and saves the typed period', async () => {
    const services = new FakeServices();
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Cài đặt' }));
    const custom = screen.getByRole('radio', { name: 'Tùy chọn' }) as HTMLInputElement;
    fireEvent.click(custom);
    expect(custom.checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText('Từ ngày'));
    fireEvent.input(screen.getByLabelText('Đến ngày'), { target: { value: '2026-11-25' } });
    expect(custom.checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    await screen.findByText('Đã lưu cài đặt');
    expect(services.settings.period).toEqual({ from: '2026-11-23', to: '2026-11-25' });
    fireEvent.click(screen.getByRole('radio', { name: /23\/11\/2026 – 27\/11\/2026/ }));
    expect(custom.checked).toBe(false);
  });
});

describe('admin personal data', () => {
  it('asks for confirmation, then purges and reports the count', async () => {
    const services = new FakeServices();
    services.sheets = [sheet(1, ALL('tot'), { suggestion: 'Thêm ghế' }), sheet(2, ALL('kha'))];
    const purge = vi.fn(async () => 1);
    services.purgePersonalData = purge;
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Dữ liệu cá nhân' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Xóa dữ liệu cá nhân' })).toHaveProperty(
        'disabled',
        false,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Xóa dữ liệu cá nhân?' });
    expect(dialog.textContent).toContain('1 phiếu');
    expect(purge).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    expect(await screen.findByText('Đã xóa dữ liệu cá nhân của 1 phiếu.')).toBeTruthy();
    expect(purge).toHaveBeenCalledWith({ from: '2026-11-23', to: '2026-11-27' });
  });

  it('confirmation: "Hủy" has the focus, Escape cancels and focus returns to the purge button', async () => {
    const services = new FakeServices();
    services.sheets = [sheet(1, ALL('tot'), { suggestion: 'Thêm ghế' })];
    const purge = vi.fn(async () => 1);
    services.purgePersonalData = purge;
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Dữ liệu cá nhân' }));
    const open = screen.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }) as HTMLButtonElement;
    await waitFor(() => expect(open.disabled).toBe(false));
    open.focus();
    fireEvent.click(open);
    const dialog = screen.getByRole('alertdialog', { name: 'Xóa dữ liệu cá nhân?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Hủy' }));
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Xóa' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(open);
    expect(purge).not.toHaveBeenCalled();
  });
});

describe('admin link to the collecting office', () => {
  it('shows the unsent count and sends on request', async () => {
    const services = new FakeServices();
    services.sheets = [sheet(1, ALL('tot')), sheet(2, ALL('kha'))];
    services.registeredWith = 'https://thuphieu.example.vn';
    services.phoneUnsent = 1;
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi dữ liệu' }));
    expect((await screen.findByText('Phiếu chưa gửi')).nextElementSibling?.textContent).toBe('2');
    expect(screen.getByText('Phiếu từ điện thoại chờ gửi').nextElementSibling?.textContent).toBe(
      '1',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Gửi ngay' }));
    await waitFor(() => expect(services.syncs).toBe(1));
  });

  it('says sending stopped after a refusal, and when Cài đặt names another commune', async () => {
    const services = new FakeServices();
    services.registeredWith = 'https://thuphieu.example.vn';
    services.syncStatus = {
      failures: 1,
      quarantined: true,
      lastError: 'Chữ ký của lô không đúng. (mã 401.1)',
      communeMismatch: said(problemCatalogue['sync.commune-changed']),
    };
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi dữ liệu' }));
    expect((await screen.findByText(/Đã dừng gửi/)).textContent).toContain('401.1');
    expect(screen.getByText(/khác với mã xã máy đã đăng ký/).textContent).toContain('409.8');
  });
});

describe('admin QR export', () => {
  async function openExport(services: FakeServices) {
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Xuất mã QR' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo mã QR' }));
  }

  it('says what to do when the kiosk is not registered yet', async () => {
    await openExport(new FakeServices());
    expect((await screen.findByRole('alert')).textContent).toContain('chưa đăng ký');
  });

  it('shows the frames one at a time, steppable by hand', async () => {
    const services = new FakeServices();
    services.registeredWith = 'https://thuphieu.example.vn';
    services.sheets = [sheet(1, ALL('tot'))];
    await openExport(services);
    expect((await screen.findByText('Khung 1/3')).textContent).toBe('Khung 1/3');
    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'Mã QR khung 1' }).innerHTML).toContain('<svg'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Khung sau' }));
    expect(screen.getByText('Khung 2/3')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Chạy tiếp' })).toBeTruthy();
  });

  it('cuts smaller codes with more error correction when asked', async () => {
    const services = new FakeServices();
    services.registeredWith = 'https://thuphieu.example.vn';
    services.sheets = [sheet(1, ALL('tot'))];
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Xuất mã QR' }));
    fireEvent.change(await screen.findByLabelText('Cỡ mã QR'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Mức sửa lỗi'), { target: { value: 'H' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mã QR' }));
    await waitFor(() =>
      expect(services.qrOptions).toEqual({ errorCorrectionLevel: 'H', maxVersion: 10 }),
    );
  });

  it('marks the exported sheets sent only after the PIN confirms the office has them', async () => {
    const services = new FakeServices();
    services.pinValue = '2468';
    services.registeredWith = 'https://thuphieu.example.vn';
    services.sheets = [sheet(1, ALL('tot')), sheet(2, ALL('kha'))];
    await openExport(services);
    const pin = await screen.findByLabelText('Mã PIN để xác nhận đã thu');
    fireEvent.input(pin, { target: { value: '1111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận đã thu' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Mã PIN không đúng.');
    expect(services.confirmed).toEqual([]);
    fireEvent.input(screen.getByLabelText('Mã PIN để xác nhận đã thu'), {
      target: { value: '2468' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận đã thu' }));
    expect(await screen.findByText(/Đã đánh dấu 2 phiếu là đã gửi/)).toBeTruthy();
    expect(services.confirmed).toEqual([1, 2]);
  });
});

describe('admin file export', () => {
  it('downloads JSON, CSV or Excel, with personal data only when ticked', async () => {
    const services = new FakeServices();
    const created: string[] = [];
    URL.createObjectURL = () => {
      created.push('blob');
      return 'blob:x';
    };
    URL.revokeObjectURL = () => {};
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi dữ liệu' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tải tệp CSV' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Kèm dữ liệu cá nhân/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Tải tệp JSON (nhập lại được)' }));
    await waitFor(() => expect(services.exports).toEqual(['csv:false', 'json:true']));
    fireEvent.click(screen.getByRole('button', { name: 'Tải tệp Excel (.xlsx)' }));
    await waitFor(() => expect(services.exports).toEqual(['csv:false', 'json:true', 'xlsx:true']));
    expect(created).toHaveLength(3);
  });
});

describe('admin self-score (Tự chấm điểm)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 10, 2)); // 10/12/2026, before the 15/12 deadline
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function openSelfScore(services = new FakeServices()) {
    await unlock(services);
    fireEvent.click(screen.getByRole('button', { name: 'Tự chấm điểm' }));
    await screen.findByRole('heading', { name: 'Tự chấm điểm mục B' });
    return services;
  }
  const points = (leafId: string) =>
    screen.getByRole('spinbutton', { name: `Điểm tự chấm mục ${leafId}` }) as HTMLInputElement;
  const enter = (leafId: string, value: string) =>
    fireEvent.input(points(leafId), { target: { value } });
  const cellsOf = (table: HTMLElement, row: RegExp) =>
    within(within(table).getByRole('row', { name: row }))
      .getAllByRole('cell')
      .map((c) => c.textContent);
  const totals = () => screen.getByRole('table', { name: 'Tổng hợp điểm tự chấm năm 2026' });

  it('shows the whole Section B tree with each "Điểm chuẩn" in Vietnamese notation', async () => {
    await openSelfScore();
    expect(screen.getAllByRole('heading', { level: 2, name: /^Tiêu chí \d:/ })).toHaveLength(5);
    expect(screen.getAllByRole('spinbutton', { name: /^Điểm tự chấm mục / })).toHaveLength(48);
    const criterion4 = screen.getByRole('table', { name: /^Tiêu chí 4:/ });
    expect(cellsOf(criterion4, /^4\.2 Xếp xếp các phòng làm việc/).slice(2, 4)).toEqual(['2', '0']);
    expect(cellsOf(criterion4, /^4\.2\.1 /)[2]).toBe('0,5');
    expect(points('4.2.1').step).toBe('0.5');
    expect(points('4.2.1').max).toBe('0.5');
    const criterion2 = screen.getByRole('table', { name: /^Tiêu chí 2:/ });
    expect(cellsOf(criterion2, /^2\.4\.5\.1 \+? ?Công tác tổ chức Hội nghị/)[2]).toBe('2');
    expect(screen.queryByRole('spinbutton', { name: 'Điểm tự chấm mục 2.4.5' })).toBeNull();
    expect(cellsOf(totals(), /^Tổng điểm mục B/)).toEqual(['0', '80']);
  });

  it('keeps running totals per criterion and overall beside the maxima, stored as half-points', async () => {
    const services = await openSelfScore();
    enter('1.4', '1.5');
    enter('4.2.3', '0.5');
    enter('5.1', '7');
    expect(cellsOf(totals(), /^Tiêu chí 1:/)).toEqual(['1,5', '22']);
    expect(cellsOf(totals(), /^Tiêu chí 4:/)).toEqual(['0,5', '18']);
    expect(cellsOf(totals(), /^Tiêu chí 5:/)).toEqual(['7', '7']);
    expect(cellsOf(totals(), /^Tổng điểm mục B/)).toEqual(['9', '80']);
    expect(screen.getByText(/Đã nhập điểm 3\/48 mục/)).toBeTruthy();
    const criterion1 = screen.getByRole('region', { name: /^Tiêu chí 1:/ });
    expect(within(criterion1).getByText(/^Tự chấm:/).textContent).toBe('Tự chấm: 1,5 / 22 điểm');
    enter('1.4', '');
    expect(cellsOf(totals(), /^Tổng điểm mục B/)).toEqual(['7,5', '80']);
    await waitFor(() =>
      expect(services.selfScoreDrafts.get(2026)?.scores).toEqual({ '4.2.3': 1, '5.1': 14 }),
    );
  });

  it('refuses a score above the leaf’s maximum or off the 0,5 step, and keeps the saved one', async () => {
    const services = await openSelfScore();
    enter('4.2.1', '0.5');
    enter('4.2.1', '1');
    expect(points('4.2.1').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/vượt điểm chuẩn của mục.*\(mã 400\.26\)/)).toBeTruthy();
    enter('1.1.1', '1.25');
    expect(screen.getByText(/theo bước 0,5.*\(mã 400\.25\)/)).toBeTruthy();
    expect(cellsOf(totals(), /^Tổng điểm mục B/)).toEqual(['0,5', '80']);
    await waitFor(() => expect(services.selfScoreDrafts.get(2026)?.scores).toEqual({ '4.2.1': 1 }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi về cơ quan thu phiếu' }));
    expect((await screen.findByRole('alert')).textContent).toContain('(mã 400.27)');
    expect(services.selfScoreSigned).toEqual([]);
    enter('4.2.1', '0');
    enter('1.1.1', '1');
    expect(points('4.2.1').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/mã 400\.2[56]/)).toBeNull();
    await waitFor(() =>
      expect(services.selfScoreDrafts.get(2026)?.scores).toEqual({ '4.2.1': 0, '1.1.1': 2 }),
    );
  });

  it('keeps the draft, scores and notes, across a reload of the screen', async () => {
    const services = await openSelfScore();
    enter('2.4.5.2', '2.5');
    fireEvent.input(screen.getByRole('textbox', { name: 'Ghi chú mục 2.4.5.2' }), {
      target: { value: 'Đã trả lời 25/30 kiến nghị' },
    });
    await waitFor(() => expect(services.selfScoreDrafts.get(2026)?.notes['2.4.5.2']).toBeTruthy());
    cleanup();
    await openSelfScore(services);
    expect(points('2.4.5.2').value).toBe('2.5');
    expect(
      (screen.getByRole('textbox', { name: 'Ghi chú mục 2.4.5.2' }) as HTMLInputElement).value,
    ).toBe('Đã trả lời 25/30 kiến nghị');
    expect(cellsOf(totals(), /^Tiêu chí 2:/)).toEqual(['2,5', '23']);
  });

  it('sends the year’s self-score and says the collecting office received it', async () => {
    const services = await openSelfScore();
    enter('1.1.1', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi về cơ quan thu phiếu' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Cơ quan thu phiếu đã nhận bản tự chấm năm 2026 (ký lúc 09:00 10/12/2026).',
    );
    expect(services.selfScoreSigned.map((s) => [s.via, s.draft.year, s.draft.scores])).toEqual([
      ['send', 2026, { '1.1.1': 2 }],
    ]);
    expect(screen.getByText(/Lần gửi gần nhất: .* ký lúc 09:00 10\/12\/2026/)).toBeTruthy();
  });

  it('says when the collector already had it', async () => {
    const services = new FakeServices();
    services.selfScoreOutcome = async () => ({ kind: 'duplicate', submittedAt: Date.now() });
    await openSelfScore(services);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi về cơ quan thu phiếu' }));
    expect((await screen.findByRole('status')).textContent).toContain('không có gì thay đổi');
  });

  it('shows a refusal with the collector’s sentence and code', async () => {
    const services = new FakeServices();
    const sentence = `${new Problem('scorecard.locked').message} (mã 409.5)`;
    services.selfScoreOutcome = async () => ({ kind: 'refused', sentence });
    await openSelfScore(services);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi về cơ quan thu phiếu' }));
    expect((await screen.findByRole('alert')).textContent).toBe(sentence);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('without network, says the self-score stays saved and can be taken as a file', async () => {
    const services = new FakeServices();
    const problem = new Problem('self-score.offline');
    const sentence = `${problem.message} (mã ${problem.code})`;
    services.selfScoreOutcome = async () => ({ kind: 'offline', sentence });
    await openSelfScore(services);
    enter('3.1', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi về cơ quan thu phiếu' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('vẫn được lưu trên máy này');
    expect(alert.textContent).toContain('Tải tệp tự chấm');
    expect(services.selfScoreDrafts.get(2026)?.scores).toEqual({ '3.1': 2 });
  });

  it('says what to do when the kiosk cannot sign yet', async () => {
    const services = new FakeServices();
    services.selfScoreOutcome = async () => {
      throw new Problem('kiosk.not-registered');
    };
    await openSelfScore(services);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi về cơ quan thu phiếu' }));
    expect((await screen.findByRole('alert')).textContent).toContain('(mã 401.5)');
  });

  it('downloads the same signed self-score as a file', async () => {
    const created: string[] = [];
    URL.createObjectURL = () => {
      created.push('blob');
      return 'blob:x';
    };
    URL.revokeObjectURL = () => {};
    const services = await openSelfScore();
    enter('1.2.1', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Tải tệp tự chấm' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'Đã tạo tệp tu-cham-diem-10507-2026.json',
    );
    expect(services.selfScoreSigned.map((s) => [s.via, s.draft.scores])).toEqual([
      ['file', { '1.2.1': 2 }],
    ]);
    expect(created).toHaveLength(1);
  });

  it('scores another year when staff choose it, each year its own draft', async () => {
    const services = await openSelfScore();
    enter('1.1.1', '1');
    fireEvent.change(screen.getByLabelText('Năm đánh giá'), { target: { value: '2025' } });
    await screen.findByRole('table', { name: 'Tổng hợp điểm tự chấm năm 2025' });
    expect(points('1.1.1').value).toBe('');
    enter('1.1.2', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi về cơ quan thu phiếu' }));
    await screen.findByRole('status');
    expect(services.selfScoreSigned.map((s) => [s.draft.year, s.draft.scores])).toEqual([
      [2025, { '1.1.2': 2 }],
    ]);
    expect(services.selfScoreDrafts.get(2026)?.scores).toEqual({ '1.1.1': 2 });
  });
});
