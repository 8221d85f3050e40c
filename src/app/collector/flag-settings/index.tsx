import { useEffect, useState } from 'preact/hooks';
import type { OfficeFlagSettings } from '../../../core/office-flags.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';

type NumberField = Exclude<keyof OfficeFlagSettings, 'workingHours'>;
const FIELDS: { key: NumberField; label: string }[] = [
  { key: 'minIntervalSeconds', label: 'Khoảng cách tối thiểu giữa hai phiếu của một máy (giây)' },
  { key: 'burstCount', label: 'Số phiếu tối đa của một máy trong khoảng ngắn' },
  { key: 'burstWindowSeconds', label: 'Độ dài khoảng ngắn đó (giây)' },
  { key: 'identicalRunLength', label: 'Số phiếu liền trước giống hệt thì gắn cờ' },
  {
    key: 'phoneSurgeFactor',
    label: 'Phiếu qua điện thoại trong ngày gấp bao nhiêu lần ngày thường',
  },
  { key: 'phoneSurgeMinimum', label: 'và nhiều hơn (phiếu một ngày)' },
];
const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

/**
 * The office's own thresholds for the flags it decides from each device's stream. Whatever a
 * kiosk is set to, these decide; saving recomputes every flag with them.
 */
export function FlagSettings({ office }: { office: OfficeServices }) {
  const [settings, setSettings] = useState<OfficeFlagSettings | undefined>(undefined);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    office.flagSettings().then(setSettings, (e: Error) => setError(e.message));
  }, [office]);
  if (!settings) return error ? <AlertText text={error} /> : <p>Đang tải…</p>;

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    try {
      setSettings(await office.saveFlagSettings(settings));
      setError('');
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const hours = settings.workingHours;
  return (
    <form onSubmit={save} aria-labelledby="flag-settings-title">
      <h2 id="flag-settings-title">Ngưỡng gắn cờ của cơ quan thu phiếu</h2>
      <p>
        Cơ quan tự gắn cờ từ toàn bộ phiếu của mỗi máy theo các ngưỡng dưới đây, bất kể máy được đặt
        thế nào. Phiếu gắn cờ vẫn được giữ và tính; số liệu hiện cả khi tính và không tính chúng.
      </p>
      {FIELDS.map(({ key, label }) => (
        <label key={key}>
          <span>{label}</span>
          <input
            type="number"
            min={0}
            value={settings[key]}
            onInput={(e) => setSettings({ ...settings, [key]: Number(e.currentTarget.value) })}
          />
        </label>
      ))}
      <fieldset>
        <legend>Giờ làm việc (ngoài giờ thì gắn cờ)</legend>
        <label>
          <span>Từ</span>
          <input
            type="time"
            value={hours.from}
            onInput={(e) =>
              setSettings({ ...settings, workingHours: { ...hours, from: e.currentTarget.value } })
            }
          />
        </label>
        <label>
          <span>Đến</span>
          <input
            type="time"
            value={hours.to}
            onInput={(e) =>
              setSettings({ ...settings, workingHours: { ...hours, to: e.currentTarget.value } })
            }
          />
        </label>
        {WEEKDAYS.map((day, i) => (
          <label class="inline" key={day}>
            <input
              type="checkbox"
              checked={hours.days.includes(i)}
              onChange={(e) =>
                setSettings({
                  ...settings,
                  workingHours: {
                    ...hours,
                    days: e.currentTarget.checked
                      ? [...hours.days, i].sort()
                      : hours.days.filter((d) => d !== i),
                  },
                })
              }
            />
            {day}
          </label>
        ))}
      </fieldset>
      <AlertText text={error} />
      {saved && (
        <p role="status" class="admin-ok">
          Đã lưu ngưỡng; mọi phiếu đã được gắn cờ lại theo ngưỡng mới.
        </p>
      )}
      <button type="submit" class="btn btn-primary">
        Lưu ngưỡng
      </button>
    </form>
  );
}
