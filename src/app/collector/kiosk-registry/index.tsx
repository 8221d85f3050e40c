import { useEffect, useState } from 'preact/hooks';
import type { KioskRow, SetAsideRow } from '../../../core/api.ts';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import { chainState, clockSkew, gapContext, gapRange } from './gaps.ts';
import './style.css';

/**
 * What each kiosk and printed desk QR did, commune by commune: the office's evidence that
 * nothing was hidden (missing numbers, chain, thresholds, last contact), and its controls
 * (revoke a kiosk, allow the cadre form at a desk).
 */
export function KioskRegistry({
  office,
  mayEnrol = true,
}: {
  office: OfficeServices;
  /** Whether the signed-in account may revoke kiosks and change desk QRs ('enrol'). */
  mayEnrol?: boolean;
}) {
  const [rows, setRows] = useState<KioskRow[] | undefined>(undefined);
  const [setAside, setSetAside] = useState<SetAsideRow[]>([]);
  const [error, setError] = useState('');
  const load = async () => {
    try {
      setRows(await office.kiosks());
      setSetAside(await office.setAside());
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    void load();
  }, [office]);

  if (!rows) return error ? <AlertText text={error} /> : <p>Đang tải…</p>;
  const communes = [...new Set(rows.map((r) => r.communeCode))];
  return (
    <section aria-labelledby="kiosk-registry-title">
      <h2 id="kiosk-registry-title">Máy khảo sát và mã QR in sẵn</h2>
      <AlertText text={error} />
      {rows.length === 0 && <p>Chưa có máy nào được đăng ký.</p>}
      {communes.map((code) => {
        const mine = rows.filter((r) => r.communeCode === code);
        return (
          <section key={code} aria-labelledby={`commune-${code}`} class="kiosk-commune">
            <h3 id={`commune-${code}`}>
              {mine[0]?.communeName} ({code})
            </h3>
            {mine.map((row) => (
              <KioskCard
                key={row.deviceId}
                row={row}
                office={office}
                onChanged={load}
                mayEnrol={mayEnrol}
              />
            ))}
          </section>
        );
      })}
      {setAside.length > 0 && <SetAsideList rows={setAside} />}
    </section>
  );
}

