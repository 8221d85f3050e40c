import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnrolmentCodes } from '../../src/app/collector/enrolment-codes/index.tsx';
import { CollectorApp } from '../../src/app/collector/index.tsx';
import { createOfficeServices } from '../../src/app/office-services.ts';
import { formatDateTime } from '../../src/core/format.ts';
import { problemCatalogue } from '../../src/core/problems.ts';
import { figuresOf, type Handler, stubCollector } from './office-fixtures.ts';

afterEach(() => vi.unstubAllGlobals());

const admin = { username: 'ha.nt', displayName: 'Nguyễn Thị Hà', role: 'admin', communeCode: null };
const viewer = {
  username: 'lan.pt',
  displayName: 'Phạm Thị Lan',
  role: 'viewer',
  communeCode: null,
};
const sessionOf = (account: object | null, firstAdminNeeded = false) => ({
  account,
  firstAdminNeeded,
  expiresAt: account ? Date.UTC(2026, 11, 2, 15) : null,
});
const refusal = (key: keyof typeof problemCatalogue, status: number) => ({
  status,
  body: problemCatalogue[key],
});
const noCommunes = { 'GET /api/v1/communes': () => ({ period: null, communes: [] }) };

/** The office screen over a collector whose browser session is already `account`'s. */
function openAs(account: object | null, handlers: Record<string, Handler> = {}, first = false) {
  const calls = stubCollector({
    'GET /api/v1/session': () => sessionOf(account, first),
    'DELETE /api/v1/session': () => ({}),
    ...noCommunes,
    ...handlers,
  });
  render(<CollectorApp onExit={() => {}} office={createOfficeServices()} />);
  return calls;
}

const account = (username: string, overrides: object = {}): Record<string, unknown> => ({
  username,
  displayName: `Người ${username}`,
  role: 'officer',
  communeCode: null,
  createdAt: Date.UTC(2026, 11, 1, 2),
  createdBy: 'Nguyễn Thị Hà (ha.nt)',
  disabledAt: null,
  lastSignInAt: null,
  ...overrides,
});

describe('office sign-in', () => {
  it('goes straight in while the browser’s session holds, and signs out', async () => {
    const calls = openAs(admin);
    await screen.findByRole('heading', { name: 'Tổng hợp kết quả khảo sát' });
    expect(screen.queryByLabelText('Mật khẩu')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await screen.findByLabelText('Mật khẩu');
    expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/v1/session')).toBe(
      true,
    );
  });

  it('creates the first office admin with the collector’s one-time code', async () => {
    const calls = openAs(null, { 'POST /api/v1/accounts/first': () => sessionOf(admin) }, true);
    await screen.findByRole('heading', { name: 'Tạo tài khoản quản trị đầu tiên' });
    const type = (label: string, value: string) =>
      fireEvent.input(screen.getByLabelText(label), { target: { value } });
    type('Mã tạo tài khoản quản trị đầu tiên', 'ABCD-EFGH-JKMN-PQRS');
    type('Tên đăng nhập', 'ha.nt');
    type('Họ và tên', 'Nguyễn Thị Hà');
    type('Mật khẩu (ít nhất 10 ký tự)', 'mật khẩu đủ dài');
    type('Nhập lại mật khẩu', 'mật khẩu khác');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      problemCatalogue['account.password-mismatch'].message,
    );
    type('Nhập lại mật khẩu', 'mật khẩu đủ dài');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }));
    expect((await screen.findByText(/Đang đăng nhập:/)).textContent).toContain(
      'Quản trị cơ quan thu phiếu',
    );
    expect(calls.find((c) => c.url.pathname === '/api/v1/accounts/first')?.body).toEqual({
      code: 'ABCD-EFGH-JKMN-PQRS',
      username: 'ha.nt',
      displayName: 'Nguyễn Thị Hà',
      password: 'mật khẩu đủ dài',
    });
  });

  it('says why a wrong first-admin code is refused', async () => {
    openAs(
      null,
      { 'POST /api/v1/accounts/first': () => refusal('auth.first-admin-code', 403) },
      true,
    );
    await screen.findByRole('heading', { name: 'Tạo tài khoản quản trị đầu tiên' });
    for (const [label, value] of [
      ['Mã tạo tài khoản quản trị đầu tiên', 'sai'],
      ['Tên đăng nhập', 'ha.nt'],
      ['Họ và tên', 'Nguyễn Thị Hà'],
      ['Mật khẩu (ít nhất 10 ký tự)', 'mật khẩu đủ dài'],
      ['Nhập lại mật khẩu', 'mật khẩu đủ dài'],
    ] as const)
      fireEvent.input(screen.getByLabelText(label), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toContain('(mã 403.6)');
  });

  it('returns to the sign-in with the catalogue sentence when the session ends', async () => {
    let ended = false;
    openAs(admin, {
      'GET /api/v1/communes': () =>
        ended ? refusal('auth.signed-out', 401) : { period: null, communes: [] },
    });
    await screen.findByRole('heading', { name: 'Tổng hợp kết quả khảo sát' });
    ended = true;
    fireEvent.click(screen.getByRole('button', { name: 'Tải lại số liệu' }));
    await screen.findByLabelText('Mật khẩu');
    expect(screen.getByRole('alert').textContent).toBe(
      `${problemCatalogue['auth.signed-out'].message} (mã 401.6)`,
    );
  });
});

