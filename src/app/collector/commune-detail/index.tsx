import type { CommuneFigures, FormFigures } from '../../../core/commune-figures.ts';
import { formatCount, formatDateTime, formatPercent } from '../../../core/format.ts';
import { formatPeriod } from '../../../core/period.ts';
import type { FormId, Question } from '../../../core/profile/schema.ts';
import type { Period } from '../../../core/settings.ts';
import { formatFixed } from '../../../core/summary-table.ts';
import { TableBox } from '../../components/table-box/index.tsx';
import { meanText, rateText } from '../figures-format.ts';
import { questionsOf } from '../questions.ts';
import './style.css';

const FORM_HEADING: Record<FormId, string> = {
  citizen: 'Phiếu người dân',
  cadre: 'Phiếu cán bộ thôn',
};
const dash = '—';

/** One commune in full: both forms' figures, and for every question how the answers split. */
export function CommuneDetail({
  commune,
  period,
  onClose,
}: {
  commune: CommuneFigures;
  period: Period | null;
  onClose: () => void;
}) {
  return (
    <section aria-labelledby="commune-detail-title" class="commune-detail">
      <h2 id="commune-detail-title">
        {commune.communeName} ({commune.communeCode})
      </h2>
      <p class="admin-notice">
        Kỳ số liệu: <strong>{period ? formatPeriod(period) : 'tất cả các ngày'}</strong>
      </p>
      <p>
        {formatCount(commune.sheetCount)} phiếu, trong đó {formatCount(commune.phoneSheetCount)} qua
        điện thoại · nhận gần nhất{' '}
        {commune.lastReceivedAt ? formatDateTime(commune.lastReceivedAt) : dash} · điểm mục A{' '}
        {commune.sectionA.display ?? dash}/20
        {commune.sectionA.display && !commune.sectionA.complete && ' (chưa đủ hai mẫu phiếu)'}
      </p>
      {(['citizen', 'cadre'] as const).map((formId) => (
        <FormDetail
          key={formId}
          formId={formId}
          figures={commune[formId]}
          levels={commune.levels}
          questions={questionsOf(commune, formId)}
        />
      ))}
      {commune.phoneSheetCount > 0 && <PhoneFigures commune={commune} />}
      <button type="button" class="btn" onClick={onClose}>
        Về bảng các xã
      </button>
    </section>
  );
}

function FormDetail({
  formId,
  figures,
  levels,
  questions,
}: {
  formId: FormId;
  figures: FormFigures;
  levels: string[];
  questions: readonly Question[];
}) {
  const captionId = `chart-${formId}`;
  return (
    <div>
      <h3>{FORM_HEADING[formId]}</h3>
      <RawAndReviewed formId={formId} figures={figures} />
      {figures.sheets > 0 && (
        <TableBox label={`Câu trả lời theo từng câu hỏi, ${FORM_HEADING[formId]}`}>
          <table class="answer-chart" aria-describedby={captionId}>
            <caption id={captionId}>Câu trả lời theo từng câu hỏi, {FORM_HEADING[formId]}</caption>
            <thead>
              <tr>
                <th scope="col">Câu hỏi</th>
                {levels.map((level) => (
                  <th scope="col" key={level}>
                    {level}
                  </th>
                ))}
                <th scope="col">Biểu đồ</th>
              </tr>
            </thead>
            <tbody>
              {figures.distribution.map((counts, q) => {
                const total = counts.reduce((a, b) => a + b, 0);
                const question = questions[q];
                return (
                  <tr key={question?.number ?? q}>
                    <th scope="row" title={question?.text}>
                      Câu {q + 1}. {question?.topic}
                    </th>
                    {counts.map((n, level) => (
                      <td class="num" key={levels[level]}>
                        {formatCount(n)} ({formatPercent(total ? n / total : 0, 0)})
                      </td>
                    ))}
                    <td>
                      <div class="answer-bar" aria-hidden="true">
                        {counts.map((n, level) => (
                          <span
                            key={levels[level]}
                            class={`level-${level}`}
                            style={{ width: `${total ? (n / total) * 100 : 0}%` }}
                          />
                        ))}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableBox>
      )}
    </div>
  );
}

/**
 * The form's figures raw (every sheet), without the flagged ones, and reviewed (without the
 * sheets the office set aside: what Section A takes), with the 95 % interval of that mean.
 */
function RawAndReviewed({ formId, figures }: { formId: FormId; figures: FormFigures }) {
  const reviewed = figures.sheets - figures.excluded;
  const interval = figures.interval;
  return (
    <TableBox label={`Số liệu thô và đã xét duyệt, ${FORM_HEADING[formId]}`}>
      <table class="raw-reviewed">
        <caption>Số liệu thô và đã xét duyệt, {FORM_HEADING[formId]}</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ số</th>
            <th scope="col">Thô (mọi phiếu)</th>
            <th scope="col">Không tính phiếu gắn cờ</th>
            <th scope="col">Đã xét duyệt (không tính phiếu để riêng)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Số phiếu</th>
            <td class="num">{formatCount(figures.sheets)}</td>
            <td class="num">{formatCount(figures.sheets - figures.flagged)}</td>
            <td class="num">{formatCount(reviewed)}</td>
          </tr>
          <tr>
            <th scope="row">Điểm trung bình (tối đa 10)</th>
            <td class="num">{meanText(figures.mean)}</td>
            <td class="num">{meanText(figures.meanWithoutFlagged)}</td>
            <td class="num">{meanText(figures.meanReviewed)}</td>
          </tr>
          <tr>
            <th scope="row">Tỷ lệ hài lòng (Tốt + Khá)</th>
            <td class="num">{rateText(figures.satisfactionRate)}</td>
            <td class="num">{dash}</td>
            <td class="num">{rateText(figures.satisfactionReviewed)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        Phiếu gắn cờ: {formatCount(figures.flagged)} · để riêng sau khi xét:{' '}
        {formatCount(figures.excluded)} · khoảng tin cậy 95 % của điểm trung bình đã xét duyệt:{' '}
        {interval
          ? `${formatFixed(interval.low)} – ${formatFixed(interval.high)}`
          : 'chưa tính được (dưới 2 phiếu)'}
      </p>
    </TableBox>
  );
}
/** The sheets answered on citizens' own phones, apart (they are also in the figures above). */
function PhoneFigures({ commune }: { commune: CommuneFigures }) {
  return (
    <table>
      <caption>Riêng phiếu qua điện thoại (đã tính trong số liệu ở trên)</caption>
      <thead>
        <tr>
          <th scope="col">Mẫu phiếu</th>
          <th scope="col">Số phiếu</th>
          <th scope="col">Điểm trung bình</th>
          <th scope="col">Tỷ lệ hài lòng</th>
        </tr>
      </thead>
      <tbody>
        {(['citizen', 'cadre'] as const).map((formId) => {
          const figures = commune.phone[formId];
          return (
            <tr key={formId}>
              <th scope="row">{FORM_HEADING[formId]}</th>
              <td class="num">{formatCount(figures.sheets)}</td>
              <td class="num">{figures.mean?.display ?? dash}</td>
              <td class="num">{figures.satisfactionRate?.display ?? dash}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
