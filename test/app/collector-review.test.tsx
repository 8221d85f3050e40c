import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommuneComments } from '../../src/app/collector/commune-comments/index.tsx';
import { CommuneDetail } from '../../src/app/collector/commune-detail/index.tsx';
import { FlaggedSheets } from '../../src/app/collector/flagged-sheets/index.tsx';
import { createOfficeServices } from '../../src/app/office-services.ts';
import type { Comment, FlaggedSheet } from '../../src/core/api.ts';
import { figuresOf, stubCollector } from './office-fixtures.ts';

afterEach(() => vi.unstubAllGlobals());

const week = { from: '2026-11-23', to: '2026-11-27' };
const commune = figuresOf('10507', 'Xã Tứ Kỳ', [20, 4, 8], [20], { excludedCitizen: 1 });
const comment: Comment = {
  channel: 'kiosk',
  deviceId: '3f2a9c0d1e4b5a68',
  seq: 12,
  formId: 'citizen',
  createdAt: Date.UTC(2026, 10, 24, 2, 30),
  reasons: { '2': 'Bảng niêm yết bị che khuất', '4': 'Chờ lâu' },
  suggestion: 'Nên có thêm ghế chờ',
  respondent: null,
};

describe('what respondents wrote', () => {
  it('lists the reasons by the question’s topic and the suggestions, without names', async () => {
    const calls = stubCollector({ 'GET /api/v1/comments': () => [comment] });
    render(<CommuneComments office={createOfficeServices()} commune={commune} period={week} />);
    const item = await screen.findByRole('listitem');
    expect(calls[0]?.url.search).toBe('?commune=10507&from=2026-11-23&to=2026-11-27');
    expect([...item.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Người dân · 09:30 24/11/2026 · máy 3f2a9c0d1e4b5a68, phiếu số 12',
      'Câu 2 (Niêm yết công khai các thủ tục hành chính): Bảng niêm yết bị che khuất',
      'Câu 4 (Thái độ giao tiếp, công tác tiếp nhận của cán bộ, công chức cấp xã): Chờ lâu',
      'Góp ý: Nên có thêm ghế chờ',
    ]);
    expect(screen.getByRole('heading', { name: 'Ý kiến người trả lời, 23/11/2026 – 27/11/2026' }));
  });

  it('asks for names and addresses only on an explicit action, saying the reading is logged', async () => {
    const calls = stubCollector({
      'GET /api/v1/comments': (url) => [
        url.searchParams.get('respondents') === '1'
          ? { ...comment, respondent: { name: 'Nguyễn Văn An', address: 'Thôn Đông' } }
          : comment,
      ],
    });
    render(<CommuneComments office={createOfficeServices()} commune={commune} period={week} />);
    await screen.findByRole('listitem');
    expect(screen.queryByText(/Nguyễn Văn An/)).toBeNull();
    expect(screen.getByText(/mỗi lần xem được ghi vào nhật ký/)).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Hiện họ tên, địa chỉ (dữ liệu cá nhân, có ghi nhật ký)',
      }),
    );
    expect((await screen.findByText(/Nguyễn Văn An/)).textContent).toBe(
      'Người trả lời: Nguyễn Văn An — Thôn Đông',
    );
    expect(calls.map((c) => c.url.searchParams.get('respondents'))).toEqual([null, '1']);
  });
});

const flagged: FlaggedSheet = {
  channel: 'kiosk',
  deviceId: '3f2a9c0d1e4b5a68',
  seq: 12,
  formId: 'citizen',
  createdAt: Date.UTC(2026, 10, 24, 2, 30),
  reasons: [{ flag: 'quick-repeat', value: 8, limit: 20 }],
  review: null,
};

describe('the flagged sheets and the office’s decision', () => {
  function collector() {
    let row = flagged;
    return stubCollector({
      'GET /api/v1/flagged': () => [row],
      'PUT /api/v1/sheets/kiosk/3f2a9c0d1e4b5a68/12/review': (_url, body) => {
        row = {
          ...row,
          review: {
            ...(body as { decision: 'excluded'; reason: string }),
            by: 'quản trị cơ quan thu phiếu',
            at: Date.UTC(2026, 11, 1, 2),
          },
        };
        return { status: 'reviewed' };
      },
    });
  }

  it('sets a sheet aside with a reason, then shows the decision and refreshes the figures', async () => {
    const calls = collector();
    const reviewed = vi.fn();
    render(
      <FlaggedSheets office={createOfficeServices()} communeCode="10507" onReviewed={reviewed} />,
    );
    const card = await screen.findByRole('article', {
      name: 'Máy 3f2a9c0d1e4b5a68, phiếu số 12, gửi lúc 09:30 24/11/2026',
    });
    expect(card.textContent).toContain(
      'Gửi 8 giây sau phiếu trước trên cùng máy (ngưỡng 20 giây).',
    );
    expect(card.textContent).toContain('Chưa xét: phiếu đang được tính.');
    fireEvent.click(within(card).getByRole('radio', { name: 'Để riêng, không tính' }));
    fireEvent.input(within(card).getByRole('textbox', { name: 'Lý do (bắt buộc)' }), {
      target: { value: 'Cùng một người bấm liên tiếp' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Lưu quyết định' }));
    expect(
      await screen.findByText(
        'Quyết định: Để riêng, không tính — Cùng một người bấm liên tiếp (quản trị cơ quan thu phiếu, 09:00 01/12/2026)',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      decision: 'excluded',
      reason: 'Cùng một người bấm liên tiếp',
    });
    expect(reviewed).toHaveBeenCalledTimes(1);
  });

  it('asks for a reason before sending a decision', async () => {
    const calls = collector();
    render(<FlaggedSheets office={createOfficeServices()} communeCode="10507" />);
    const card = await screen.findByRole('article');
    fireEvent.click(within(card).getByRole('button', { name: 'Lưu quyết định' }));
    expect(within(card).getByText('Cần ghi lý do cho quyết định.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });
});

describe('a commune’s figures', () => {
  it('shows raw figures beside reviewed ones, without the sheets set aside, for the period', () => {
    render(<CommuneDetail commune={commune} period={week} onClose={() => {}} />);
    expect(screen.getByText(/Kỳ số liệu:/).textContent).toBe('Kỳ số liệu: 23/11/2026 – 27/11/2026');
    const table = screen.getByRole('table', {
      name: 'Số liệu thô và đã xét duyệt, Phiếu người dân',
    });
    const row = (name: string) =>
      within(within(table).getByRole('row', { name: new RegExp(name) }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // Sheets of 10, 2 and 4 points; the first one set aside.
    expect(row('Số phiếu')).toEqual(['3', '3', '2']);
    expect(row('Điểm trung bình')).toEqual(['5,33', '5,33', '3,00']);
    expect(row('Tỷ lệ hài lòng')).toEqual(['33,3%', '—', '0,0%']);
  });

  it('names each question by its topic', () => {
    render(<CommuneDetail commune={commune} period={week} onClose={() => {}} />);
    const chart = screen.getByRole('table', {
      name: 'Câu trả lời theo từng câu hỏi, Phiếu người dân',
    });
    expect(
      within(chart)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Câu 1. Tuyên truyền về các chủ trương, đường lối',
      'Câu 2. Niêm yết công khai các thủ tục hành chính',
      'Câu 3. Tìm hiểu thông tin để giải quyết thủ tục hành chính',
      'Câu 4. Thái độ giao tiếp, công tác tiếp nhận của cán bộ, công chức cấp xã',
      'Câu 5. Đạo đức công vụ, tác phong lễ lối và thái độ ứng xử',
    ]);
  });
});
