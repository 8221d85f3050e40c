import { useEffect, useState } from 'preact/hooks';
import { frameToSvg } from '../../../transport/qr-frame-image.ts';
import './style.css';

/** The receipt QR the kiosk scans to mark a batch sent (docs/formats.md, "Receipt QR"). */
export function ReceiptQr({ receipt }: { receipt: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    frameToSvg(receipt).then(setSvg);
  }, [receipt]);
  return (
    <figure class="receipt-qr">
      {/* The SVG comes from the qrcode library for our own receipt text. */}
      <div
        class="receipt-qr-image"
        role="img"
        aria-label="Mã xác nhận đã nhận lô"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption>
        Đưa mã này trước camera của máy khảo sát (mục Xuất mã QR → Quét mã xác nhận) để máy đánh dấu
        các phiếu là đã gửi.
      </figcaption>
    </figure>
  );
}
