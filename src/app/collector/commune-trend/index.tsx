import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '../../../core/format.ts';
import { formatPeriod } from '../../../core/period.ts';
import type { Period } from '../../../core/settings.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { LineChart } from '../../components/line-chart/index.tsx';
import { TableBox } from '../../components/table-box/index.tsx';
import type { MonthFigures, OfficeServices } from '../../office-services.ts';
import { MEAN_TICKS, meanText, meanValue, RATE_TICKS, rateText } from '../figures-format.ts';

/** "11/2026" of a month's period. */
const monthOf = (p: Period) => {
  const [y, m] = p.from.split('-');
  return { year: y ?? '', month: String(Number(m)) };
};

/**
 * A commune month by month over the period on screen (the year, when every day is shown):
 * the citizens' and cadres' reviewed means and satisfaction rates as lines, and in a table.
 */
export function CommuneTrend({
  office,
  communeCode,
  period,
}: {
  office: OfficeServices;
  communeCode: string;
  period: Period;
}) {
  const [months, setMonths] = useState<MonthFigures[] | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    setMonths(undefined);
    office.months(communeCode, period).then(setMonths, (e: Error) => setError(e.message));
  }, [office, communeCode, period.from, period.to]);
  const span = formatPeriod(period);
  if (error) return <AlertText text={error} />;
  if (!months) return <p>Đang tải số liệu theo tháng…</p>;
  const years = new Set(months.map((m) => monthOf(m.period).year));
  const points = months.map((m) => {
    const { year, month } = monthOf(m.period);
    return {
      short: years.size > 1 ? `${month}/${year.slice(2)}` : `T${month}`,
      long: `Tháng ${month}/${year} (${formatPeriod(m.period)})`,
    };
  });
  const line = (
    key: string,
    label: string,
    pick: (m: MonthFigures) => Parameters<typeof meanText>[0],
    rate: boolean,
  ) => {
    const figures = months.map(pick);
    return {
      key,
      label,
      values: figures.map(meanValue),
      displays: figures.map(rate ? rateText : meanText),
    };
  };
  return (
    <section aria-labelledby="trend-title">
      <h3 id="trend-title">Theo từng tháng, {span}</h3>
      <div class="comparison-charts">
        <LineChart
          id={`trend-mean-${communeCode}`}
          caption={`Điểm trung bình theo tháng (đã xét duyệt, tối đa 10), ${span}`}
          points={points}
          series={[
            line('citizen', 'Phiếu người dân', (m) => m.figures.citizen.meanReviewed, false),
            line('cadre', 'Phiếu cán bộ thôn', (m) => m.figures.cadre.meanReviewed, false),
          ]}
          max={10}
          ticks={MEAN_TICKS}
        />
        <LineChart
          id={`trend-rate-${communeCode}`}
          caption={`Tỷ lệ hài lòng theo tháng (Tốt + Khá, đã xét duyệt), ${span}`}
          points={points}
          series={[
            line('citizen', 'Người dân', (m) => m.figures.citizen.satisfactionReviewed, true),
            line('cadre', 'Cán bộ thôn', (m) => m.figures.cadre.satisfactionReviewed, true),
          ]}
          max={1}
          ticks={RATE_TICKS}
        />
      </div>
      <TableBox label="Bảng số liệu theo tháng">
        <table>
          <caption>Số liệu theo tháng, {span}</caption>
          <thead>
            <tr>
              <th scope="col">Tháng</th>
              <th scope="col">Phiếu người dân</th>
              <th scope="col">Điểm TB người dân</th>
              <th scope="col">Tỷ lệ hài lòng người dân</th>
              <th scope="col">Phiếu cán bộ thôn</th>
              <th scope="col">Điểm TB cán bộ thôn</th>
              <th scope="col">Tỷ lệ hài lòng cán bộ thôn</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m, i) => {
              const { citizen, cadre } = m.figures;
              return (
                <tr key={m.period.from}>
                  <th scope="row">{points[i]?.long}</th>
                  <td class="num">{formatCount(citizen.sheets - citizen.excluded)}</td>
                  <td class="num">{meanText(citizen.meanReviewed)}</td>
                  <td class="num">{rateText(citizen.satisfactionReviewed)}</td>
                  <td class="num">{formatCount(cadre.sheets - cadre.excluded)}</td>
                  <td class="num">{meanText(cadre.meanReviewed)}</td>
                  <td class="num">{rateText(cadre.satisfactionReviewed)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}
