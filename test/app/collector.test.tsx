import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CollectorApp } from '../../src/app/collector/index.tsx';
import { createOfficeServices } from '../../src/app/office-services.ts';
import type { KioskRow } from '../../src/core/api.ts';
import { formatDateTime } from '../../src/core/format.ts';
import { vnDay } from '../../src/core/period.ts';
import { deskRow as desk, kioskRow as kiosk } from '../fixtures/kiosk-rows.ts';

/** A form with no sheet yet, as the server reports it. */
const noSheets = {
  sheets: 0,
  flagged: 0,
  excluded: 0,
  mean: null,
  meanWithoutFlagged: null,
  meanReviewed: null,
  satisfactionRate: null,
  satisfactionReviewed: null,
  interval: null,
  distribution: [],
};

const figures = [
  {
    communeCode: '10507',
    communeName: 'Xã Tứ Kỳ',
    sheetCount: 3,
    phoneSheetCount: 1,
    setAsideCount: 0,
    lastReceivedAt: Date.UTC(2026, 10, 27, 2),
    profileId: 'hai-duong-2024',
    profileVersion: 1,
    levels: ['Tốt', 'Khá', 'Trung bình', 'Yếu'],
    citizen: {
      sheets: 3,
      flagged: 1,
      excluded: 0,
      mean: { num: 35, den: 6, value: 5.83, display: '5,83' },
      meanWithoutFlagged: null,
      meanReviewed: { num: 35, den: 6, value: 5.83, display: '5,83' },
      satisfactionRate: { num: 2, den: 3, value: 0.67, display: '66,7%' },
      satisfactionReviewed: { num: 2, den: 3, value: 0.67, display: '66,7%' },
      interval: { low: 1.2, high: 10 },
      distribution: [
        [1, 1, 1, 0],
        [1, 1, 1, 0],
        [1, 1, 1, 0],
        [1, 1, 1, 0],
        [3, 0, 0, 0],
      ],
    },
    cadre: noSheets,
    phone: {
      citizen: {
        sheets: 1,
        flagged: 0,
        excluded: 0,
        mean: { num: 10, den: 1, value: 10, display: '10' },
        meanWithoutFlagged: null,
        meanReviewed: { num: 10, den: 1, value: 10, display: '10' },
        satisfactionRate: { num: 1, den: 1, value: 1, display: '100,0%' },
        satisfactionReviewed: { num: 1, den: 1, value: 1, display: '100,0%' },
        interval: null,
        distribution: [],
      },
      cadre: noSheets,
    },
    sectionA: { display: '5,83', complete: false },
  },
];

afterEach(() => vi.unstubAllGlobals());

const PASSWORD = 'mật khẩu đủ dài';
const admin = { username: 'ha.nt', displayName: 'Nguyễn Thị Hà', role: 'admin', communeCode: null };
const sessionOf = (account: object | null, firstAdminNeeded = false) => ({
  account,
  firstAdminNeeded,
  expiresAt: account ? Date.UTC(2026, 11, 2, 15) : null,
});
const signedOut = {
  code: '401.6',
  message: 'Chưa đăng nhập hoặc phiên làm việc đã hết. Vui lòng đăng nhập lại.',
};

/**
 * The collector's session routes (a signed-out browser; `ha.nt` signs in with PASSWORD as
 * `account`), then `answer` for every other path.
 */
