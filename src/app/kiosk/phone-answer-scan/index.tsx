import { useState } from 'preact/hooks';
import { AlertText } from '../../components/alert-text/index.tsx';
import { QrScanner } from '../../components/qr-scanner/index.tsx';
import type { CollectorLink } from '../../services.ts';

/**
 * For a citizen whose phone has no network: the kiosk's camera reads the answer QR the
 * phone shows, and the kiosk sends the sheet on. Loaded only when asked for.
 */
export function PhoneAnswerScan({
  collector,
  onClose,
}: {
  collector: CollectorLink;
  onClose: () => void;
}) {
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const read = async (text: string) => {
    if (done) return;
    try {
      const { isNew } = await collector.receiveAnswerQr(text);
      setError('');
      setDone(
        isNew
          ? 'Máy đã nhận phiếu từ điện thoại và sẽ gửi về cơ quan thu phiếu. Xin trân trọng cảm ơn Ông/Bà!'
          : 'Phiếu này máy đã nhận trước đó. Xin trân trọng cảm ơn Ông/Bà!',
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section class="phone-answer-scan" aria-labelledby="phone-answer-scan-title">
      <h2 id="phone-answer-scan-title">Quét phiếu trên điện thoại</h2>
      {done ? (
        <p role="status" class="admin-ok">
          {done}
        </p>
      ) : (
        <>
          <p>Xin Ông/Bà đưa mã QR phiếu trả lời trên điện thoại trước camera của máy.</p>
          <QrScanner label="Camera quét mã phiếu trên điện thoại" onText={(t) => void read(t)} />
        </>
      )}
      <AlertText text={error} />
      <button type="button" class="btn" onClick={onClose}>
        {done ? 'Xong' : 'Đóng'}
      </button>
    </section>
  );
}
