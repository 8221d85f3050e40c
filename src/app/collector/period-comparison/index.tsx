import { useState } from 'preact/hooks';
import type { CommuneFigures, ExactFigure } from '../../../core/commune-figures.ts';
import { formatPeriod } from '../../../core/period.ts';
import type { IsoDay, Period } from '../../../core/settings.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { BarChart } from '../../components/bar-chart/index.tsx';
import { PeriodPicker } from '../../components/period-picker/index.tsx';
import { TableBox } from '../../components/table-box/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import { MEAN_TICKS, meanText, meanValue, RATE_TICKS, rateText } from '../figures-format.ts';
import './style.css';

const periodText = (period: Period | null) => (period ? formatPeriod(period) : 'tất cả các ngày');

type Metric = (c: CommuneFigures | undefined) => ExactFigure | null | undefined;
const METRICS: { id: string; title: string; figure: Metric; rate: boolean }[] = [
  {
    id: 'citizen',
    title: 'Điểm trung bình phiếu người dân (đã xét duyệt, tối đa 10)',
    figure: (c) => c?.citizen.meanReviewed,
    rate: false,
  },
  {
    id: 'cadre',
    title: 'Điểm trung bình phiếu cán bộ thôn (đã xét duyệt, tối đa 10)',
    figure: (c) => c?.cadre.meanReviewed,
    rate: false,
  },
  {
    id: 'satisfaction',
    title: 'Tỷ lệ hài lòng của người dân (Tốt + Khá, đã xét duyệt)',
    figure: (c) => c?.citizen.satisfactionReviewed,
    rate: true,
  },
];

/**
 * The communes over the period on screen beside a second period the officer picks: the
 * reviewed means and the satisfaction rate as grouped bars, and every figure in a table.
 */
export function PeriodComparison({
  office,
  communes,
  period,
  today,
}: {
  office: OfficeServices;
  communes: CommuneFigures[];
  period: Period | null;
  today: IsoDay;
}) {
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState<
    { period: Period | null; communes: CommuneFigures[] } | undefined
  >(undefined);
  const [error, setError] = useState('');
  const pick = async (next: Period | null) => {
    setError('');
    try {
      setOther(await office.figures(next));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (!open)
    return (
      <button type="button" class="btn" onClick={() => setOpen(true)}>
        So sánh với kỳ khác
      </button>
    );
  const first = `Kỳ 1: ${periodText(period)}`;
  const second = other ? `Kỳ 2: ${periodText(other.period)}` : '';
  const byCode = new Map(other?.communes.map((c) => [c.communeCode, c]));
  const names = [
    ...communes.map((c) => ({ code: c.communeCode, name: c.communeName })),
    ...(other?.communes ?? [])
      .filter((c) => !communes.some((k) => k.communeCode === c.communeCode))
      .map((c) => ({ code: c.communeCode, name: c.communeName })),
  ];
  const current = new Map(communes.map((c) => [c.communeCode, c]));
  return (
    <section aria-labelledby="comparison-title" class="comparison">
      <h2 id="comparison-title">So sánh hai kỳ</h2>
      <PeriodPicker
        value={other?.period ?? null}
        today={today}
        label="Kỳ so sánh (kỳ 2)"
        choiceLabel="Chọn kỳ so sánh"
        onChange={(next) => void pick(next)}
      />
      <AlertText text={error} />
      {!other && <p>Chọn kỳ 2 để so sánh với kỳ đang xem ({periodText(period)}).</p>}
      {other && (
        <>
          <div class="comparison-charts">
            {METRICS.map((m) => {
              const values = (source: Map<string, CommuneFigures>) =>
                names.map((n) => m.figure(source.get(n.code)));
              const series = [
                { key: 'p1', label: first, figures: values(current) },
                { key: 'p2', label: second, figures: values(byCode) },
              ];
              return (
                <BarChart
                  key={m.id}
                  id={`comparison-${m.id}`}
                  caption={`${m.title}, ${first.toLowerCase()}; ${second.toLowerCase()}`}
                  categories={names.map((n) => n.name)}
                  series={series.map((s) => ({
                    key: s.key,
                    label: s.label,
                    values: s.figures.map(meanValue),
                    displays: s.figures.map(m.rate ? rateText : meanText),
                  }))}
                  max={m.rate ? 1 : 10}
                  ticks={m.rate ? RATE_TICKS : MEAN_TICKS}
                />
              );
            })}
          </div>
          <TableBox label="Bảng so sánh hai kỳ">
            <table>
              <caption>
                Số liệu so sánh theo xã, phường — {first}; {second}
              </caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    Xã, phường
                  </th>
                  {METRICS.map((m) => (
                    <th scope="colgroup" colSpan={2} key={m.id}>
                      {m.title}
                    </th>
                  ))}
                </tr>
                <tr>
                  {METRICS.flatMap((m) => [
                    <th scope="col" key={`${m.id}-1`}>
                      Kỳ 1
                    </th>,
                    <th scope="col" key={`${m.id}-2`}>
                      Kỳ 2
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {names.map((n) => (
                  <tr key={n.code}>
                    <th scope="row">{n.name}</th>
                    {METRICS.flatMap((m) => {
                      const text = m.rate ? rateText : meanText;
                      return [
                        <td class="num" key={`${m.id}-1`}>
                          {text(m.figure(current.get(n.code)))}
                        </td>,
                        <td class="num" key={`${m.id}-2`}>
                          {text(m.figure(byCode.get(n.code)))}
                        </td>,
                      ];
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
      <button type="button" class="btn" onClick={() => setOpen(false)}>
        Đóng phần so sánh
      </button>
    </section>
  );
}
