import { useEffect, useState } from 'preact/hooks';
import type { FlaggedSheet } from '../../../core/api.ts';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { FORM_LABEL, flagReasonSentence } from '../../../core/vocabulary.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import './style.css';

const DECISION_LABEL = { counted: 'Tính phiếu này', excluded: 'Để riêng, không tính' } as const;

const sourceOf = (r: FlaggedSheet) =>
  r.channel === 'phone' ? 'Điện thoại' : `Máy ${r.deviceId}, phiếu số ${formatCount(r.seq)}`;

/**
 * The sheets of a commune the office flagged, each with why, in words an officer reads, and
 * its decision: count it, or set it aside (out of the reviewed figures and Section A), with a
 * reason. Raw figures keep every sheet whatever is decided.
 */
export function FlaggedSheets({
  office,
  communeCode,
  onReviewed,
}: {
  office: OfficeServices;
  communeCode: string;
  onReviewed?: () => void;
}) {
  const [rows, setRows] = useState<FlaggedSheet[] | undefined>(undefined);
  const [error, setError] = useState('');
  const load = () => office.flagged(communeCode).then(setRows, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, [office, communeCode]);
  if (error) return <AlertText text={error} />;
  if (!rows) return <p>Đang tải…</p>;
  return (
    <section aria-labelledby="flagged-title">
      <h3 id="flagged-title">Phiếu cơ quan gắn cờ ({formatCount(rows.length)})</h3>
      <p>
        Phiếu gắn cờ vẫn được giữ. Với mỗi phiếu, cơ quan quyết định tính hay để riêng, kèm lý do:
        số liệu thô vẫn tính mọi phiếu, số liệu đã xét duyệt và điểm mục A không tính phiếu để
        riêng.
      </p>
      {rows.map((r) => (
        <FlaggedCard
          key={`${r.channel}:${r.deviceId}:${r.seq}`}
          row={r}
          office={office}
          onSaved={() => {
            void load();
            onReviewed?.();
          }}
        />
      ))}
    </section>
  );
}

function FlaggedCard({
  row,
  office,
  onSaved,
}: {
  row: FlaggedSheet;
  office: OfficeServices;
  onSaved: () => void;
}) {
  const [decision, setDecision] = useState<'counted' | 'excluded'>(
    row.review?.decision ?? 'counted',
  );
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const id = `review-${row.channel}-${row.deviceId}-${row.seq}`;
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    try {
      await office.reviewSheet(row, decision, reason.trim());
      setError('');
      setReason('');
      setSaved(true);
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const name = `${sourceOf(row)}, gửi lúc ${formatDateTime(row.createdAt)}`;
  return (
    <article class="flagged-card" aria-label={name}>
      <h4>{name}</h4>
      <p>Mẫu phiếu: {FORM_LABEL[row.formId]}</p>
      <ul>
        {row.reasons.map((reason) => (
          <li key={reason.flag}>{flagReasonSentence(reason)}</li>
        ))}
      </ul>
      <p class="flagged-decision">
        {row.review
          ? `Quyết định: ${DECISION_LABEL[row.review.decision]} — ${row.review.reason} (${row.review.by}, ${formatDateTime(row.review.at)})`
          : 'Chưa xét: phiếu đang được tính.'}
      </p>
      <form onSubmit={save}>
        <fieldset>
          <legend>Quyết định về phiếu này</legend>
          {(['counted', 'excluded'] as const).map((value) => (
            <label class="inline" key={value}>
              <input
                type="radio"
                name={id}
                checked={decision === value}
                onChange={() => setDecision(value)}
              />
              {DECISION_LABEL[value]}
            </label>
          ))}
          <label>
            <span>Lý do (bắt buộc)</span>
            <textarea
              rows={2}
              value={reason}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${id}-missing` : undefined}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          {missing && (
            <p id={`${id}-missing`} class="field-error">
              Cần ghi lý do cho quyết định.
            </p>
          )}
        </fieldset>
        <AlertText text={error} />
        {saved && (
          <p role="status" class="admin-ok">
            Đã lưu quyết định; số liệu đã xét duyệt được tính lại.
          </p>
        )}
        <button type="submit" class="btn">
          Lưu quyết định
        </button>
      </form>
    </article>
  );
}
