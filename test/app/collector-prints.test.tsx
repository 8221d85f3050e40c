import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrintScreen } from '../../src/app/collector/prints/index.tsx';
import { createOfficeServices } from '../../src/app/office-services.ts';
import { defaultStandingSettings } from '../../src/core/scoring/commune-standing.ts';
import { sectionBLeaves } from '../../src/core/scoring/section-b.ts';
import { cardOf, figuresOf, scorecard, standingsOf, stubCollector } from './office-fixtures.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const week = { from: '2026-11-23', to: '2026-11-27' };
const full = Object.fromEntries(
  sectionBLeaves(scorecard).map((leaf) => [leaf.id, { halfPoints: leaf.maxHalfPoints }]),
);
const tuKy = figuresOf('10507', 'Xã Tứ Kỳ', [20], [18, 18]);
const haiTan = figuresOf('10509', 'Phường Hải Tân', [8, 8, 8], []);
const nguyenGiap = figuresOf('10511', 'Xã Nguyên Giáp', [20, 20], [20]);
const cards = {
  '10507': cardOf('10507', { appraisal: full, lockedAt: 1, lockedBy: 'quản trị' }),
  '10509': cardOf('10509', {
    selfScore: { source: 'kiosk', submittedAt: 0, by: 'k', entries: full },
  }),
  '10511': cardOf('10511', {
    appraisal: full,
    disqualification: { id: 'ky-luat-khien-trach', reason: 'Quyết định kỷ luật số 5/QĐ' },
  }),
};
const standings = standingsOf([
  { figures: tuKy, card: cards['10507'] },
  { figures: haiTan, card: cards['10509'] },
  { figures: nguyenGiap, card: cards['10511'] },
]);

function collector() {
  return stubCollector({
    'GET /api/v1/standings': () => ({ year: 2026, settings: defaultStandingSettings, standings }),
    'GET /api/v1/scorecards/10507/2026': () => ({
      scorecard: {
        ...cards['10507'],
        selfScore: {
          source: 'office',
          submittedAt: 0,
          by: 'q',
          entries: { ...full, '5.1': { halfPoints: 14, note: '' } },
        },
        appraisal: { ...full, '5.1': { halfPoints: 6, reason: 'Thiếu hồ sơ' } },
      },
      standing: standings[0],
      events: [],
    }),
    'GET /api/v1/communes': () => ({ period: week, communes: [tuKy] }),
    'GET /api/v1/reports/summary.xlsx': () => ({}),
  });
}

function print(request: Parameters<typeof PrintScreen>[0]['request']) {
  render(
    <PrintScreen
      request={request}
      office={createOfficeServices()}
      communes={[tuKy, haiTan, nguyenGiap]}
      period={week}
      online
      onClose={() => {}}
    />,
  );
}
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('the Bảng tổng hợp on A4', () => {
  it('has the issuer on two lines, the number, the motto, the title and the period', async () => {
    collector();
    print({ kind: 'summary' });
    fireEvent.input(screen.getByRole('textbox', { name: 'Cơ quan cấp trên (dòng 1)' }), {
      target: { value: 'UBND TỈNH HẢI PHÒNG' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Số văn bản (sau “Số:”)' }), {
      target: { value: '12/BC-SNV' },
    });
    const doc = screen.getByRole('article', { name: 'Bảng tổng hợp kết quả khảo sát' });
    const issuer = [...doc.querySelectorAll('.a4-issuer p')].map((p) => p.textContent);
    expect(issuer).toEqual(['UBND TỈNH HẢI PHÒNG', 'SỞ NỘI VỤ', 'Số: 12/BC-SNV']);
    expect(within(doc).getByText('Độc lập - Tự do - Hạnh phúc')).toBeTruthy();
    expect(within(doc).getByText('Kỳ khảo sát: 23/11/2026 – 27/11/2026')).toBeTruthy();
    expect(document.title).toBe('bang-tong-hop-2026-11-23_2026-11-27');
  });

  it('lists each commune with reviewed means, A, B, total, Mức độ and Tốt + Khá in aligned decimals', async () => {
    collector();
    print({ kind: 'summary' });
    const doc = screen.getByRole('article', { name: 'Bảng tổng hợp kết quả khảo sát' });
    // Section B arrives with the year's standings.
    await vi.waitFor(() =>
      expect(cells(within(doc).getByRole('row', { name: /Xã Tứ Kỳ/ }))).toEqual([
        '1',
        '1',
        '10,00',
        '2',
        '9,00',
        '19,00',
        '80,00',
        '99,00',
        'Chuẩn Mức độ 4',
        '100,0%',
      ]),
    );
    expect(cells(within(doc).getByRole('row', { name: /Phường Hải Tân/ }))).toEqual([
      '2',
      '3',
      '4,00',
      '0',
      '—',
      'chưa đủ',
      '80,00',
      '—',
      '—',
      '0,0%',
    ]);
    expect(cells(within(doc).getByRole('row', { name: /Xã Nguyên Giáp/ })).slice(8, 10)).toEqual([
      'Không đạt chuẩn (tạm tính)',
      '100,0%',
    ]);
  });

  it('ends with a totals row over all sheets, the note and the signatures, kept together', () => {
    collector();
    print({ kind: 'summary' });
    const total = screen.getByRole('row', { name: /^Tổng cộng 6/ });
    // 6 citizen sheets: (10 + 3 × 4 + 2 × 10) / 6 = 7, not the mean of the means (8).
    expect(cells(total)).toEqual(['', '6', '7,00', '3', '9,33', '', '', '', '', '50,0%']);
    const kept = total.closest('.a4-keep');
    expect(kept?.textContent).toContain('Người lập bảng');
    expect(kept?.textContent).toContain('Thủ trưởng cơ quan');
    expect(kept?.textContent).toContain('không lấy trung bình của các xã');
    // The last two communes, the totals, then the note and signatures: one row group.
    expect(kept?.tagName).toBe('TBODY');
    expect(within(kept as HTMLElement).getAllByRole('row')).toHaveLength(4);
  });

  it('downloads the XLSX beside it, named after the period, with the number and issuer', async () => {
    const calls = collector();
    URL.createObjectURL = vi.fn(() => 'blob:x');
    print({ kind: 'summary' });
    fireEvent.input(screen.getByRole('textbox', { name: 'Số văn bản (sau “Số:”)' }), {
      target: { value: '12/BC-SNV' },
    });
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Tải bảng Excel (bang-tong-hop-2026-11-23_2026-11-27.xlsx)',
      }),
    );
    await vi.waitFor(() =>
      expect(calls.find((c) => c.url.pathname === '/api/v1/reports/summary.xlsx')).toBeTruthy(),
    );
    const asked = calls.find((c) => c.url.pathname === '/api/v1/reports/summary.xlsx')?.url;
    expect(Object.fromEntries(asked?.searchParams ?? [])).toEqual({
      from: '2026-11-23',
      to: '2026-11-27',
      number: '12/BC-SNV',
      issuer: 'UBND TỈNH ……\nSỞ NỘI VỤ',
    });
  });
});

