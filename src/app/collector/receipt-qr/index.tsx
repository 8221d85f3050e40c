import { useEffect, useState } from 'preact/hooks';
import { frameToSvg } from '../../../transport/qr-frame-image.ts';
import './style.css';
import { QrImage } from '../../components/qr-image/index.tsx';

/** The receipt QR the kiosk scans to mark a batch sent (docs/formats.md, "Receipt QR"). */
export function ReceiptQr({ receipt }: { receipt: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    frameToSvg(receipt).then(setSvg);
  }, [receipt]);
  return (
    <figure class="receipt-qr">
      <QrImage class="receipt-qr-image" label="Mã xác nhận đã nhận lô" svg={svg} />
      <figcaption>
        Đưa mã này trước camera của máy khảo sát (mục Xuất mã QR → Quét mã xác nhận) để máy đánh dấu
        các phiếu là đã gửi.
      </figcaption>
    </figure>
  );
}
