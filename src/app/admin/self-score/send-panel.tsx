import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../core/format.ts';
import { said } from '../../../core/problems/said.ts';
import { Problem } from '../../../core/problems.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { downloadFile } from '../../platform/download-file.ts';
import type { SelfScoreDraft, SelfScoreService } from '../../services.ts';

interface Props {
  service: SelfScoreService;
  /** The draft as it is now, once every save before it has gone through. */
  settled: () => Promise<SelfScoreDraft>;
  /** Leaves whose typed score is refused: nothing is signed while any is left. */
  unfixed: number;
  onSent: (sent: SelfScoreDraft['sent']) => void;
  sent: SelfScoreDraft['sent'];
  editedSinceSent: boolean;
}

const problemSentence = (error: unknown) =>
  error instanceof Problem ? said(error) : error instanceof Error ? error.message : String(error);

/** "Gửi về cơ quan thu phiếu" and "Tải tệp tự chấm": the same signed file, and what came of it. */
export function SendPanel({ service, settled, unfixed, onSent, sent, editedSinceSent }: Props) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const run = async (action: (draft: SelfScoreDraft) => Promise<void>) => {
    setDone('');
    setError('');
    if (unfixed > 0) return setError(problemSentence(new Problem('self-score.unfixed')));
    setBusy(true);
    try {
      await action(await settled());
    } catch (e) {
      setError(problemSentence(e));
    } finally {
      setBusy(false);
    }
  };
  const send = (draft: SelfScoreDraft) =>
    service.send(draft).then(({ outcome, draft: stored }) => {
      onSent(stored.sent);
      if (outcome.kind !== 'received' && outcome.kind !== 'duplicate')
        return setError(outcome.sentence);
      setDone(
        outcome.kind === 'received'
          ? `Cơ quan thu phiếu đã nhận bản tự chấm năm ${draft.year} (ký lúc ${formatDateTime(outcome.submittedAt)}).`
          : 'Cơ quan thu phiếu đã có bản tự chấm này hoặc một bản mới hơn; không có gì thay đổi.',
      );
    });
  const download = (draft: SelfScoreDraft) =>
    service.file(draft).then((file) => {
      downloadFile(file);
      setDone(
        `Đã tạo tệp ${file.fileName}. Vui lòng chuyển tệp này cho cơ quan thu phiếu để nhập vào hệ thống.`,
      );
    });
  return (
    <section aria-labelledby="self-score-send-title">
      <h2 id="self-score-send-title">Gửi bản tự chấm</h2>
      {sent && (
        <p>
          Lần gửi gần nhất: cơ quan thu phiếu đã có bản ký lúc {formatDateTime(sent.submittedAt)}.
          {editedSinceSent && ' Bản trên máy đã sửa sau lần gửi đó: vui lòng gửi lại.'}
        </p>
      )}
      <div class="admin-bar">
        <button type="button" class="btn btn-primary" disabled={busy} onClick={() => run(send)}>
          Gửi về cơ quan thu phiếu
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => run(download)}>
          Tải tệp tự chấm
        </button>
      </div>
      {done && (
        <p role="status" class="admin-ok">
          {done}
        </p>
      )}
      <AlertText text={error} />
    </section>
  );
}