describe('the Bảng thang chấm điểm of one commune', () => {
  it('lays the seed’s columns out with Tự chấm and Thẩm định, the totals and the chairman’s block', async () => {
    collector();
    print({ kind: 'scorecard', communeCode: '10507', year: 2026 });
    const doc = await screen.findByRole('article', {
      name: 'Bảng thang chấm điểm Xã Tứ Kỳ năm 2026',
    });
    expect([...doc.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'TT',
      'Nội dung tiêu chí',
      'Điểm chuẩn',
      'Điểm thực hiện',
      'Tự chấm',
      'Thẩm định',
    ]);
    const rows = [...doc.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows[0]).toEqual(['', 'TỔNG ĐIỂM CHUẨN (A + B)', '100', '', '95,00']);
    expect(rows[3]).toEqual([
      'B',
      'ỦY BAN NHÂN DÂN CẤP XÃ TỰ CHẤM ĐIỂM, CẤP HUYỆN THẨM ĐỊNH THEO CÁC TIÊU CHÍ (Từ tiêu chí 1 đến tiêu chí 5)',
      '80',
      '80',
      '76',
    ]);
    expect(rows[5]).toEqual(['1', expect.stringMatching(/^Tổ chức tuyên truyền/), '2', '2', '2']);
    expect(rows[6]).toEqual(['', '- Trên hệ thống truyền thanh ở cơ sở', '1', '1', '1']);
    expect(rows.at(-2)).toEqual([
      '1',
      expect.stringMatching(/^Thực hiện việc tiếp nhận/),
      '7',
      '7',
      '3',
    ]);
    const kept = doc.querySelector('.a4-keep');
    expect(kept?.textContent).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(kept?.textContent).toContain('CHỦ TỊCH');
    expect(kept?.textContent).toContain('Mức độ: Chuẩn Mức độ 4.');
    expect([...doc.querySelectorAll('.a4-issuer p')].map((p) => p.textContent)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'Xã Tứ Kỳ',
      'Số: ……/BC-……',
    ]);
  });
});

describe('the list for the January decision', () => {
  it('groups the communes by standing, highest first, and says why one is Không đạt chuẩn', async () => {
    collector();
    print({ kind: 'standings', year: 2026 });
    const doc = await screen.findByRole('article', { name: 'Danh sách xếp loại năm 2026' });
    expect(
      within(doc)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual([
      'I. Chuẩn Mức độ 4 (1 xã, phường)',
      'II. Không đạt chuẩn (1 xã, phường)',
      'III. Chưa xếp loại (chưa đủ phiếu của cả hai mẫu trong kỳ tính mục A) (1 xã, phường)',
    ]);
    const disqualified = cells(within(doc).getByRole('row', { name: /Xã Nguyên Giáp/ }));
    expect(disqualified[0]).toBe('2');
    expect(disqualified[2]).toContain('kỷ luật từ khiển trách trở lên');
    expect(disqualified[2]).toContain('Quyết định kỷ luật số 5/QĐ');
    expect(disqualified[2]).toContain('Tạm tính');
    expect(doc.querySelector('.a4-keep')?.textContent).toContain('Thủ trưởng cơ quan');
  });
});
