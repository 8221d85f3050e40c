import { useEffect, useState } from 'preact/hooks';
import { COMMUNE_CODE_PATTERN } from '../../../core/commune-code.ts';
import { enrolmentLink } from '../../../core/enrolment.ts';
import { formatDateTime } from '../../../core/format.ts';
import { linkToSvg } from '../../../transport/qr-frame-image.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { QrImage } from '../../components/qr-image/index.tsx';
import { TableBox } from '../../components/table-box/index.tsx';
import type { EnrolmentCode, EnrolmentRow, OfficeServices } from '../../office-services.ts';
import { type EnrolmentTarget, OfflineEnrolment } from './offline.tsx';
import './style.css';

const messageOf = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

/** "12:05": the minutes and seconds a code has left. */
const remaining = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * Enrolling kiosks without typing an office secret on them (docs/office.md): a one-time code
 * for a commune and a counter, shown as a QR of its link and in large letters, good for 30
 * minutes; or, for a tablet that cannot reach the collector, its key as a QR to scan.
 */
export function EnrolmentCodes({
  office,
  now = Date.now,
}: {
  office: OfficeServices;
  now?: () => number;
}) {
  const [target, setTarget] = useState<EnrolmentTarget>({
    communeCode: '',
    communeName: '',
    label: '',
  });
  const [made, setMade] = useState<{ code: EnrolmentCode; svg: string } | undefined>(undefined);
  const [rows, setRows] = useState<EnrolmentRow[]>([]);
  const [error, setError] = useState('');
  const load = async () => {
    try {
      setRows(await office.enrolments());
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => {
    void load();
  }, [office]);

  const create = async (e: Event) => {
    e.preventDefault();
    setError('');
    try {
      const code = await office.createEnrolment({
        ...target,
        communeName: target.communeName.trim(),
        label: target.label.trim(),
      });
      setMade({ code, svg: await linkToSvg(enrolmentLink(window.location.origin, code.code)) });
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const field = (key: keyof EnrolmentTarget) => ({
    value: target[key],
    onInput: (e: { currentTarget: HTMLInputElement }) =>
      setTarget({ ...target, [key]: e.currentTarget.value }),
  });

  return (
    <section aria-labelledby="enrolment-title">
      <h2 id="enrolment-title">Đăng ký máy khảo sát</h2>
      <form onSubmit={create}>
        <fieldset>
          <legend>Máy này đặt ở đâu</legend>
          <label>
            <span>Mã xã, phường của máy</span>
            <input
              inputMode="numeric"
              pattern={COMMUNE_CODE_PATTERN}
              required
              {...field('communeCode')}
            />
          </label>
          <label>
            <span>Tên xã, phường của máy</span>
            <input required {...field('communeName')} />
          </label>
          <label>
            <span>Tên quầy (ví dụ: Quầy 1)</span>
            <input maxLength={80} {...field('label')} />
          </label>
        </fieldset>
        <button type="submit" class="btn btn-primary">
          Tạo mã đăng ký một lần
        </button>
      </form>
      <AlertText text={error} />
      {made && <ShownCode code={made.code} svg={made.svg} now={now} />}
      <OfflineEnrolment office={office} target={target} onDone={load} />
      {rows.length > 0 && <RecentCodes rows={rows} now={now()} />}
    </section>
  );
}

/** The code just made: its QR, its letters in groups, and the minutes it has left. */
function ShownCode({ code, svg, now }: { code: EnrolmentCode; svg: string; now: () => number }) {
  const [left, setLeft] = useState(code.expiresAt - now());
  useEffect(() => {
    setLeft(code.expiresAt - now());
    const timer = setInterval(() => setLeft(code.expiresAt - now()), 1000);
    return () => clearInterval(timer);
  }, [code, now]);
  const expired = left <= 0;
  return (
    <figure class="enrolment-shown">
      <QrImage
        class="enrolment-qr"
        label={`Mã QR đăng ký máy cho ${code.communeName}${code.label ? `, ${code.label}` : ''}`}
        svg={svg}
      />
      <figcaption>
        <p>
          Trên máy khảo sát: mở Quản trị → Gửi dữ liệu → Đăng ký máy, rồi quét mã QR này hoặc gõ mã:
        </p>
        <p class="enrolment-letters">
          {code.code.split('-').map((group) => (
            <span key={group}>{group}</span>
          ))}
        </p>
        <p role="timer" aria-live="off" class={expired ? 'admin-error' : undefined}>
          {expired
            ? 'Mã này đã hết hạn. Vui lòng tạo mã mới.'
            : `Còn ${remaining(left)} (hết hạn lúc ${formatDateTime(code.expiresAt)}). Mã chỉ dùng được một lần.`}
        </p>
      </figcaption>
    </figure>
  );
}

function RecentCodes({ rows, now }: { rows: EnrolmentRow[]; now: number }) {
  return (
    <TableBox label="Các mã đăng ký gần đây">
      <table aria-label="Các mã đăng ký gần đây">
        <thead>
          <tr>
            <th scope="col">Xã, phường</th>
            <th scope="col">Quầy</th>
            <th scope="col">Người tạo</th>
            <th scope="col">Tạo lúc</th>
            <th scope="col">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.createdAt}-${r.communeCode}-${r.label}`}>
              <th scope="row">
                {r.communeName} ({r.communeCode})
              </th>
              <td>{r.label}</td>
              <td>{r.createdBy}</td>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>
                {r.usedAt !== null
                  ? `Đã dùng lúc ${formatDateTime(r.usedAt)} cho máy ${r.deviceId ?? ''}`
                  : r.expiresAt <= now
                    ? 'Đã hết hạn, chưa dùng'
                    : `Chưa dùng, còn hiệu lực đến ${formatDateTime(r.expiresAt)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
