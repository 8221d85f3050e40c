import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '../../../core/format.ts';
import { formatPeriod, inPeriod } from '../../../core/period.ts';
import type { Period } from '../../../core/settings.ts';
import { hasPersonalData } from '../../../core/sheet.ts';
import { ModalDialog } from '../../components/modal-dialog/index.tsx';
import type { KioskServices } from '../../services.ts';

/** Erasing names, addresses, reasons and suggestions after the period; answers stay. */
export function PersonalData({
  services,
  period: initial,
}: {
  services: KioskServices;
  period: Period;
}) {
  const [period, setPeriod] = useState<Period>(initial);
  const [count, setCount] = useState<number | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | undefined>(undefined);

  useEffect(() => {
    services.listSheets().then((sheets) => {
      setCount(sheets.filter((s) => inPeriod(s.createdAt, period) && hasPersonalData(s)).length);
    });
  }, [services, period, done]);

  const purge = async () => {
    setConfirming(false);
    setDone(await services.purgePersonalData(period));
  };

  return (
    <section aria-labelledby="personal-title">
      <h1 id="personal-title">Dữ liệu cá nhân</h1>
      <p>
        Họ tên, địa chỉ, lý do và góp ý là dữ liệu cá nhân. Sau kỳ khảo sát, hãy xóa chúng. Câu trả
        lời của phiếu luôn được giữ nguyên.
      </p>
      <label>
        <span>Từ ngày</span>
        <input
          type="date"
          value={period.from}
          onInput={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>Đến ngày</span>
        <input
          type="date"
          value={period.to}
          onInput={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
        />
      </label>
      <p>
        Số phiếu có dữ liệu cá nhân trong khoảng này:{' '}
        <strong>{count === undefined ? '…' : formatCount(count)}</strong>
      </p>
      {done !== undefined && (
        <p role="status" class="admin-ok">
          Đã xóa dữ liệu cá nhân của {formatCount(done)} phiếu.
        </p>
      )}
      <button
        type="button"
        class="btn btn-primary"
        disabled={!count}
        onClick={() => setConfirming(true)}
      >
        Xóa dữ liệu cá nhân
      </button>
      {confirming && (
        <ModalDialog
          class="dialog"
          labelledBy="purge-title"
          describedBy="purge-text"
          onEscape={() => setConfirming(false)}
        >
          <h2 id="purge-title">Xóa dữ liệu cá nhân?</h2>
          <p id="purge-text">
            Xóa họ tên, địa chỉ, lý do và góp ý của {formatCount(count ?? 0)} phiếu từ{' '}
            {formatPeriod(period)}. Câu trả lời được giữ nguyên. Không thể hoàn tác.
          </p>
          <div class="dialog-actions">
            <button type="button" class="btn" autofocus onClick={() => setConfirming(false)}>
              Hủy
            </button>
            <button type="button" class="btn btn-primary" onClick={purge}>
              Xóa
            </button>
          </div>
        </ModalDialog>
      )}
    </section>
  );
}
