import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '../../../core/format.ts';
import { formatPeriod } from '../../../core/period.ts';
import type { Period } from '../../../core/settings.ts';
import type { QrExport } from '../../../transport/qr-export.ts';
import {
  defaultFrameQrOptions,
  type FrameQrOptions,
  frameToSvg,
} from '../../../transport/qr-frame-image.ts';
import type { KioskServices } from '../../services.ts';
import './style.css';
import { AlertText } from '../../components/alert-text/index.tsx';
import { QrImage } from '../../components/qr-image/index.tsx';
import { useIdleHold } from '../idle-lock/index.tsx';
import { ReceiptScanner } from './receipt-scanner.tsx';

const FRAME_MS = 1500;

interface Props {
  services: KioskServices;
  period: Period;
}

/**
 * Export as a carousel of QR frames for the office's camera or scanner. The sheets are
 * marked sent when the office's receipt QR is scanned, or by hand with the PIN ("Đã thu").
 */
export function QrExportPanel({ services, period }: Props) {
  const [scope, setScope] = useState<'unsent' | 'period'>('unsent');
  const [qr, setQr] = useState<FrameQrOptions>(defaultFrameQrOptions);
  const [built, setBuilt] = useState<QrExport | undefined>(undefined);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  // The office reads the frames, then this tablet reads its receipt, hands off: the idle lock
  // waits meanwhile (up to HELD_IDLE_SECONDS, see idle-lock).
  useIdleHold(built !== undefined && built.frames.length > 0);

  const build = async () => {
    setError('');
    setDone('');
    try {
      setBuilt(
        await services.collector.buildQrExport(
          scope === 'unsent' ? { kind: 'unsent' } : { kind: 'period', period },
          qr,
        ),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="qr-title">
      <h1 id="qr-title">Xuất mã QR cho cơ quan thu phiếu</h1>
      <fieldset>
        <legend>Phiếu cần xuất</legend>
        <label class="inline">
          <input
            type="radio"
            name="qr-scope"
            checked={scope === 'unsent'}
            onChange={() => setScope('unsent')}
          />
          Các phiếu chưa gửi
        </label>
        <label class="inline">
          <input
            type="radio"
            name="qr-scope"
            checked={scope === 'period'}
            onChange={() => setScope('period')}
          />
          Các phiếu trong kỳ khảo sát ({formatPeriod(period)})
        </label>
      </fieldset>
      <QrOptionsFields qr={qr} onChange={setQr} />
      <button type="button" class="btn btn-primary" onClick={build}>
        Tạo mã QR
      </button>
      <AlertText text={error} />
      {built && built.frames.length === 0 && (
        <p class="admin-notice">Không có phiếu nào để xuất.</p>
      )}
      {built && built.frames.length > 0 && (
        <>
          <p>
            {formatCount(built.sheetCount)} phiếu trong {formatCount(built.frames.length)} mã QR.
            Cán bộ thu phiếu quét lần lượt; mã nào thiếu, máy quét sẽ báo để quét lại.
          </p>
          <FrameCarousel frames={built.frames} qr={built.qr} />
          <ReceiptScanner
            batches={built.batches}
            onBatchConfirmed={(sheets) => services.collector.confirmExported(sheets)}
            onAllConfirmed={() => {
              setDone(
                `Cơ quan thu phiếu đã xác nhận. Đã đánh dấu ${formatCount(built.sheetCount)} phiếu là đã gửi; phiếu vẫn được giữ trên máy.`,
              );
              setBuilt(undefined);
            }}
          />
          <ConfirmReceived
            services={services}
            onConfirmed={async () => {
              await services.collector.confirmExported(built.sheets);
              setDone(
                `Đã đánh dấu ${formatCount(built.sheetCount)} phiếu là đã gửi. Phiếu vẫn được giữ trên máy.`,
              );
              setBuilt(undefined);
            }}
          />
        </>
      )}
      {done && (
        <p role="status" class="admin-ok">
          {done}
        </p>
      )}
    </section>
  );
}

const SIZES = [
  { maxVersion: 25, label: 'Lớn: ít mã nhất (mặc định)' },
  { maxVersion: 15, label: 'Vừa: dễ quét hơn' },
  { maxVersion: 10, label: 'Nhỏ: cho camera yếu, nhiều mã hơn' },
] as const;
const LEVELS = [
  { level: 'L', label: 'Thấp (L)' },
  { level: 'M', label: 'Trung bình (M, mặc định)' },
  { level: 'Q', label: 'Khá (Q)' },
  { level: 'H', label: 'Cao (H): màn hình lóa, trầy' },
] as const;

/** Smaller codes and more error correction read better with a weak camera, in more frames. */
function QrOptionsFields({
  qr,
  onChange,
}: {
  qr: FrameQrOptions;
  onChange: (qr: FrameQrOptions) => void;
}) {
  return (
    <div class="admin-bar">
      <label>
        <span>Cỡ mã QR</span>
        <select
          value={qr.maxVersion}
          onChange={(e) => onChange({ ...qr, maxVersion: Number(e.currentTarget.value) })}
        >
          {SIZES.map((s) => (
            <option key={s.maxVersion} value={s.maxVersion}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Mức sửa lỗi</span>
        <select
          value={qr.errorCorrectionLevel}
          onChange={(e) =>
            onChange({
              ...qr,
              errorCorrectionLevel: e.currentTarget.value as FrameQrOptions['errorCorrectionLevel'],
            })
          }
        >
          {LEVELS.map((l) => (
            <option key={l.level} value={l.level}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function FrameCarousel({ frames, qr }: { frames: string[]; qr: FrameQrOptions }) {
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [svg, setSvg] = useState('');
  const frame = frames[index] ?? '';
  useEffect(() => {
    frameToSvg(frame, qr).then(setSvg);
  }, [frame, qr]);
  useEffect(() => {
    if (!playing || frames.length < 2) return;
    const timer = setTimeout(() => setIndex((i) => (i + 1) % frames.length), FRAME_MS);
    return () => clearTimeout(timer);
  }, [playing, index, frames.length]);
  const step = (by: number) => {
    setPlaying(false);
    setIndex((i) => (i + by + frames.length) % frames.length);
  };
  return (
    <div class="qr-carousel">
      <QrImage class="qr-frame" label={`Mã QR khung ${index + 1}`} svg={svg} />
      <p class="qr-position" aria-live="polite">
        Khung {index + 1}/{frames.length}
      </p>
      <div class="qr-controls">
        <button type="button" class="btn" onClick={() => step(-1)}>
          Khung trước
        </button>
        <button type="button" class="btn" onClick={() => setPlaying(!playing)}>
          {playing ? 'Tạm dừng' : 'Chạy tiếp'}
        </button>
        <button type="button" class="btn" onClick={() => step(1)}>
          Khung sau
        </button>
      </div>
    </div>
  );
}

function ConfirmReceived({
  services,
  onConfirmed,
}: {
  services: KioskServices;
  onConfirmed: () => Promise<void>;
}) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const confirm = async (e: Event) => {
    e.preventDefault();
    const check = await services.pin.verify(pin);
    setPin('');
    if (check.ok) await onConfirmed();
    else
      setError(
        check.reason === 'locked'
          ? 'Đã nhập sai quá nhiều lần; máy đang tạm khóa.'
          : 'Mã PIN không đúng.',
      );
  };
  return (
    <form onSubmit={confirm} class="qr-confirm">
      <h2>Không quét được mã xác nhận?</h2>
      <label>
        <span>Mã PIN để xác nhận đã thu</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onInput={(e) => setPin(e.currentTarget.value)}
        />
      </label>
      <AlertText text={error} />
      <button type="submit" class="btn btn-primary">
        Xác nhận đã thu
      </button>
    </form>
  );
}
