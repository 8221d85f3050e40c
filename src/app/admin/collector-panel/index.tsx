import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { CollectorStatus, KioskServices } from '../../services.ts';
import { FileExport } from '../file-export/index.tsx';

const SKEW_WORTH_SAYING_MS = 2 * 60_000;

/** Registration with the collecting office, and how HTTP delivery is going. */
export function CollectorPanel({ services }: { services: KioskServices }) {
  const [status, setStatus] = useState<CollectorStatus | undefined>(undefined);
  const [url, setUrl] = useState(window.location.origin);
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = () => services.collector.status().then(setStatus);
  useEffect(() => {
    void refresh();
  }, [services]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  if (!status) return <p>Đang tải…</p>;
  const { sync } = status;
  return (
    <section aria-labelledby="collector-title">
      <h1 id="collector-title">Gửi dữ liệu về cơ quan thu phiếu</h1>
      {status.collectorUrl ? (
        <p>
          Máy đã đăng ký với <strong>{status.collectorUrl}</strong> (mã máy {status.deviceId}).
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => services.collector.register(url, token));
          }}
        >
          <p>Cán bộ cơ quan thu phiếu nhập địa chỉ máy chủ và mã quản trị để đăng ký máy này.</p>
          <label>
            <span>Địa chỉ máy chủ thu phiếu</span>
            <input
              type="text"
              inputMode="url"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </label>
          <label>
            <span>Mã quản trị của cơ quan thu phiếu</span>
            <input
              type="password"
              autoComplete="off"
              value={token}
              onInput={(e) => setToken(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            Đăng ký máy
          </button>
        </form>
      )}
      <dl class="stat-list">
        <div>
          <dt>Phiếu chưa gửi</dt>
          <dd>{formatCount(status.unsent)}</dd>
        </div>
        {status.phoneUnsent > 0 && (
          <div>
            <dt>Phiếu từ điện thoại chờ gửi</dt>
            <dd>{formatCount(status.phoneUnsent)}</dd>
          </div>
        )}
        <div>
          <dt>Gửi thành công gần nhất</dt>
          <dd>{sync.lastSuccessAt ? formatDateTime(sync.lastSuccessAt) : 'Chưa có'}</dd>
        </div>
      </dl>
      {sync.lastError && (
        <p class="admin-problem">
          {sync.quarantined ? 'Đã dừng gửi: ' : 'Lần gửi gần nhất chưa thành công: '}
          {sync.lastError}
        </p>
      )}
      {sync.communeMismatch && <p class="admin-notice">{sync.communeMismatch}</p>}
      {sync.clockSkewMs !== undefined && Math.abs(sync.clockSkewMs) > SKEW_WORTH_SAYING_MS && (
        <p class="admin-notice">
          Đồng hồ của máy lệch {formatCount(Math.round(Math.abs(sync.clockSkewMs) / 60_000))} phút
          so với máy chủ. Vui lòng chỉnh lại giờ của máy.
        </p>
      )}
      <AlertText text={error} />
      {status.collectorUrl && (
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy}
          onClick={() => run(() => services.collector.syncNow())}
        >
          Gửi ngay
        </button>
      )}
      <FileExport services={services} />
    </section>
  );
}
