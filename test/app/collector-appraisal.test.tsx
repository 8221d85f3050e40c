import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppraisalScreen } from '../../src/app/collector/appraisal/index.tsx';
import { createOfficeServices } from '../../src/app/office-services.ts';
import type { CommuneScorecard, ScorecardEvent } from '../../src/core/appraisal.ts';
import { sectionBLeaves } from '../../src/core/scoring/section-b.ts';
import { cardOf, figuresOf, scorecard, standingsOf, stubCollector } from './office-fixtures.ts';

afterEach(() => vi.unstubAllGlobals());

const TU_KY = { communeCode: '10507', communeName: 'Xã Tứ Kỳ' };
/** Citizen mean 10, cadre mean 9: Section A 19. */
const figures = figuresOf('10507', 'Xã Tứ Kỳ', [20, 20], [18, 18]);
/** Every leaf at its maximum: Section B 80. */
const full = () =>
  Object.fromEntries(
    sectionBLeaves(scorecard).map((leaf) => [leaf.id, { halfPoints: leaf.maxHalfPoints }]),
  );
/** The commune gives itself every leaf's maximum: Section B 80. */
const fullSelfScore = Object.fromEntries(
  sectionBLeaves(scorecard).map((leaf) => [leaf.id, { halfPoints: leaf.maxHalfPoints }]),
);

/** A collector holding one commune's record; PUTs and POSTs change it as the server does. */
function collectorWith(initial: CommuneScorecard, events: ScorecardEvent[] = []) {
  let card = initial;
  const view = () => ({
    scorecard: card,
    standing: standingsOf([{ figures, card }])[0] ?? null,
    events,
  });
  const calls = stubCollector({
    'GET /api/v1/scorecards/10507/2026': view,
    'GET /api/v1/communes': () => ({ period: card.period, communes: [figures] }),
    'PUT /api/v1/scorecards/10507/2026/appraisal': (_url, body) => {
      const { entries } = body as { entries: CommuneScorecard['appraisal'] };
      card = { ...card, appraisal: { ...card.appraisal, ...entries } };
      return view();
    },
    'PUT /api/v1/scorecards/10507/2026/self-score': (_url, body) => {
      const { entries } = body as { entries: Record<string, { halfPoints: number }> };
      card = { ...card, selfScore: { source: 'office', submittedAt: 0, by: 'quản trị', entries } };
      return view();
    },
    'PUT /api/v1/scorecards/10507/2026/disqualification': (_url, body) => {
      const { id, reason } = body as { id: string | null; reason: string };
      card = { ...card, disqualification: id === null ? null : { id, reason } };
      return view();
    },
    'PUT /api/v1/scorecards/10507/2026/period': (_url, body) => {
      card = { ...card, period: body as CommuneScorecard['period'] };
      return view();
    },
    'POST /api/v1/scorecards/10507/2026/lock': () => {
      card = {
        ...card,
        lockedAt: Date.UTC(2026, 11, 20, 3),
        lockedBy: 'quản trị cơ quan thu phiếu',
      };
      return view();
    },
    'POST /api/v1/scorecards/10507/2026/unlock': () => {
      card = { ...card, lockedAt: null, lockedBy: null };
      return view();
    },
  });
  return calls;
}

