import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CollectorLink } from '../../services.ts';
import './style.css';
import { QrImage } from '../../components/qr-image/index.tsx';

type ScanComponent = FunctionComponent<{ collector: CollectorLink; onClose: () => void }>;

/** A shown code is replaced this often, so two phones seldom scan the same one. */
const REFRESH_MS = 20_000;
/** While online, the kiosk asks this often whether the shown code has been used. */
const USED_POLL_MS = 5_000;

/**
 * The start screen's QR for answering on one's own phone: a fresh single-use token,
 * replaced on a timer and as soon as the collector reports it used. Nothing shows while
 * phone mode is off or the kiosk is not registered.
 */
export function PhoneQr({ collector }: { collector: CollectorLink }) {
  const [shown, setShown] = useState<{ link: string; svg: string } | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const [Scan, setScan] = useState<ScanComponent | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const show = async () => {
      const link = await collector.phoneLink().catch(() => undefined);
      if (!link) return setShown(undefined);
      // The QR library loads only here, after the start screen is up.
      const { linkToSvg } = await import('../../../transport/qr-frame-image.ts');
      const svg = await linkToSvg(link);
      if (!cancelled) setShown({ link, svg });
    };
    void show();
    const refresh = setTimeout(() => setGeneration((g) => g + 1), REFRESH_MS);
    return () => {
      cancelled = true;
      clearTimeout(refresh);
    };
  }, [collector, generation]);

  useEffect(() => {
    if (!shown) return;
    const poll = setInterval(async () => {
      if (navigator.onLine && (await collector.phoneLinkUsed(shown.link)))
        setGeneration((g) => g + 1);
    }, USED_POLL_MS);
    return () => clearInterval(poll);
  }, [collector, shown]);

  if (Scan)
    return (
      <Scan
        collector={collector}
        onClose={() => {
          setScan(undefined);
          setGeneration((g) => g + 1); // the token just scanned may be the one shown
        }}
      />
    );
  if (!shown) return null;
  return (
    <figure class="phone-qr">
      <QrImage class="phone-qr-image" label="Mã QR để đánh giá trên điện thoại" svg={shown.svg} />
      <figcaption>Quét mã để đánh giá trên điện thoại</figcaption>
      <button
        type="button"
        class="btn"
        onClick={() =>
          import('../phone-answer-scan/index.tsx').then((m) => setScan(() => m.PhoneAnswerScan))
        }
      >
        Điện thoại không có mạng? Quét phiếu tại đây
      </button>
    </figure>
  );
}
