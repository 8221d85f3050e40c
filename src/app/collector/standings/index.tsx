import { useEffect, useState } from 'preact/hooks';
import type { StandingsResponse } from '../../../core/api.ts';
import { formatCount, formatPercent } from '../../../core/format.ts';
import { formatPeriod } from '../../../core/period.ts';
import { appraisalYearOf } from '../../../core/scorecard-table.ts';
import type { CommuneStanding } from '../../../core/scoring/commune-standing.ts';
import type { IsoDay } from '../../../core/settings.ts';
import { formatFixed } from '../../../core/summary-table.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { TableBox } from '../../components/table-box/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import { DASH, meanText, rateText } from '../figures-format.ts';
import { saveFile, standingsReport } from '../report-files.ts';
import './style.css';

const byRank = (a: CommuneStanding, b: CommuneStanding) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
  a.communeName.localeCompare(b.communeName, 'vi');

/**
 * The communes of a year ranked by their exact totals (shared ranks for equal totals), each
 * with Section A over its own period, Section B as appraised, the standing and whether it is
 * still provisional, the citizens' share of Tốt + Khá beside the target, and how far each
 * sample is from the office's minimum, with the 95 % interval of its mean.
 */
export function StandingsScreen({
  office,
  today,
  onPrint,
}: {
  office: OfficeServices;
  today: IsoDay;
  onPrint: (year: number) => void;
}) {
  const [year, setYear] = useState(appraisalYearOf(today));
  const [answer, setAnswer] = useState<StandingsResponse | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    setAnswer(undefined);
    setError('');
    office.standings(year).then(setAnswer, (e: Error) => setError(e.message));
  }, [office, year]);
  const download = async () => {
    const report = standingsReport(year);
    try {
      saveFile(await office.download(report.path), report.fileName);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="standings-title">
      <h2 id="standings-title">Xếp loại các xã, phường năm {year}</h2>
      <label>
        <span>Năm đánh giá</span>
        <input
          type="number"
          min={2024}
          max={2100}
          value={year}
          onChange={(e) => {
            const next = Number(e.currentTarget.value);
            if (Number.isInteger(next) && next >= 2024 && next <= 2100) setYear(next);
          }}
        />
      </label>
      <AlertText text={error} />
      {!answer && !error && <p>Đang tải…</p>}
      {answer && <StandingsTable answer={answer} />}
      <div class="admin-bar">
        <button type="button" class="btn" onClick={() => onPrint(year)}>
          Bản in danh sách xếp loại
        </button>
        <button type="button" class="btn" onClick={() => void download()}>
          Tải danh sách xếp loại (Excel)
        </button>
      </div>
    </section>
  );
}

function StandingsTable({ answer }: { answer: StandingsResponse }) {
  const { settings } = answer;
  return (
    <>
      <p>
        Mục tiêu tỷ lệ hài lòng: {formatPercent(settings.satisfactionTarget)} · số phiếu tối thiểu
        mỗi xã: {formatCount(settings.minimumSheets.citizen)} phiếu người dân,{' '}
        {formatCount(settings.minimumSheets.cadre)} phiếu cán bộ thôn (đặt ở mục Cài đặt). Mục A của
        mỗi xã tính trong kỳ tính mục A của xã đó.
      </p>
      <TableBox label={`Bảng xếp loại năm ${answer.year}`}>
        <table class="standings-table">
          <caption>Bảng xếp loại năm {answer.year}</caption>
          <thead>
            <tr>
              <th scope="col">Hạng</th>
              <th scope="col">Xã, phường</th>
              <th scope="col">Mục A (/20)</th>
              <th scope="col">Mục B (/80)</th>
              <th scope="col">Tổng (/100)</th>
              <th scope="col">Mức độ</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Tốt + Khá (người dân)</th>
              <th scope="col">Mẫu phiếu người dân</th>
              <th scope="col">Mẫu phiếu cán bộ thôn</th>
            </tr>
          </thead>
          <tbody>
            {[...answer.standings].sort(byRank).map((s) => (
              <tr key={s.communeCode}>
                <td class="num">{s.rank ?? DASH}</td>
                <th scope="row">
                  {s.communeName}
                  <span class="standing-period">Kỳ mục A: {formatPeriod(s.period)}</span>
                </th>
                <td class="num">
                  {s.sectionA.value ? meanText(s.sectionA.value) : DASH}
                  {!s.sectionA.complete && <span class="standing-note">chưa đủ</span>}
                </td>
                <td class="num">
                  {formatFixed(s.sectionB.halfPoints / 2)}
                  <span class="standing-note">
                    {formatCount(s.sectionB.appraised)}/{formatCount(s.sectionB.leaves)} mục đã thẩm
                    định
                  </span>
                </td>
                <td class="num">{s.total ? meanText(s.total) : DASH}</td>
                <td>
                  {s.standing?.label ?? 'Chưa xếp loại'}
                  {s.disqualification && (
                    <span class="standing-note">
                      Không xét đánh giá: {s.disqualification.reason}
                    </span>
                  )}
                </td>
                <td>{s.provisional ? 'Tạm tính (chưa khóa)' : 'Đã khóa'}</td>
                <td>
                  <Satisfaction standing={s} />
                </td>
                <td>
                  <Sample sample={s.sample.citizen} />
                </td>
                <td>
                  <Sample sample={s.sample.cadre} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </>
  );
}

function Satisfaction({ standing }: { standing: CommuneStanding }) {
  const { citizen, target, meetsTarget } = standing.satisfaction;
  if (!citizen) return <>{DASH}</>;
  return (
    <>
      {rateText(citizen)}
      <span class={meetsTarget ? 'standing-note' : 'standing-note standing-warning'}>
        {meetsTarget ? 'đạt' : 'chưa đạt'} mục tiêu {formatPercent(target)}
      </span>
    </>
  );
}

function Sample({ sample }: { sample: CommuneStanding['sample']['citizen'] }) {
  return (
    <>
      {formatCount(sample.sheets)}/{formatCount(sample.minimum)} phiếu
      {sample.missing > 0 && (
        <span class="standing-note standing-warning">
          Dưới mức tối thiểu: thiếu {formatCount(sample.missing)} phiếu
        </span>
      )}
      <span class="standing-note">
        {sample.interval
          ? `Khoảng tin cậy 95 % của điểm TB: ${formatFixed(sample.interval.low)} – ${formatFixed(sample.interval.high)}`
          : 'Chưa tính được khoảng tin cậy (dưới 2 phiếu)'}
      </span>
    </>
  );
}