function KioskCard({
  row,
  office,
  onChanged,
  mayEnrol,
}: {
  row: KioskRow;
  office: OfficeServices;
  onChanged: () => Promise<void>;
  mayEnrol: boolean;
}) {
  const name = row.label || (row.kind === 'desk' ? 'Mã QR in sẵn' : 'Máy khảo sát');
  const current = row.thresholds.at(-1)?.thresholds;
  return (
    <article
      class={`kiosk-card${row.state === 'revoked' ? ' kiosk-revoked' : ''}`}
      aria-label={name}
    >
      <h4>
        {name}{' '}
        <span class="kiosk-kind">({row.kind === 'desk' ? 'mã QR in sẵn' : 'máy khảo sát'})</span>
      </h4>
      <dl class="figure-list">
        <dt>Trạng thái</dt>
        <dd>
          {row.state === 'revoked'
            ? `Đã thu hồi lúc ${formatDateTime(row.revokedAt ?? 0)}: ${row.revocationReason ?? ''}`
            : 'Đang dùng'}
        </dd>
        <dt>Mã máy</dt>
        <dd>{row.deviceId}</dd>
        <dt>Dấu vân tay khóa</dt>
        <dd>{row.keyFingerprint}</dd>
        <dt>Đăng ký lúc</dt>
        <dd>{formatDateTime(row.registeredAt)}</dd>
        {row.kind === 'kiosk' && (
          <>
            <dt>Phiếu đã nhận</dt>
            <dd>{formatCount(row.sheets)}</dd>
            <dt>Phiếu đầu tiên – gần nhất</dt>
            <dd>
              {row.firstSheet && row.lastSheet
                ? `số ${formatCount(row.firstSheet.seq)} lúc ${formatDateTime(row.firstSheet.createdAt)} – số ${formatCount(row.lastSheet.seq)} lúc ${formatDateTime(row.lastSheet.createdAt)}`
                : '—'}
            </dd>
          </>
        )}
        <dt>Phiếu qua điện thoại</dt>
        <dd>{formatCount(row.phoneSheets)}</dd>
        <dt>Liên lạc gần nhất</dt>
        <dd>{row.lastContactAt ? formatDateTime(row.lastContactAt) : 'chưa liên lạc'}</dd>
        {row.kind === 'kiosk' && (
          <>
            <dt>Đồng hồ của máy</dt>
            <dd>{clockSkew(row)}</dd>
            <dt>Số thứ tự còn thiếu</dt>
            <dd class={row.missingCount > 0 ? 'kiosk-warning' : undefined}>
              {row.missing.length === 0 ? (
                'không thiếu'
              ) : (
                <ul class="kiosk-gaps">
                  {row.missing.map((gap) => (
                    <li key={gap.from}>
                      <strong>{gapRange(gap)}</strong> ({gapContext(gap)})
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Chuỗi kiểm tra</dt>
            <dd class={row.chain.breaks.length > 0 ? 'kiosk-warning' : undefined}>
              {chainState(row)}
            </dd>
            <dt>Ngưỡng gắn cờ của máy</dt>
            <dd>
              {current
                ? `${formatCount(current.minIntervalSeconds)} giây giữa hai phiếu; quá ${formatCount(current.burstCount)} phiếu trong ${formatCount(current.burstWindowSeconds / 60)} phút; ${formatCount(current.identicalRunLength)} phiếu giống hệt liên tiếp`
                : 'chưa biết'}
              {row.thresholds.length > 1 &&
                ` (đã đổi ${formatCount(row.thresholds.length - 1)} lần, lần gần nhất từ phiếu số ${formatCount(row.thresholds.at(-1)?.firstSeq ?? 0)})`}
            </dd>
          </>
        )}
        <dt>Phiếu gắn cờ</dt>
        <dd>
          {formatCount(row.officeFlagged)} theo cơ quan
          {row.kind === 'kiosk' && `, ${formatCount(row.kioskFlagged)} theo máy`}
        </dd>
      </dl>
      {mayEnrol && row.kind === 'desk' && row.state === 'active' && (
        <DeskForms row={row} office={office} onChanged={onChanged} />
      )}
      {mayEnrol && row.state === 'active' && (
        <Revoke row={row} office={office} onChanged={onChanged} />
      )}
    </article>
  );
}

function DeskForms({
  row,
  office,
  onChanged,
}: {
  row: KioskRow;
  office: OfficeServices;
  onChanged: () => Promise<void>;
}) {
  const [error, setError] = useState('');
  const allowed = row.forms.includes('cadre');
  const toggle = async () => {
    try {
      await office.setDeskForms(row.deviceId, allowed ? ['citizen'] : ['citizen', 'cadre']);
      await onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <label class="inline">
        <input type="checkbox" checked={allowed} onChange={() => void toggle()} />
        Cho phép mã QR này phát phiếu cán bộ thôn
      </label>
      <AlertText text={error} />
    </>
  );
}

function Revoke({
  row,
  office,
  onChanged,
}: {
  row: KioskRow;
  office: OfficeServices;
  onChanged: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  if (!open)
    return (
      <button type="button" class="btn" onClick={() => setOpen(true)}>
        Thu hồi máy này
      </button>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await office.revokeKiosk(row.deviceId, reason.trim());
      await onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form onSubmit={submit} class="kiosk-revoke">
      <p>
        Sau khi thu hồi, cơ quan không nhận thêm phiếu hay mã QR đánh giá nào của máy này. Các phiếu
        đã nhận vẫn được giữ và tính.
      </p>
      <label>
        <span>Lý do thu hồi</span>
        <input
          type="text"
          required
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <AlertText text={error} />
      <div class="admin-bar">
        <button type="submit" class="btn btn-primary">
          Xác nhận thu hồi
        </button>
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          Không thu hồi
        </button>
      </div>
    </form>
  );
}

function SetAsideList({ rows }: { rows: SetAsideRow[] }) {
  return (
    <table>
      <caption>
        Dữ liệu để riêng: các dòng do phiên bản cũ lưu mà nay không hợp lệ (không tính vào số liệu,
        không bị xóa)
      </caption>
      <thead>
        <tr>
          <th scope="col">Mã xã</th>
          <th scope="col">Nguồn</th>
          <th scope="col">Mã máy / mã QR</th>
          <th scope="col">Số thứ tự</th>
          <th scope="col">Nhận lúc</th>
          <th scope="col">Lý do (mã lỗi)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.channel}:${r.deviceId}:${r.seq}`}>
            <td>{r.communeCode}</td>
            <td>{r.channel === 'phone' ? 'Điện thoại' : 'Máy khảo sát'}</td>
            <td>{r.deviceId}</td>
            <td class="num">{formatCount(r.seq)}</td>
            <td>{formatDateTime(r.receivedAt)}</td>
            <td>
              {r.code} {r.reason}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
