import { useState } from 'preact/hooks';
import type { CommuneScorecard } from '../../../core/appraisal.ts';
import { formatDateTime } from '../../../core/format.ts';
import { ModalDialog } from '../../components/modal-dialog/index.tsx';

/**
 * Locking ends Bước 2 for the commune: the standing is no longer provisional and nothing in
 * Section B changes until someone unlocks it, with a reason kept in the history.
 */
export function LockControls({
  card,
  communeName,
  unsaved,
  onLock,
  onUnlock,
}: {
  card: CommuneScorecard;
  communeName: string;
  /** Changes typed but not saved: they must be saved (or dropped) before locking. */
  unsaved: boolean;
  onLock: () => void;
  onUnlock: (reason: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  if (card.lockedAt !== null)
    return (
      <form
        class="lock-controls"
        onSubmit={(e) => {
          e.preventDefault();
          setMissing(!reason.trim());
          if (reason.trim()) onUnlock(reason.trim());
        }}
      >
        <p class="admin-ok" role="status">
          Đã khóa lúc {formatDateTime(card.lockedAt)} ({card.lockedBy}). Mức độ đạt chuẩn không còn
          là tạm tính.
        </p>
        <label>
          <span>Lý do mở khóa (bắt buộc)</span>
          <textarea
            rows={2}
            value={reason}
            aria-invalid={missing || undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        {missing && <p class="field-error">Cần ghi lý do mở khóa.</p>}
        <button type="submit" class="btn">
          Mở khóa
        </button>
      </form>
    );
  return (
    <div class="lock-controls">
      {unsaved && <p class="admin-notice">Lưu các điểm vừa nhập trước khi khóa.</p>}
      <button
        type="button"
        class="btn btn-primary"
        disabled={unsaved}
        onClick={() => setAsking(true)}
      >
        Khóa kết quả thẩm định
      </button>
      {asking && (
        <ModalDialog
          labelledBy="lock-title"
          describedBy="lock-text"
          onEscape={() => setAsking(false)}
          class="dialog"
        >
          <h2 id="lock-title">
            Khóa kết quả thẩm định của {communeName}, năm {card.year}?
          </h2>
          <p id="lock-text">
            Sau khi khóa, không sửa được điểm tự chấm, điểm thẩm định, kỳ tính mục A hay trường hợp
            không xét đánh giá, và mức độ đạt chuẩn không còn là tạm tính. Muốn sửa phải mở khóa và
            ghi lý do.
          </p>
          <div class="dialog-actions">
            <button type="button" class="btn" onClick={() => setAsking(false)}>
              Hủy
            </button>
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => {
                setAsking(false);
                onLock();
              }}
            >
              Khóa
            </button>
          </div>
        </ModalDialog>
      )}
    </div>
  );
}