describe('what each role sees', () => {
  const tabs = () =>
    within(screen.getByRole('navigation', { name: 'Mục của cơ quan thu phiếu' }))
      .getAllByRole('button')
      .map((b) => b.textContent);

  it('shows a viewer the figures, standings and kiosks only', async () => {
    openAs(viewer);
    expect((await screen.findByText(/Đang đăng nhập:/)).textContent).toContain(
      'Phạm Thị Lan (lan.pt) — Xem số liệu',
    );
    expect(tabs()).toEqual(['Số liệu các xã', 'Xếp loại', 'Máy khảo sát']);
    expect(screen.queryByRole('button', { name: 'Tạo mã QR in sẵn' })).toBeNull();
  });

  it('opens a commune for a viewer without names, comments or decisions', async () => {
    const communes = {
      'GET /api/v1/communes': () => ({
        period: null,
        communes: [figuresOf('10507', 'Xã Tứ Kỳ', [20, 18], [16])],
      }),
    };
    openAs(viewer, communes);
    fireEvent.click(await screen.findByRole('button', { name: 'Xã Tứ Kỳ (10507)' }));
    await screen.findByRole('button', { name: 'Tải danh sách phiếu (Excel)' });
    expect(screen.queryByLabelText(/Kèm họ tên, địa chỉ/)).toBeNull();
    expect(screen.queryByRole('heading', { name: /Phiếu cơ quan gắn cờ/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Ý kiến người trả lời/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Hiện họ tên, địa chỉ/ })).toBeNull();
    cleanup();
    openAs(admin, {
      ...communes,
      'GET /api/v1/flagged': () => [],
      'GET /api/v1/comments': () => [],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Xã Tứ Kỳ (10507)' }));
    await screen.findByLabelText(/Kèm họ tên, địa chỉ/);
    await screen.findByRole('button', { name: /Hiện họ tên, địa chỉ/ });
  });

  it('shows an officer enrolment but not accounts, audit or settings', async () => {
    openAs({ ...viewer, role: 'officer' });
    await screen.findByText(/Cán bộ thu phiếu/);
    expect(tabs()).toEqual([
      'Số liệu các xã',
      'Thẩm định mục B',
      'Xếp loại',
      'Máy khảo sát',
      'Đăng ký máy',
    ]);
  });

  it('names a commune viewer’s commune', async () => {
    openAs({ ...viewer, role: 'commune-viewer', communeCode: '10507' });
    expect((await screen.findByText(/Đang đăng nhập:/)).textContent).toContain(
      'Xem số liệu của một xã, xã 10507',
    );
  });
});

describe('accounts', () => {
  it('lists, creates and disables accounts, and says why one is refused', async () => {
    let accounts = [
      account('ha.nt', { role: 'admin', lastSignInAt: Date.UTC(2026, 11, 2, 1) }),
      account('minh.lv'),
    ];
    const calls = openAs(admin, {
      'GET /api/v1/accounts': () => accounts,
      'POST /api/v1/accounts': (_url, body) => {
        const made = body as { username: string };
        if (made.username === 'minh.lv') return refusal('account.exists', 409);
        const created = account(made.username, { ...made, password: undefined });
        accounts = [...accounts, created];
        return created;
      },
      'PATCH /api/v1/accounts/minh.lv': (_url, body) => {
        accounts = accounts.map((a) =>
          a.username === 'minh.lv' && (body as { disabled?: boolean }).disabled
            ? { ...a, disabledAt: Date.UTC(2026, 11, 2, 4) }
            : a,
        );
        return accounts[1];
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Tài khoản' }));
    const table = await screen.findByRole('table', { name: 'Danh sách tài khoản' });
    const own = within(table).getByRole('row', { name: /ha\.nt/ });
    expect(own.textContent).toContain('Quản trị cơ quan thu phiếu');
    expect(own.textContent).toContain(formatDateTime(Date.UTC(2026, 11, 2, 1)));
    // No one disables the account they are signed in with.
    expect(within(own).queryByRole('button', { name: 'Khóa ha.nt' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Khóa minh.lv' }));
    await screen.findByRole('button', { name: 'Mở khóa minh.lv' });
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ disabled: true });
    expect(screen.getByRole('row', { name: /minh\.lv/ }).textContent).toContain('Đã khóa từ');

    const type = (label: string, value: string) =>
      fireEvent.input(screen.getByLabelText(label), { target: { value } });
    type('Tên đăng nhập mới', 'xa.tuky');
    type('Họ và tên người dùng', 'Xã Tứ Kỳ');
    fireEvent.change(screen.getByLabelText('Vai trò'), { target: { value: 'commune-viewer' } });
    type('Mã xã của tài khoản', '10507');
    type('Mật khẩu ban đầu (ít nhất 10 ký tự)', 'mật khẩu ban đầu');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    await screen.findByText('Đã tạo tài khoản xa.tuky.');
    expect(
      calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/v1/accounts')?.body,
    ).toEqual({
      username: 'xa.tuky',
      displayName: 'Xã Tứ Kỳ',
      role: 'commune-viewer',
      communeCode: '10507',
      password: 'mật khẩu ban đầu',
    });
    expect((await screen.findByRole('row', { name: /xa\.tuky/ })).textContent).toContain(
      '(xã 10507)',
    );

    type('Tên đăng nhập mới', 'minh.lv');
    type('Họ và tên người dùng', 'Lê Văn Minh');
    fireEvent.change(screen.getByLabelText('Vai trò'), { target: { value: 'officer' } });
    type('Mật khẩu ban đầu (ít nhất 10 ký tự)', 'mật khẩu ban đầu');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `${problemCatalogue['account.exists'].message} (mã 409.6)`,
    );
  });

  it('sets a new password for an account', async () => {
    const calls = openAs(admin, {
      'GET /api/v1/accounts': () => [account('ha.nt', { role: 'admin' }), account('minh.lv')],
      'PATCH /api/v1/accounts/minh.lv': () => account('minh.lv'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Tài khoản' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Đặt lại mật khẩu của minh.lv' }));
    fireEvent.input(screen.getByLabelText('Mật khẩu mới của minh.lv (ít nhất 10 ký tự)'), {
      target: { value: 'mật khẩu mới dài' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu mật khẩu mới' }));
    await screen.findByText('Đã đặt mật khẩu mới cho minh.lv.');
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ password: 'mật khẩu mới dài' });
  });
});

describe('audit log', () => {
  const entry = (ordinal: number, action: string, at: number) => ({
    ordinal,
    at,
    actor: 'Nguyễn Thị Hà (ha.nt)',
    action,
    target: 'minh.lv',
    detail: action === 'account.create' ? '{"role":"officer"}' : '{}',
    address: '10.0.0.5',
    hash: 'ab'.repeat(32),
  });
  const log = (chainHolds: boolean) => ({
    entries: [
      entry(1, 'sign-in', Date.UTC(2026, 11, 2, 1)),
      entry(2, 'account.create', Date.UTC(2026, 11, 2, 2)),
    ],
    chainHolds,
    total: 2,
  });

  it('lists the entries newest first, in Vietnamese', async () => {
    openAs(admin, { 'GET /api/v1/audit': () => log(true) });
    fireEvent.click(await screen.findByRole('button', { name: 'Nhật ký thao tác' }));
    const table = await screen.findByRole('table', { name: 'Các mục nhật ký thao tác' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Tạo tài khoản',
      'Đăng nhập',
    ]);
    expect(rows[0]?.textContent).toContain(formatDateTime(Date.UTC(2026, 11, 2, 2)));
    expect(rows[0]?.textContent).toContain('role: officer');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/liền mạch/).textContent).toContain('Đang hiện 2 trong 2 mục');
  });

  it('warns plainly when the chain does not hold', async () => {
    openAs(admin, { 'GET /api/v1/audit': () => log(false) });
    fireEvent.click(await screen.findByRole('button', { name: 'Nhật ký thao tác' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `${problemCatalogue['audit.chain-broken'].message} (mã 409.9)`,
    );
  });

  it('downloads the log as a spreadsheet', async () => {
    const calls = openAs(admin, {
      'GET /api/v1/audit': () => log(true),
      'GET /api/v1/audit.csv': () => 'csv',
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    fireEvent.click(await screen.findByRole('button', { name: 'Nhật ký thao tác' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tải nhật ký (CSV)' }));
    await vi.waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/v1/audit.csv')).toBe(true),
    );
  });
});

describe('enrolment codes', () => {
  const code = {
    code: 'ABCD-EFGH',
    expiresAt: Date.UTC(2026, 11, 2, 4, 30),
    communeCode: '10507',
    communeName: 'Xã Tứ Kỳ',
    label: 'Quầy 1',
  };
  const fill = () => {
    fireEvent.input(screen.getByLabelText('Mã xã, phường của máy'), { target: { value: '10507' } });
    fireEvent.input(screen.getByLabelText('Tên xã, phường của máy'), {
      target: { value: 'Xã Tứ Kỳ' },
    });
    fireEvent.input(screen.getByLabelText('Tên quầy (ví dụ: Quầy 1)'), {
      target: { value: 'Quầy 1' },
    });
  };

  it('shows a new code as a QR and in grouped letters, counting down to its expiry', async () => {
    let now = Date.UTC(2026, 11, 2, 4);
    const calls = stubCollector({
      'POST /api/v1/enrolments': () => code,
      'GET /api/v1/enrolments': () => [
        {
          communeCode: '10507',
          communeName: 'Xã Tứ Kỳ',
          label: 'Quầy 2',
          createdAt: Date.UTC(2026, 11, 1, 2),
          createdBy: 'Nguyễn Thị Hà (ha.nt)',
          expiresAt: Date.UTC(2026, 11, 1, 2, 30),
          usedAt: Date.UTC(2026, 11, 1, 2, 10),
          deviceId: '3f2a9c0d1e4b5a68',
        },
      ],
    });
    render(<EnrolmentCodes office={createOfficeServices()} now={() => now} />);
    const used = await screen.findByRole('row', { name: /Xã Tứ Kỳ \(10507\)/ });
    expect(used.textContent).toContain('Đã dùng lúc');
    expect(used.textContent).toContain('3f2a9c0d1e4b5a68');
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mã đăng ký một lần' }));
    const qr = await screen.findByRole('img', { name: 'Mã QR đăng ký máy cho Xã Tứ Kỳ, Quầy 1' });
    expect(qr.innerHTML).toContain('<svg');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      communeCode: '10507',
      communeName: 'Xã Tứ Kỳ',
      label: 'Quầy 1',
    });
    expect(
      [...document.querySelectorAll('.enrolment-letters span')].map((s) => s.textContent),
    ).toEqual(['ABCD', 'EFGH']);
    expect(screen.getByRole('timer').textContent).toContain('Còn 30:00');
    now += 61_000;
    await vi.waitFor(() => expect(screen.getByRole('timer').textContent).toContain('Còn 28:59'), {
      timeout: 2500,
    });
    now = code.expiresAt + 1;
    await vi.waitFor(
      () => expect(screen.getByRole('timer').textContent).toContain('Mã này đã hết hạn'),
      { timeout: 2500 },
    );
  });

  it('registers a tablet without network by its device id and shows its key as a QR', async () => {
    const calls = stubCollector({
      'GET /api/v1/enrolments': () => [],
      'POST /api/v1/kiosks': () => ({ deviceId: '3f2a9c0d1e4b5a68', key: 'A'.repeat(43) }),
    });
    render(<EnrolmentCodes office={createOfficeServices()} />);
    fill();
    fireEvent.input(screen.getByLabelText('Mã máy (16 ký tự)'), { target: { value: 'xyz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký máy và hiện mã QR khóa' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      problemCatalogue['enrolment.device-id'].message,
    );
    fireEvent.input(screen.getByLabelText('Mã máy (16 ký tự)'), {
      target: { value: '3F2A 9C0D 1E4B 5A68' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký máy và hiện mã QR khóa' }));
    const qr = await screen.findByRole('img', { name: 'Mã QR khóa của máy 3f2a9c0d1e4b5a68' });
    expect(qr.innerHTML).toContain('<svg');
    expect(calls.find((c) => c.url.pathname === '/api/v1/kiosks')?.body).toEqual({
      deviceId: '3f2a9c0d1e4b5a68',
      communeCode: '10507',
      communeName: 'Xã Tứ Kỳ',
      label: 'Quầy 1',
    });
  });
});
