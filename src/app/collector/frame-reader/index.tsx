import { useRef, useState } from 'preact/hooks';
import { FrameCollector, parseFrame } from '../../../core/codec/frames.ts';
import { formatCount } from '../../../core/format.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { QrScanner } from '../../components/qr-scanner/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import { ReceiptQr } from '../receipt-qr/index.tsx';
import { parcelNews } from './parcel-news.ts';

interface Progress {
  batchId: string;
  read: number;
  total: number;
  missing: number[];
}

/**
 * Frames read by the camera, or typed/pasted (a USB 2D scanner types them, one a line),
 * in any order and from several batches at once. A complete batch is checked and kept
 * on this machine first, its receipt QR shown, then it is sent on to the server.
 */
export function FrameReader({
  office,
  onChanged,
}: {
  office: OfficeServices;
  onChanged: () => void;
}) {
  const collectors = useRef(new Map<string, FrameCollector>());
  /** Batches finished in this visit: a camera keeps seeing their frames and must not redo them. */
  const finished = useRef(new Set<string>());
  const [text, setText] = useState('');
  const [camera, setCamera] = useState(false);
  const [progress, setProgress] = useState<Progress[]>([]);
  const [error, setError] = useState('');
  const [done, setDone] = useState<{ receipt: string; text: string } | undefined>(undefined);

  const showProgress = () =>
    setProgress(
      [...collectors.current].map(([batchId, c]) => ({
        batchId,
        read: c.total - c.missing().length,
        total: c.total,
        missing: c.missing(),
      })),
    );

  const finish = async (batchId: string, collector: FrameCollector) => {
    collectors.current.delete(batchId);
    finished.current.add(batchId);
    const received = await office.receiveBatch(collector.sealed());
    const news = parcelNews(await office.deliver(), received.receipt, received.earlier);
    onChanged();
    const lot = `Lô ${batchId} (${formatCount(received.sheetCount)} phiếu)`;
    // No receipt for a refused batch: the kiosk must keep those sheets as unsent.
    if (news.refused) throw new Error(`${lot}: ${news.text}`);
    setDone({ receipt: received.receipt, text: `${lot} đã được giữ trên máy này. ${news.text}` });
  };

  /** One frame's text; throws a Problem with its Vietnamese sentence when it is not usable. */
  const add = async (frameText: string, fromCamera: boolean) => {
    const { batchId } = parseFrame(frameText);
    if (fromCamera && finished.current.has(batchId)) return;
    const collector = collectors.current.get(batchId) ?? new FrameCollector();
    collector.add(frameText);
    collectors.current.set(batchId, collector);
    showProgress();
    if (collector.complete) {
      await finish(batchId, collector);
      showProgress();
    }
  };

  const read = async (texts: string[], fromCamera = false) => {
    setError('');
    for (const frameText of texts) {
      try {
        await add(frameText, fromCamera);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    }
  };

  return (
    <section aria-labelledby="frame-reader-title">
      <h2 id="frame-reader-title">Nhận mã QR từ máy khảo sát</h2>
      {camera ? (
        <>
          <QrScanner
            label="Camera quét mã QR của máy khảo sát"
            onText={(t) => void read([t], true)}
          />
          <button type="button" class="btn" onClick={() => setCamera(false)}>
            Tắt camera
          </button>
        </>
      ) : (
        <button type="button" class="btn btn-primary" onClick={() => setCamera(true)}>
          Quét bằng camera
        </button>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const lines = text.split(/\r?\n/).filter((l) => l.trim());
          setText('');
          void read(lines);
        }}
      >
        <label>
          <span>Nội dung khung (mỗi khung một dòng, theo thứ tự bất kỳ)</span>
          <textarea rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn">
          Đọc khung
        </button>
      </form>
      {progress.map((p) => (
        <p role="status" key={p.batchId}>
          Lô {p.batchId}: đã đọc {formatCount(p.read)}/{formatCount(p.total)} khung. Còn thiếu
          khung: {p.missing.join(', ')}.
        </p>
      ))}
      <AlertText text={error} />
      {done && (
        <div>
          <p role="status" class="admin-ok">
            {done.text}
          </p>
          <ReceiptQr receipt={done.receipt} />
        </div>
      )}
    </section>
  );
}