function officeFetch(
  answer: (path: string, init: RequestInit) => Response | Promise<Response>,
  account: object = admin,
) {
  const fetchMock = vi.fn(async (path: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    if (path === '/api/v1/session' && method === 'GET') return Response.json(sessionOf(null));
    if (path === '/api/v1/session' && method === 'POST') {
      const body = JSON.parse(String(init.body)) as { username: string; password: string };
      return body.username === 'ha.nt' && body.password === PASSWORD
        ? Response.json(sessionOf(account))
        : Response.json(
            {
              code: '401.7',
              message: 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.',
            },
            { status: 401 },
          );
    }
    if (path === '/api/v1/session' && method === 'DELETE')
      return new Response(null, { status: 204 });
    return answer(path, init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function stubServer(status = 200, account: object = admin) {
  return officeFetch(
    (path) =>
      new Response(
        JSON.stringify(
          status !== 200
            ? signedOut
            : path.startsWith('/api/v1/flagged')
              ? []
              : { period: null, communes: figures },
        ),
        { status },
      ),
    account,
  );
}

function stubNoNetwork() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );
}

async function enter(username = 'ha.nt', password = PASSWORD) {
  render(<CollectorApp onExit={() => {}} office={createOfficeServices()} />);
  fireEvent.input(await screen.findByLabelText('Tên đăng nhập'), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

/** What the office's reads answer: the registry's rows, no set-aside rows, the figures. */
const officeAnswer = (path: string, kiosks: KioskRow[]) =>
  Response.json(
    path === '/api/v1/kiosks'
      ? kiosks
      : path === '/api/v1/set-aside'
        ? []
        : { period: null, communes: figures },
  );

describe('collecting office screen', () => {
  it('shows each commune’s figures once signed in, the session cookie carrying the rest', async () => {
    const fetchMock = stubServer();
    await enter();
    const row = within(
      await screen.findByRole('table', { name: 'Kết quả theo xã, phường' }),
    ).getByRole('row', {
      name: /Xã Tứ Kỳ/,
    });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '3',
      '1',
      formatDateTime(Date.UTC(2026, 10, 27, 2)),
      '5,83',
      '—',
      '5,83 (chưa đủ)',
      '66,7%',
      '1',
    ]);
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ha.nt', password: PASSWORD }),
    });
    // No secret of the office in any header: the browser sends its HttpOnly cookie.
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/communes', { method: 'GET', headers: {} });
    expect(screen.getByText(/Đang đăng nhập:/).textContent).toContain(
      'Nguyễn Thị Hà (ha.nt) — Quản trị cơ quan thu phiếu',
    );
  });

  it('says why a wrong password is refused', async () => {
    stubServer();
    await enter('ha.nt', 'sai mật khẩu rồi');
    expect((await screen.findByRole('alert')).textContent).toContain('401.7');
  });

  it('prints the summary as an A4 administrative document', async () => {
    stubServer();
    await enter();
    await screen.findByRole('table', { name: 'Kết quả theo xã, phường' });
    fireEvent.click(screen.getByRole('button', { name: 'Bản in A4' }));
    expect(screen.getByRole('heading', { name: 'Bảng tổng hợp kết quả khảo sát' })).toBeTruthy();
    expect(screen.getByText('Độc lập - Tự do - Hạnh phúc')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Xã Tứ Kỳ/ }).textContent).toContain('5,83');
  });

  it('opens a commune with its figures and the answers of every question', async () => {
    stubServer();
    await enter();
    fireEvent.click(await screen.findByRole('button', { name: 'Xã Tứ Kỳ (10507)' }));
    const chart = screen.getByRole('table', {
      name: 'Câu trả lời theo từng câu hỏi, Phiếu người dân',
    });
    const question5 = within(chart).getByRole('row', { name: /Câu 5/ });
    expect(
      within(question5)
        .getAllByRole('cell')
        .slice(0, 4)
        .map((c) => c.textContent),
    ).toEqual(['3 (100%)', '0 (0%)', '0 (0%)', '0 (0%)']);
    const phone = screen.getByRole('table', { name: /Riêng phiếu qua điện thoại/ });
    expect(
      within(within(phone).getByRole('row', { name: /Phiếu người dân/ }))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '10', '100,0%']);
    fireEvent.click(screen.getByRole('button', { name: 'Về bảng các xã' }));
    expect(await screen.findByRole('table', { name: 'Kết quả theo xã, phường' })).toBeTruthy();
  });

  it('opens offline only for a name and password this browser has seen accepted online', async () => {
    stubNoNetwork();
    await enter('never.online', PASSWORD);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'chưa từng đăng nhập trên máy này khi có mạng',
    );
    cleanup();
    stubServer();
    await enter();
    await screen.findByRole('table', { name: 'Kết quả theo xã, phường' });
    cleanup();
    stubNoNetwork();
    await enter();
    expect((await screen.findByText(/Chưa kết nối được máy chủ thu phiếu/)).textContent).toContain(
      'chỉ tính các phiếu đã quét hoặc nhập trên máy này',
    );
    expect(screen.getByText(/Đang đăng nhập:/).textContent).toContain('Nguyễn Thị Hà');
    cleanup();
    await enter('ha.nt', 'một mật khẩu khác');
    expect((await screen.findByRole('alert')).textContent).toContain('chưa từng đăng nhập');
  });

  it('tells a server error from a network error', async () => {
    stubServer();
    await enter();
    await screen.findByRole('table', { name: 'Kết quả theo xã, phường' });
    cleanup();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Internal Server Error', { status: 500 })),
    );
    await enter();
    // Someone who signed in here before gets this office's own figures, and why.
    await screen.findByText(/Vì máy chủ thu phiếu đang lỗi/);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('lỗi của máy chủ, không phải mất mạng');
    expect(alert.textContent).toContain('500');
    expect(screen.queryByText(/Chưa kết nối được máy chủ thu phiếu/)).toBeNull();
    cleanup();
    await enter('never.here', 'mật khẩu đủ dài');
    await vi.waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('máy chủ trả 500'),
    );
    expect(screen.queryByText(/Vì máy chủ thu phiếu đang lỗi/)).toBeNull();
  });

  it('lists each kiosk with its missing numbers, chain and thresholds', async () => {
    officeFetch(async (path: string) => officeAnswer(path, [kiosk]));
    await enter();
    fireEvent.click(await screen.findByRole('button', { name: 'Máy khảo sát' }));
    const card = await screen.findByRole('article', { name: 'Quầy 1' });
    expect(card.textContent).toContain('11–12');
    expect(card.textContent).toContain(
      `sau phiếu gửi lúc ${formatDateTime(Date.UTC(2026, 10, 24, 2, 30))}`,
    );
    expect(card.textContent).toContain('Khớp đến phiếu 10; 1 mã chuỗi chờ các phiếu còn thiếu.');
    expect(card.textContent).toContain('chậm 5 phút');
    expect(card.textContent).toContain('9E4A 4516 181E 4B98');
  });

  it('revokes a kiosk with a reason, and lets a desk QR hand out the cadre form', async () => {
    let rows: KioskRow[] = [kiosk, desk];
    const sent: { method: string; path: string; body: unknown }[] = [];
    let setAsideReads = 0;
    officeFetch(async (path: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      if (path === '/api/v1/set-aside') setAsideReads++;
      if (method !== 'GET') sent.push({ method, path, body: JSON.parse(String(init.body)) });
      if (path === `/api/v1/kiosks/${kiosk.deviceId}/revocation`) {
        const revokedAt = Date.UTC(2026, 11, 1, 3);
        rows = rows.map((r) =>
          r === kiosk ? { ...r, state: 'revoked', revokedAt, revocationReason: 'Máy bị mất' } : r,
        );
        return Response.json({ deviceId: kiosk.deviceId, revokedAt, reason: 'Máy bị mất' });
      }
      if (path === `/api/v1/desks/${desk.deviceId}/forms`) {
        rows = rows.map((r) =>
          r.deviceId === desk.deviceId ? { ...r, forms: ['citizen', 'cadre'] } : r,
        );
        return Response.json({ deviceId: desk.deviceId, forms: ['citizen', 'cadre'] });
      }
      return officeAnswer(path, rows);
    });
    await enter();
    fireEvent.click(await screen.findByRole('button', { name: 'Máy khảo sát' }));
    const card = await screen.findByRole('article', { name: 'Quầy 1' });
    fireEvent.click(within(card).getByRole('button', { name: 'Thu hồi máy này' }));
    fireEvent.input(within(card).getByLabelText('Lý do thu hồi'), {
      target: { value: '  Máy bị mất ' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Xác nhận thu hồi' }));
    await vi.waitFor(() =>
      expect(
        within(screen.getByRole('article', { name: 'Quầy 1' })).getByText(/^Đã thu hồi lúc/)
          .textContent,
      ).toBe(`Đã thu hồi lúc ${formatDateTime(Date.UTC(2026, 11, 1, 3))}: Máy bị mất`),
    );
    // A revoked kiosk cannot be revoked again.
    expect(
      within(screen.getByRole('article', { name: 'Quầy 1' })).queryByRole('button', {
        name: 'Thu hồi máy này',
      }),
    ).toBeNull();

    const deskCard = screen.getByRole('article', { name: 'Quầy một cửa' });
    const cadre = within(deskCard).getByRole('checkbox', {
      name: 'Cho phép mã QR này phát phiếu cán bộ thôn',
    }) as HTMLInputElement;
    expect(cadre.checked).toBe(false);
    fireEvent.click(cadre);
    await vi.waitFor(() =>
      expect(
        (
          within(screen.getByRole('article', { name: 'Quầy một cửa' })).getByRole('checkbox', {
            name: 'Cho phép mã QR này phát phiếu cán bộ thôn',
          }) as HTMLInputElement
        ).checked,
      ).toBe(true),
    );
    expect(sent).toEqual([
      {
        method: 'POST',
        path: `/api/v1/kiosks/${kiosk.deviceId}/revocation`,
        body: { reason: 'Máy bị mất' },
      },
      {
        method: 'PUT',
        path: `/api/v1/desks/${desk.deviceId}/forms`,
        body: { forms: ['citizen', 'cadre'] },
      },
    ]);
    // Each change reloads the registry to its end (and no read is left in flight).
    await vi.waitFor(() => expect(setAsideReads).toBe(3));
  });

  it('asks the server for the period chosen and says which period it shows', async () => {
    const fetchMock = stubServer();
    await enter();
    await screen.findByRole('table', { name: 'Kết quả theo xã, phường' });
    const picker = screen.getByRole('combobox', { name: 'Chọn kỳ' });
    const choice = [...(picker as HTMLSelectElement).options].find((o) => o.value === 'year');
    fireEvent.change(picker, { target: { value: 'year' } });
    const year = vnDay(Date.now()).slice(0, 4); // the year in Vietnam, as the picker counts it
    await vi.waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        `/api/v1/communes?from=${year}-01-01&to=${year}-12-31`,
        expect.anything(),
      ),
    );
    expect(choice?.textContent).toContain(`01/01/${year} – 31/12/${year}`);
    expect(screen.getByText(/Đang xem:/).textContent).toContain(`01/01/${year} – 31/12/${year}`);
  });
});
