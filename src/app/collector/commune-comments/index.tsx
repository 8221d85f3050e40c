import { useEffect, useState } from 'preact/hooks';
import type { Comment } from '../../../core/api.ts';
import type { CommuneFigures } from '../../../core/commune-figures.ts';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { formatPeriod } from '../../../core/period.ts';
import type { Period } from '../../../core/settings.ts';
import { FORM_LABEL } from '../../../core/vocabulary.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import { questionName, questionsOf } from '../questions.ts';
import './style.css';

/**
 * What respondents of a commune wrote in the period: the reasons they gave for Trung bình or
 * Yếu, named by the question's topic, and their suggestions. Names and addresses are personal
 * data: fetched only when the officer asks, and the collector logs each such reading.
 */
export function CommuneComments({
  office,
  commune,
  period,
}: {
  office: OfficeServices;
  commune: CommuneFigures;
  period: Period | null;
}) {
  const [comments, setComments] = useState<Comment[] | undefined>(undefined);
  const [personal, setPersonal] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    setComments(undefined);
    setError('');
    office
      .comments(commune.communeCode, period, personal)
      .then(setComments, (e: Error) => setError(e.message));
  }, [office, commune.communeCode, period?.from, period?.to, personal]);
  const span = period ? formatPeriod(period) : 'tất cả các ngày';
  return (
    <section aria-labelledby="comments-title">
      <h3 id="comments-title">Ý kiến người trả lời, {span}</h3>
      <p>
        Lý do người trả lời ghi khi chọn Trung bình hoặc Yếu, và góp ý của họ. Họ tên, địa chỉ là dữ
        liệu cá nhân: chỉ hiện khi bấm nút dưới đây, và mỗi lần xem được ghi vào nhật ký của máy chủ
        thu phiếu.
      </p>
      {personal ? (
        <button type="button" class="btn" onClick={() => setPersonal(false)}>
          Ẩn họ tên, địa chỉ
        </button>
      ) : (
        <button type="button" class="btn" onClick={() => setPersonal(true)}>
          Hiện họ tên, địa chỉ (dữ liệu cá nhân, có ghi nhật ký)
        </button>
      )}
      <AlertText text={error} />
      {!comments && !error && <p>Đang tải…</p>}
      {comments && comments.length === 0 && <p>Không có ý kiến nào trong kỳ này.</p>}
      {comments && comments.length > 0 && <p>{formatCount(comments.length)} phiếu có ý kiến.</p>}
      <ul class="comment-list">
        {(comments ?? []).map((c) => {
          const questions = questionsOf(commune, c.formId);
          return (
            <li key={`${c.channel}:${c.deviceId}:${c.seq}`} class="comment">
              <p class="comment-meta">
                {FORM_LABEL[c.formId]} · {formatDateTime(c.createdAt)} ·{' '}
                {c.channel === 'phone' ? 'qua điện thoại' : `máy ${c.deviceId}, phiếu số ${c.seq}`}
              </p>
              {Object.entries(c.reasons)
                .sort(([a], [b]) => Number(a) - Number(b))
                .map(([number, text]) => (
                  <p key={number}>
                    <strong>{questionName(questions, Number(number))}:</strong> {text}
                  </p>
                ))}
              {c.suggestion && (
                <p>
                  <strong>Góp ý:</strong> {c.suggestion}
                </p>
              )}
              {c.respondent && (
                <p class="comment-personal">
                  <strong>Người trả lời:</strong> {c.respondent.name || '(không ghi tên)'} —{' '}
                  {c.respondent.address || '(không ghi địa chỉ)'}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
