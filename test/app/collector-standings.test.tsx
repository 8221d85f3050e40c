import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfficeSettings } from '../../src/app/collector/office-settings/index.tsx';
import { StandingsScreen } from '../../src/app/collector/standings/index.tsx';
import { createOfficeServices } from '../../src/app/office-services.ts';
import { defaultStandingSettings } from '../../src/core/scoring/commune-standing.ts';
import { sectionBLeaves } from '../../src/core/scoring/section-b.ts';
import { cardOf, figuresOf, scorecard, standingsOf, stubCollector } from './office-fixtures.ts';

afterEach(() => vi.unstubAllGlobals());

const full = Object.fromEntries(
  sectionBLeaves(scorecard).map((leaf) => [leaf.id, { halfPoints: leaf.maxHalfPoints }]),
);
const standings = standingsOf([
  {
    // 31 citizen sheets of 9 or 10 points and 2 cadre sheets: Section A 18,5…, B 70.
    figures: figuresOf('10509', 'Phường Hải Tân', [...Array(30).fill(20), 18], [16, 18]),
    card: cardOf('10509', {
      appraisal: {
        ...full,
        '5.1': { halfPoints: 0, reason: 'Không thực hiện' },
        '4.1': { halfPoints: 4 },
      },
      lockedAt: Date.UTC(2026, 11, 28),
      lockedBy: 'quản trị cơ quan thu phiếu',
    }),
  },
  {
    figures: figuresOf('10507', 'Xã Tứ Kỳ', [20, 12, 12], [20]),
    card: cardOf('10507', {
      selfScore: { source: 'kiosk', submittedAt: 0, by: 'k', entries: full },
    }),
  },
  { figures: figuresOf('10511', 'Xã Nguyên Giáp', [20], []), card: null },
]);

function open() {
  const calls = stubCollector({
    'GET /api/v1/standings': () => ({ year: 2026, settings: defaultStandingSettings, standings }),
  });
  render(<StandingsScreen office={createOfficeServices()} today="2026-12-30" onPrint={() => {}} />);
  return calls;
}
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('standings of a year', () => {
  it('ranks the communes by their exact totals with A, B, the standing and whether it is locked', async () => {
    const calls = open();
    const table = await screen.findByRole('table', { name: 'Bảng xếp loại năm 2026' });
    expect(calls[0]?.url.search).toBe('?year=2026');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Xã Tứ KỳKỳ mục A: 23/11/2026 – 27/11/2026',
      'Phường Hải TânKỳ mục A: 23/11/2026 – 27/11/2026',
      'Xã Nguyên GiápKỳ mục A: 23/11/2026 – 27/11/2026',
    ]);
    const [tuKy, haiTan, nguyenGiap] = rows.map((r) => cells(r).slice(0, 6));
    // Tứ Kỳ: A 7,33 + 10 = 17,33, B 80 as self-scored: 97,33, provisional.
    expect(tuKy).toEqual([
      '1',
      '17,33',
      '80,000/48 mục đã thẩm định',
      '97,33',
      'Chuẩn Mức độ 4',
      'Tạm tính (chưa khóa)',
    ]);
    // Hải Tân: A 9,97 + 8,50 = 18,47, B 80 − 7 − 3 = 70: 88,47, locked.
    expect(haiTan).toEqual([
      '2',
      '18,47',
      '70,0048/48 mục đã thẩm định',
      '88,47',
      'Chuẩn Mức độ 2',
      'Đã khóa',
    ]);
    expect(nguyenGiap?.slice(0, 2)).toEqual(['—', '10,00chưa đủ']);
    expect(nguyenGiap?.[4]).toBe('Chưa xếp loại');
  });

  it('shows the citizens’ Tốt + Khá beside the target and how far each sample is from enough', async () => {
    open();
    const table = await screen.findByRole('table', { name: 'Bảng xếp loại năm 2026' });
    const [satisfaction, citizen, cadre] = cells(
      within(table).getByRole('row', { name: /Xã Tứ Kỳ/ }),
    ).slice(6);
    expect(satisfaction).toBe('33,3%chưa đạt mục tiêu 85,0%');
    expect(citizen).toContain('3/30 phiếuDưới mức tối thiểu: thiếu 27 phiếu');
    expect(citizen).toMatch(/Khoảng tin cậy 95 % của điểm TB: \d+,\d\d – 10,00/);
    expect(cadre).toBe(
      '1/10 phiếuDưới mức tối thiểu: thiếu 9 phiếuChưa tính được khoảng tin cậy (dưới 2 phiếu)',
    );
    const haiTan = cells(within(table).getByRole('row', { name: /Phường Hải Tân/ }));
    expect(haiTan[6]).toBe('100,0%đạt mục tiêu 85,0%');
    expect(haiTan[7]).not.toContain('Dưới mức tối thiểu');
  });
});

describe('the office’s settings', () => {
  it('saves the satisfaction target and the minimum sheets of each form', async () => {
    const calls = stubCollector({
      'GET /api/v1/settings/standing': () => defaultStandingSettings,
      'PUT /api/v1/settings/standing': (_url, body) => body,
      'GET /api/v1/settings/retention': () => ({ days: 365 }),
    });
    render(<OfficeSettings office={createOfficeServices()} />);
    const target = await screen.findByRole('textbox', {
      name: 'Mục tiêu tỷ lệ hài lòng (Tốt + Khá), %',
    });
    expect((target as HTMLInputElement).value).toBe('85');
    fireEvent.input(target, { target: { value: '87,5' } });
    fireEvent.input(
      screen.getByRole('spinbutton', { name: 'Số phiếu người dân tối thiểu mỗi xã' }),
      {
        target: { value: '100' },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Lưu mục tiêu và cỡ mẫu' }));
    await screen.findByText('Đã lưu mục tiêu và cỡ mẫu.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      satisfactionTarget: 0.875,
      minimumSheets: { citizen: 100, cadre: 10 },
    });
  });

  it('saves how many days the collector keeps personal data', async () => {
    const calls = stubCollector({
      'GET /api/v1/settings/standing': () => defaultStandingSettings,
      'GET /api/v1/settings/retention': () => ({ days: 365 }),
      'PUT /api/v1/settings/retention': (_url, body) => body,
    });
    render(<OfficeSettings office={createOfficeServices()} />);
    const days = await screen.findByRole('spinbutton', { name: 'Số ngày giữ dữ liệu cá nhân' });
    fireEvent.input(days, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thời hạn' }));
    await screen.findByText('Đã lưu thời hạn giữ dữ liệu cá nhân.');
    expect(
      calls.find((c) => c.url.pathname === '/api/v1/settings/retention' && c.method === 'PUT')
        ?.body,
    ).toEqual({
      days: 90,
    });
  });
});
