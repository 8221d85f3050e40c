import type { CommuneFigures, FormFigures } from '../../../core/commune-figures.ts';
import { formatCount, formatDateTime, formatPercent } from '../../../core/format.ts';
import { defaultProfile } from '../../../core/profile/registry.ts';
import type { FormId } from '../../../core/profile/schema.ts';
import './style.css';

const FORM_HEADING: Record<FormId, string> = {
  citizen: 'Phiếu người dân',
  cadre: 'Phiếu cán bộ thôn',
};
const dash = '—';

/** One commune in full: both forms' figures, and for every question how the answers split. */
export function CommuneDetail({
  commune,
  onClose,
}: {
  commune: CommuneFigures;
  onClose: () => void;
}) {
  return (
    <section aria-labelledby="commune-detail-title" class="commune-detail">
      <h2 id="commune-detail-title">
        {commune.communeName} ({commune.communeCode})
      </h2>
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
}: {
  formId: FormId;
  figures: FormFigures;
  levels: string[];
}) {
  const questions = defaultProfile.forms.find((f) => f.id === formId)?.questions ?? [];
  const captionId = `chart-${formId}`;
  return (
    <div>
      <h3>{FORM_HEADING[formId]}</h3>
      <dl class="figure-list">
        <dt>Số phiếu</dt>
        <dd>{formatCount(figures.sheets)}</dd>
        <dt>Điểm trung bình (tối đa 10)</dt>
        <dd>{figures.mean?.display ?? dash}</dd>
        <dt>Không tính phiếu gắn cờ</dt>
        <dd>{figures.meanWithoutFlagged?.display ?? dash}</dd>
        <dt>Tỷ lệ hài lòng (Tốt + Khá)</dt>
        <dd>{figures.satisfactionRate?.display ?? dash}</dd>
        <dt>Phiếu gắn cờ</dt>
        <dd>{formatCount(figures.flagged)}</dd>
      </dl>
      {figures.sheets > 0 && (
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
                    Câu {q + 1}
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
      )}
    </div>
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
