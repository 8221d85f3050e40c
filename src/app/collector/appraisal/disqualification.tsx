import { useState } from 'preact/hooks';
import type { CommuneScorecard } from '../../../core/appraisal.ts';
import type { Scorecard } from '../../../core/profile/scorecard-schema.ts';

/**
 * The two events after which a commune is "Không đạt chuẩn" whatever its points (seed 003,
 * "Hướng dẫn chấm điểm"), each recorded with the office's reason, or none.
 */
export function Disqualification({
  scorecard,
  card,
  disabled,
  onSave,
}: {
  scorecard: Scorecard;
  card: CommuneScorecard;
  disabled: boolean;
  onSave: (id: string | null, reason: string) => void;
}) {
  const [id, setId] = useState<string | null>(card.disqualification?.id ?? null);
  const [reason, setReason] = useState(card.disqualification?.reason ?? '');
  const [missing, setMissing] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const needed = id !== null && !reason.trim();
        setMissing(needed);
        if (!needed) onSave(id, reason.trim());
      }}
    >
      <fieldset disabled={disabled}>
        <legend>Trường hợp không xét đánh giá (xếp loại không đạt chuẩn)</legend>
        <label class="inline">
          <input
            type="radio"
            name="disqualifier"
            checked={id === null}
            onChange={() => setId(null)}
          />
          Không có
        </label>
        {scorecard.disqualifiers.map((d) => (
          <label class="inline disqualifier" key={d.id}>
            <input
              type="radio"
              name="disqualifier"
              checked={id === d.id}
              onChange={() => setId(d.id)}
            />
            {d.text}
          </label>
        ))}
        <label>
          <span>Lý do, căn cứ{id !== null ? ' (bắt buộc)' : ''}</span>
          <textarea
            rows={2}
            value={reason}
            aria-invalid={missing || undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        {missing && <p class="field-error">Cần ghi lý do, căn cứ của trường hợp đã chọn.</p>}
        <button type="submit" class="btn">
          Lưu trường hợp không xét đánh giá
        </button>
      </fieldset>
    </form>
  );
}
