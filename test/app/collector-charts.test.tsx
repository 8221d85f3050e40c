import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommuneTrend } from '../../src/app/collector/commune-trend/index.tsx';
import { PeriodComparison } from '../../src/app/collector/period-comparison/index.tsx';
import { createOfficeServices } from '../../src/app/office-services.ts';
import { figuresOf, stubCollector } from './office-fixtures.ts';

afterEach(() => vi.unstubAllGlobals());

const week = { from: '2026-11-23', to: '2026-11-27' };
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('comparison of two periods', () => {
  it('puts each commune’s reviewed means and satisfaction of both periods side by side', async () => {
    const calls = stubCollector({
      'GET /api/v1/communes': () => ({
        period: { from: '2026-01-01', to: '2026-12-31' },
        communes: [figuresOf('10507', 'Xã Tứ Kỳ', [20, 16], [12])],
      }),
    });
    render(
      <PeriodComparison
        office={createOfficeServices()}
        communes={[figuresOf('10507', 'Xã Tứ Kỳ', [20, 20], [18, 18])]}
        period={week}
        today="2026-12-02"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'So sánh với kỳ khác' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Chọn kỳ so sánh' }), {
      target: { value: 'year' },
    });
    const table = await screen.findByRole('table', { name: /Số liệu so sánh theo xã, phường/ });
    expect(calls.at(-1)?.url.search).toBe('?from=2026-01-01&to=2026-12-31');
    expect(table.textContent).toContain('Kỳ 1: 23/11/2026 – 27/11/2026');
    expect(table.textContent).toContain('Kỳ 2: 01/01/2026 – 31/12/2026');
    // Citizen 10 → 9, cadre 9 → 6, citizen Tốt + Khá 100 % both times.
    expect(cells(within(table).getByRole('row', { name: /Xã Tứ Kỳ/ }))).toEqual([
      '10,00',
      '9,00',
      '9,00',
      '6,00',
      '100,0%',
      '100,0%',
    ]);
  });

  it('draws one grouped bar chart a figure, captioned with both periods and described in words', async () => {
    stubCollector({
      'GET /api/v1/communes': () => ({
        period: { from: '2026-01-01', to: '2026-12-31' },
        communes: [figuresOf('10507', 'Xã Tứ Kỳ', [10], [])],
      }),
    });
    render(
      <PeriodComparison
        office={createOfficeServices()}
        communes={[figuresOf('10507', 'Xã Tứ Kỳ', [20], [])]}
        period={week}
        today="2026-12-02"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'So sánh với kỳ khác' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Chọn kỳ so sánh' }), {
      target: { value: 'year' },
    });
    const chart = await screen.findByRole('img', {
      name: /Điểm trung bình phiếu người dân .*kỳ 1: 23\/11\/2026 – 27\/11\/2026; kỳ 2: 01\/01\/2026 – 31\/12\/2026/,
    });
    expect(chart.querySelector('desc')?.textContent).toBe(
      'Xã Tứ Kỳ: Kỳ 1: 23/11/2026 – 27/11/2026 10,00; Kỳ 2: 01/01/2026 – 31/12/2026 5,00.',
    );
    expect(chart.querySelectorAll('rect')).toHaveLength(2);
    expect(screen.getAllByRole('figure')).toHaveLength(3);
  });
});

describe('a commune month by month', () => {
  const months = [
    {
      period: { from: '2026-10-15', to: '2026-10-31' },
      figures: figuresOf('10507', 'Xã Tứ Kỳ', [20, 12], [16]),
    },
    {
      period: { from: '2026-11-01', to: '2026-11-30' },
      figures: figuresOf('10507', 'Xã Tứ Kỳ', [], []),
    },
    {
      period: { from: '2026-12-01', to: '2026-12-10' },
      figures: figuresOf('10507', 'Xã Tứ Kỳ', [18], [20]),
    },
  ];

  it('lists every month of the period with its sheets, reviewed means and satisfaction', async () => {
    const calls = stubCollector({ 'GET /api/v1/communes/10507/months': () => months });
    render(
      <CommuneTrend
        office={createOfficeServices()}
        communeCode="10507"
        period={{ from: '2026-10-15', to: '2026-12-10' }}
      />,
    );
    const table = await screen.findByRole('table', {
      name: 'Số liệu theo tháng, 15/10/2026 – 10/12/2026',
    });
    expect(calls[0]?.url.search).toBe('?from=2026-10-15&to=2026-12-10');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Tháng 10/2026 (15/10/2026 – 31/10/2026)',
      'Tháng 11/2026 (01/11/2026 – 30/11/2026)',
      'Tháng 12/2026 (01/12/2026 – 10/12/2026)',
    ]);
    expect(rows.map(cells)).toEqual([
      ['2', '8,00', '50,0%', '1', '8,00', '100,0%'],
      ['0', '—', '—', '0', '—', '—'],
      ['1', '9,00', '100,0%', '1', '10,00', '100,0%'],
    ]);
  });

  it('draws the means and the satisfaction as lines, broken where a month has no sheet', async () => {
    stubCollector({ 'GET /api/v1/communes/10507/months': () => months });
    render(
      <CommuneTrend
        office={createOfficeServices()}
        communeCode="10507"
        period={{ from: '2026-10-15', to: '2026-12-10' }}
      />,
    );
    const chart = await screen.findByRole('img', {
      name: 'Điểm trung bình theo tháng (đã xét duyệt, tối đa 10), 15/10/2026 – 10/12/2026',
    });
    expect(chart.querySelector('desc')?.textContent).toContain(
      'Tháng 11/2026 (01/11/2026 – 30/11/2026): Phiếu người dân —; Phiếu cán bộ thôn —.',
    );
    // Two points a series, no segment across the empty month.
    expect(chart.querySelectorAll('line.line-0')).toHaveLength(0);
    expect(chart.querySelectorAll('circle.marker')).toHaveLength(2);
    expect([...chart.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['T10', 'T11', 'T12']),
    );
    expect(screen.getByRole('img', { name: /Tỷ lệ hài lòng theo tháng/ })).toBeTruthy();
  });
});