async function open() {
  render(
    <AppraisalScreen
      office={createOfficeServices()}
      communes={[TU_KY]}
      today="2026-12-20"
      onPrint={() => {}}
    />,
  );
  return screen.findByRole('table', { name: 'Bảng thang chấm điểm — Xã Tứ Kỳ, năm 2026' });
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByRole('textbox', { name: label }), { target: { value } });
const rowOf = (table: HTMLElement, text: RegExp) => within(table).getByRole('row', { name: text });
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('appraisal of Section B', () => {
  it('refuses an appraisal that differs from the self-score without a reason, before sending', async () => {
    const calls = collectorWith(
      cardOf('10507', {
        selfScore: {
          source: 'kiosk',
          submittedAt: 0,
          by: '3f2a9c0d1e4b5a68',
          entries: fullSelfScore,
        },
      }),
    );
    await open();
    type('Thẩm định mục 1.1.1', '0,5');
    const reason = screen.getByRole('textbox', { name: 'Lý do mục 1.1.1' });
    expect(reason.getAttribute('aria-required')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm thẩm định' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Điểm thẩm định khác điểm xã tự chấm: vui lòng ghi lý do cho từng mục khác. Không có gì được lưu. (mã 400.23)',
    );
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('sends only the leaves that changed, each with its reason', async () => {
    const calls = collectorWith(
      cardOf('10507', {
        selfScore: {
          source: 'kiosk',
          submittedAt: 0,
          by: '3f2a9c0d1e4b5a68',
          entries: fullSelfScore,
        },
      }),
    );
    await open();
    type('Thẩm định mục 1.1.1', '0,5');
    type('Lý do mục 1.1.1', 'Không có biên bản truyền thanh');
    type('Thẩm định mục 1.1.2', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm thẩm định' }));
    expect((await screen.findByText('Đã lưu điểm thẩm định.')).getAttribute('role')).toBe('status');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      entries: {
        '1.1.1': { halfPoints: 1, reason: 'Không có biên bản truyền thanh' },
        '1.1.2': { halfPoints: 2 },
      },
    });
  });

  it('totals each criterion, Section B and the 100 points as typed, with the standing it reaches', async () => {
    collectorWith(
      cardOf('10507', {
        selfScore: {
          source: 'kiosk',
          submittedAt: 0,
          by: '3f2a9c0d1e4b5a68',
          entries: fullSelfScore,
        },
      }),
    );
    const table = await open();
    // Self-score 80 and Section A 19: 99, Mức độ 4.
    expect(cells(rowOf(table, /^TỔNG ĐIỂM CHUẨN/))).toEqual(['', '100', '—', '99,00', '']);
    expect(cells(rowOf(table, /CÁN BỘ KHÔNG CHUYÊN TRÁCH/))).toEqual(['', '10', '—', '9,00', '']);
    expect(screen.getByText(/Tổng điểm:/).textContent).toContain('Chuẩn Mức độ 4');
    // Tiêu chí 5 appraised at 2 of its 7 points: B 75, total 94, Mức độ 3.
    type('Thẩm định mục 5.1', '2');
    type('Lý do mục 5.1', 'Chỉ có 2 hồ sơ trả tại nhà');
    expect(cells(rowOf(table, /TIÊU CHÍ 5:/)).slice(0, 4)).toEqual(['V', '7', '7', '2']);
    expect(cells(rowOf(table, /ỦY BAN NHÂN DÂN CẤP XÃ TỰ CHẤM/)).slice(0, 4)).toEqual([
      'B',
      '80',
      '80',
      '75',
    ]);
    expect(cells(rowOf(table, /^TỔNG ĐIỂM CHUẨN/))[3]).toBe('94,00');
    expect(cells(rowOf(table, /NGƯỜI DÂN ĐẾN LÀM THỦ TỤC/)).slice(0, 4)).toEqual([
      'A',
      '10',
      '—',
      '10,00',
    ]);
    expect(screen.getByText(/Tổng điểm:/).textContent).toBe(
      'Tổng điểm: 94,00 (A 19,00 + B 75,00) — Chuẩn Mức độ 3 (tạm tính, chưa khóa; có điểm chưa lưu)',
    );
  });

  it('says Section A is not enough while a form has no sheet of the period', async () => {
    stubCollector({
      'GET /api/v1/scorecards/10507/2026': () => ({
        scorecard: cardOf('10507'),
        standing: null,
        events: [],
      }),
      'GET /api/v1/communes': () => ({
        period: null,
        communes: [figuresOf('10507', 'Xã Tứ Kỳ', [20], [])],
      }),
    });
    const table = await open();
    expect(cells(rowOf(table, /CÁN BỘ KHÔNG CHUYÊN TRÁCH/))[3]).toBe('chưa đủ (chưa có phiếu)');
    expect(cells(rowOf(table, /^TỔNG ĐIỂM CHUẨN/))[3]).toBe('chưa đủ');
  });

  it('refuses points that are not a 0,5 step within the row’s Điểm chuẩn, naming the row', async () => {
    const calls = collectorWith(cardOf('10507'));
    await open();
    type('Thẩm định mục 1.1.1', '1,25');
    const input = screen.getByRole('textbox', { name: 'Thẩm định mục 1.1.1' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Điểm phải từ 0 đến 1, theo bước 0,5.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm thẩm định' }));
    expect((await screen.findByRole('alert')).textContent).toContain('(mã 400.22)');
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('locks after a confirmation, then shows the table without inputs and asks a reason to unlock', async () => {
    const calls = collectorWith(cardOf('10507', { appraisal: { '5.1': { halfPoints: 14 } } }));
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Khóa kết quả thẩm định' }));
    const dialog = screen.getByRole('alertdialog', {
      name: 'Khóa kết quả thẩm định của Xã Tứ Kỳ, năm 2026?',
    });
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Khóa' }));
    expect((await screen.findByText(/^Đã khóa lúc/)).textContent).toContain(
      'quản trị cơ quan thu phiếu',
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual([
      '/api/v1/scorecards/10507/2026/lock',
    ]);
    expect(screen.queryByRole('textbox', { name: 'Thẩm định mục 5.1' })).toBeNull();
    expect(screen.getByText(/Tổng điểm:/).textContent).toContain('(đã khóa)');
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
    expect(screen.getByText('Cần ghi lý do mở khóa.')).toBeTruthy();
    expect(calls.filter((c) => c.url.pathname.endsWith('/unlock'))).toEqual([]);
    fireEvent.input(screen.getByRole('textbox', { name: 'Lý do mở khóa (bắt buộc)' }), {
      target: { value: 'Xã bổ sung hồ sơ tiêu chí 5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Mở khóa' }));
    await screen.findByRole('textbox', { name: 'Thẩm định mục 5.1' });
    expect(calls.find((c) => c.url.pathname.endsWith('/unlock'))?.body).toEqual({
      reason: 'Xã bổ sung hồ sơ tiêu chí 5',
    });
  });

  it('types the commune’s self-score from its paper report, with its notes', async () => {
    const calls = collectorWith(cardOf('10507'));
    await open();
    fireEvent.click(
      screen.getByRole('button', { name: 'Nhập điểm tự chấm theo báo cáo giấy của xã (Bước 1)' }),
    );
    type('Tự chấm mục 1.1.1', '1');
    type('Ghi chú của xã mục 1.1.1', 'Loa truyền thanh 3 thôn');
    type('Tự chấm mục 4.2.1', '0,5');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điểm tự chấm' }));
    await screen.findByText('Đã lưu điểm tự chấm theo báo cáo của xã.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      entries: {
        '1.1.1': { halfPoints: 2, note: 'Loa truyền thanh 3 thôn' },
        '4.2.1': { halfPoints: 1 },
      },
    });
  });

  it('lists the history: who, when, before → after, why', async () => {
    collectorWith(cardOf('10507'), [
      {
        at: Date.UTC(2026, 11, 18, 2),
        by: 'quản trị cơ quan thu phiếu',
        field: 'appraisal',
        leafId: '1.1.1',
        before: '{"halfPoints":2}',
        after: '{"halfPoints":1,"reason":"Thiếu biên bản"}',
        reason: 'Thiếu biên bản',
      },
    ]);
    await open();
    const history = screen.getByRole('table', { name: 'Lịch sử thay đổi' });
    expect(cells(within(history).getAllByRole('row')[1] as HTMLElement)).toEqual([
      '09:00 18/12/2026',
      'quản trị cơ quan thu phiếu',
      'Điểm thẩm định mục 1.1.1 (Trên hệ thống truyền thanh ở cơ sở)',
      '1 → 0,5',
      'Thiếu biên bản',
    ]);
  });

  it('records a disqualifying event only with a reason, and the commune is then Không đạt chuẩn', async () => {
    const calls = collectorWith(cardOf('10507', { appraisal: full() }));
    await open();
    expect(screen.getByText(/Tổng điểm:/).textContent).toContain('Chuẩn Mức độ 4');
    fireEvent.click(screen.getByRole('radio', { name: /kỷ luật từ khiển trách trở lên/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu trường hợp không xét đánh giá' }));
    expect(screen.getByText('Cần ghi lý do, căn cứ của trường hợp đã chọn.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
    fireEvent.input(screen.getByRole('textbox', { name: 'Lý do, căn cứ (bắt buộc)' }), {
      target: { value: 'Quyết định kỷ luật số 5/QĐ-UBND' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu trường hợp không xét đánh giá' }));
    await screen.findByText('Đã lưu trường hợp không xét đánh giá.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      id: 'ky-luat-khien-trach',
      reason: 'Quyết định kỷ luật số 5/QĐ-UBND',
    });
    expect(screen.getByText(/Tổng điểm:/).textContent).toContain('Không đạt chuẩn');
  });

  it('changes the Section A period, from the survey week to the other reading or any range', async () => {
    const calls = collectorWith(cardOf('10507'));
    await open();
    expect(screen.getByText('Kỳ tính điểm mục A: 23/11/2026 – 27/11/2026')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kỳ khác' }), {
      target: { value: 'last-five-working-days' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Đổi kỳ mục A' }));
    await screen.findByText('Kỳ tính điểm mục A: 24/11/2026 – 30/11/2026');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      from: '2026-11-24',
      to: '2026-11-30',
    });
    // The figures of Section A are read again for the new period.
    expect(calls.filter((c) => c.url.pathname === '/api/v1/communes').at(-1)?.url.search).toBe(
      '?from=2026-11-24&to=2026-11-30',
    );
  });
});
