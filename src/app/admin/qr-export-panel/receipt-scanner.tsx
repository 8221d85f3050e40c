import { useRef, useState } from 'preact/hooks';
import { parseReceipt } from '../../../core/codec/receipt.ts';
import { formatCount } from '../../../core/format.ts';
import { Problem } from '../../../core/problems.ts';
import type { QrExport, SheetIdentity } from '../../../transport/qr-export.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { QrScanner } from '../../components/qr-scanner/index.tsx';

interface Props {
  batches: QrExport['batches'];
  /** Marks one batch's sheets sent; called once per batch. */
  onBatchConfirmed: (sheets: SheetIdentity[]) => Promise<void>;
  onAllConfirmed: () => void;
}

/**
 * The camera reads the receipt QR the office shows after storing a batch; each receipt
 * that matches a batch of this export marks that batch's sheets sent (they are kept).
 */
export function ReceiptScanner({ batches, onBatchConfirmed, onAllConfirmed }: Props) {
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState('');
  const [confirmedCount, setConfirmedCount] = useState(0);
  const confirmed = useRef(new Set<string>());

  const read = async (text: string) => {
    let hash: string;
    try {
      hash = parseReceipt(text);
    } catch (e) {
      setError(e instanceof Problem ? e.message : String(e));
      return;
    }
    const batch = batches.find((b) => parseReceipt(b.receipt) === hash);
    if (!batch) return setError(new Problem('receipt.other-export').message);
    if (confirmed.current.has(hash)) return;
    confirmed.current.add(hash);
    setError('');
    await onBatchConfirmed(batch.sheets);
    setConfirmedCount(confirmed.current.size);
    if (confirmed.current.size === batches.length) {
      setScanning(false);
      onAllConfirmed();
    }
  };

  return (
    <section class="qr-confirm" aria-labelledby="receipt-title">
      <h2 id="receipt-title">Xác nhận bằng mã của cơ quan thu phiếu</h2>
      <p>
        Sau khi quét đủ, máy của cơ quan hiện một mã xác nhận. Quét mã đó bằng camera của máy này để
        đánh dấu các phiếu là đã gửi.
      </p>
      {scanning ? (
        <>
          <QrScanner label="Camera quét mã xác nhận" onText={(text) => void read(text)} />
          <button type="button" class="btn" onClick={() => setScanning(false)}>
            Tắt camera
          </button>
        </>
      ) : (
        <button type="button" class="btn btn-primary" onClick={() => setScanning(true)}>
          Quét mã xác nhận
        </button>
      )}
      {batches.length > 1 && (
        <p role="status">
          Đã xác nhận {formatCount(confirmedCount)}/{formatCount(batches.length)} lô.
        </p>
      )}
      <AlertText text={error} />
    </section>
  );
}
