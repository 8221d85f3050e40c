import { useEffect, useState } from 'preact/hooks';
import type { StandingSettings } from '../../../core/scoring/commune-standing.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';

/**
 * The office's settings beside its flag thresholds: the satisfaction target and the minimum
 * sheets a form needs before its mean says enough (the standings), and how long the collector
 * keeps respondents' personal data.
 */
export function OfficeSettings({ office }: { office: OfficeServices }) {
  return (
    <>
      <StandingSettingsForm office={office} />
      <RetentionForm office={office} />
    </>
  );
}

function StandingSettingsForm({ office }: { office: OfficeServices }) {
  const [settings, setSettings] = useState<StandingSettings | undefined>(undefined);
  const [target, setTarget] = useState('');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const take = (next: StandingSettings) => {
    setSettings(next);
    setTarget(String(Math.round(next.satisfactionTarget * 1000) / 10).replace('.', ','));
  };
  useEffect(() => {
    office.standingSettings().then(take, (e: Error) => setError(e.message));
  }, [office]);
  if (!settings) return error ? <AlertText text={error} /> : <p>Đang tải…</p>;
  const percent = Number(target.replace(',', '.'));
  const valid = target.trim() !== '' && Number.isFinite(percent) && percent >= 0 && percent <= 100;
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    if (!valid) return;
    try {
      take(await office.saveStandingSettings({ ...settings, satisfactionTarget: percent / 100 }));
      setError('');
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const minimum = (formId: 'citizen' | 'cadre', value: string) =>
    setSettings({
      ...settings,
      minimumSheets: { ...settings.minimumSheets, [formId]: Number(value) },
    });
  return (
    <form onSubmit={save} aria-labelledby="standing-settings-title">
      <h2 id="standing-settings-title">Mục tiêu và cỡ mẫu</h2>
      <label>
        <span>Mục tiêu tỷ lệ hài lòng (Tốt + Khá), %</span>
        <input
          type="text"
          inputMode="decimal"
          value={target}
          aria-invalid={!valid || undefined}
          onInput={(e) => setTarget(e.currentTarget.value)}
        />
      </label>
      {!valid && <p class="field-error">Nhập một tỷ lệ từ 0 đến 100.</p>}
      <label>
        <span>Số phiếu người dân tối thiểu mỗi xã</span>
        <input
          type="number"
          min={1}
          max={10_000}
          value={settings.minimumSheets.citizen}
          onInput={(e) => minimum('citizen', e.currentTarget.value)}
        />
      </label>
      <label>
        <span>Số phiếu cán bộ thôn tối thiểu mỗi xã</span>
        <input
          type="number"
          min={1}
          max={10_000}
          value={settings.minimumSheets.cadre}
          onInput={(e) => minimum('cadre', e.currentTarget.value)}
        />
      </label>
      <AlertText text={error} />
      {saved && (
        <p role="status" class="admin-ok">
          Đã lưu mục tiêu và cỡ mẫu.
        </p>
      )}
      <button type="submit" class="btn btn-primary" disabled={!valid}>
        Lưu mục tiêu và cỡ mẫu
      </button>
    </form>
  );
}

function RetentionForm({ office }: { office: OfficeServices }) {
  const [days, setDays] = useState<number | undefined>(undefined);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    office.retention().then(setDays, (e: Error) => setError(e.message));
  }, [office]);
  if (days === undefined) return error ? <AlertText text={error} /> : <p>Đang tải…</p>;
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    try {
      setDays(await office.saveRetention(days));
      setError('');
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form onSubmit={save} aria-labelledby="retention-title">
      <h2 id="retention-title">Thời hạn giữ dữ liệu cá nhân</h2>
      <p>
        Máy chủ thu phiếu xóa những gì người trả lời tự ghi (họ tên, địa chỉ, lý do, góp ý) sau số
        ngày này kể từ khi gửi phiếu; các câu trả lời vẫn được giữ và tính. Lưu thời hạn mới thì xóa
        ngay những gì đã quá hạn.
      </p>
      <label>
        <span>Số ngày giữ dữ liệu cá nhân</span>
        <input
          type="number"
          min={1}
          max={3660}
          value={days}
          onInput={(e) => setDays(Number(e.currentTarget.value))}
        />
      </label>
      <AlertText text={error} />
      {saved && (
        <p role="status" class="admin-ok">
          Đã lưu thời hạn giữ dữ liệu cá nhân.
        </p>
      )}
      <button type="submit" class="btn btn-primary">
        Lưu thời hạn
      </button>
    </form>
  );
}
