import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { ENROLMENT_WORDS } from '../../../core/vocabulary.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { CollectorStatus, Enrolled, KioskServices } from '../../services.ts';
import { EnrolPanel } from '../enrol-panel/index.tsx';
import { FileExport } from '../file-export/index.tsx';

const SKEW_WORTH_SAYING_MS = 2 * 60_000;

/** Enrolment with the collecting office, and how HTTP delivery is going. */
export function CollectorPanel({
  services,
  linkedCode,
  onEnrolled,
}: {
  services: KioskServices;
  /** A code from an opened enrolment link, asked about before it is used. */
  linkedCode?: string;
  onEnrolled?: (enrolled: Enrolled) => void;
}) {
  const [status, setStatus] = useState<CollectorStatus | undefined>(undefined);
  const [enrolled, setEnrolled] = useState<Enrolled | undefined>(undefined);
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
      ) : null}
      {enrolled && (
        <p role="status" class="admin-ok">
          {ENROLMENT_WORDS.done(enrolled.communeName, enrolled.communeCode, enrolled.label)}
          {!enrolled.online && ` ${ENROLMENT_WORDS.doneOffline}`}
        </p>
      )}
      {status.collectorUrl && linkedCode && !enrolled && (
        <p class="admin-notice">{ENROLMENT_WORDS.alreadyEnrolled}</p>
      )}
      {!status.collectorUrl && (
        <EnrolPanel
          collector={services.collector}
          linkedCode={linkedCode}
          onEnrolled={(done) => {
            setEnrolled(done);
            void refresh();
            onEnrolled?.(done);
          }}
        />
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
