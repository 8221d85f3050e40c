import { useRef, useState } from 'preact/hooks';
import { type PeriodPreset, surveyWeekPresets } from '../../../core/period.ts';
import {
  adminLockOf,
  type KioskSettings,
  type KioskTiming,
  kioskSettingsSchema,
  phoneQrOf,
} from '../../../core/settings.ts';
import { ADMIN_LOCK_LABEL } from '../../../core/vocabulary.ts';
import { fieldErrors } from './issues.ts';

interface Props {
  settings: KioskSettings;
  onSave: (settings: KioskSettings) => Promise<void>;
}

const TIMING_FIELDS: { key: keyof KioskTiming; label: string }[] = [
  { key: 'idleSeconds', label: 'Chờ bao lâu không thao tác thì hỏi tiếp tục (giây)' },
  { key: 'idleCountdownSeconds', label: 'Đếm ngược trước khi hủy phiếu dở (giây)' },
  { key: 'thankYouSeconds', label: 'Thời gian hiện lời cảm ơn (giây)' },
  { key: 'minIntervalSeconds', label: 'Khoảng cách tối thiểu giữa hai phiếu (giây)' },
  { key: 'burstWindowSeconds', label: 'Khung thời gian xét phiếu dồn dập (giây)' },
  { key: 'burstCount', label: 'Số phiếu tối đa trong khung thời gian đó' },
  { key: 'identicalRunLength', label: 'Số phiếu giống hệt liên tiếp thì gắn cờ' },
];

const presetFor = (period: KioskSettings['period'], presets: PeriodPreset[]) =>
  presets.find((p) => p.period.from === period.from && p.period.to === period.to)?.id ?? 'custom';

/** Kiosk set-up: commune, collecting office, which form, survey period, timings, the admin lock. */
export function SettingsForm({ settings, onSave }: Props) {
  const [draft, setDraft] = useState<KioskSettings>(settings);
  const [year, setYear] = useState(Number(settings.period.from.slice(0, 4)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const presets = surveyWeekPresets(year);
  // "Tùy chọn" is a choice of its own: dates that happen to match a preset stay custom once chosen.
  const [custom, setCustom] = useState(presetFor(settings.period, presets) === 'custom');
  const periodChoice = custom ? 'custom' : presetFor(draft.period, presets);
  const customFrom = useRef<HTMLInputElement>(null);

  const update = (patch: Partial<KioskSettings>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = kioskSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    await onSave(parsed.data);
    setSaved(true);
  };
  const error = (field: string) =>
    errors[field] && (
      <span class="field-error" id={`error-${field}`}>
        {errors[field]}
      </span>
    );
  const text = (
    field: 'communeName' | 'communeCode' | 'kioskLabel' | 'collectorName',
    label: string,
  ) => (
    <label>
      <span>{label}</span>
      <input
        type="text"
        value={draft[field]}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={errors[field] ? `error-${field}` : undefined}
        onInput={(e) => update({ [field]: e.currentTarget.value })}
      />
      {error(field)}
    </label>
  );

  return (
    <form onSubmit={submit} noValidate>
      <h1>Cài đặt</h1>
      {text('communeName', 'Tên xã, phường')}
      {text('communeCode', 'Mã xã, phường (chữ số)')}
      {text('kioskLabel', 'Tên máy (ví dụ: Quầy 1)')}
      {text('collectorName', 'Cơ quan thu phiếu')}
      <fieldset>
        <legend>Mẫu phiếu máy hiển thị</legend>
        <label class="inline">
          <input
            type="radio"
            name="form"
            checked={draft.formId === 'citizen'}
            onChange={() => update({ formId: 'citizen' })}
          />
          Phiếu người dân (Phụ lục 02) — tại Bộ phận Một cửa
        </label>
        <label class="inline">
          <input
            type="radio"
            name="form"
            checked={draft.formId === 'cadre'}
            onChange={() => update({ formId: 'cadre' })}
          />
          Phiếu cán bộ thôn, khu dân cư (Phụ lục 03) — khi họp thôn
        </label>
      </fieldset>
      <label class="inline">
        <input
          type="checkbox"
          checked={draft.askResidency}
          onChange={(e) => update({ askResidency: e.currentTarget.checked })}
        />
        Hỏi người dân có thường xuyên cư trú trên địa bàn không
      </label>
      <fieldset>
        <legend>Đánh giá trên điện thoại</legend>
        <label class="inline">
          <input
            type="checkbox"
            checked={phoneQrOf(draft).enabled}
            onChange={(e) =>
              update({ phoneQr: { ...phoneQrOf(draft), enabled: e.currentTarget.checked } })
            }
          />
          Màn hình đầu có nút hiện mã QR để người dân đánh giá trên điện thoại
        </label>
        <label>
          <span>Mã QR điện thoại có hiệu lực (phút, 1–120)</span>
          <input
            type="number"
            min={1}
            max={120}
            value={phoneQrOf(draft).tokenMinutes}
            aria-invalid={errors['phoneQr.tokenMinutes'] ? 'true' : undefined}
            aria-describedby={
              errors['phoneQr.tokenMinutes'] ? 'error-phoneQr.tokenMinutes' : undefined
            }
            onInput={(e) =>
              update({
                phoneQr: { ...phoneQrOf(draft), tokenMinutes: Number(e.currentTarget.value) },
              })
            }
          />
        </label>
        {error('phoneQr.tokenMinutes')}
      </fieldset>
      <fieldset>
        <legend>Kỳ khảo sát</legend>
        <label>
          <span>Năm</span>
          <input
            type="number"
            min={2024}
            max={2100}
            value={year}
            onInput={(e) => setYear(Number(e.currentTarget.value))}
          />
        </label>
        {presets.map((preset) => (
          <label class="inline" key={preset.id}>
            <input
              type="radio"
              name="period"
              checked={periodChoice === preset.id}
              onChange={() => {
                setCustom(false);
                update({ period: preset.period });
              }}
            />
            {preset.label}
          </label>
        ))}
        <label class="inline">
          <input
            type="radio"
            name="period"
            checked={periodChoice === 'custom'}
            onChange={() => {
              setCustom(true);
              customFrom.current?.focus();
            }}
          />
          Tùy chọn
        </label>
        <label>
          <span>Từ ngày</span>
          <input
            ref={customFrom}
            type="date"
            value={draft.period.from}
            onInput={(e) => {
              setCustom(true);
              update({ period: { ...draft.period, from: e.currentTarget.value } });
            }}
          />
        </label>
        <label>
          <span>Đến ngày</span>
          <input
            type="date"
            value={draft.period.to}
            onInput={(e) => {
              setCustom(true);
              update({ period: { ...draft.period, to: e.currentTarget.value } });
            }}
          />
        </label>
        {error('period')}
      </fieldset>
      <fieldset>
        <legend>Thời gian và chống phiếu bất thường</legend>
        {TIMING_FIELDS.map(({ key, label }) => (
          <label key={key}>
            <span>{label}</span>
            <input
              type="number"
              value={Number.isNaN(draft.timing[key]) ? '' : draft.timing[key]}
              aria-invalid={errors[`timing.${key}`] ? 'true' : undefined}
              aria-describedby={errors[`timing.${key}`] ? `error-timing.${key}` : undefined}
              onInput={(e) =>
                update({ timing: { ...draft.timing, [key]: e.currentTarget.valueAsNumber } })
              }
            />
            {error(`timing.${key}`)}
          </label>
        ))}
        <label>
          <span>{ADMIN_LOCK_LABEL}</span>
          <input
            type="number"
            min={30}
            max={1800}
            value={
              Number.isNaN(adminLockOf(draft).idleSeconds) ? '' : adminLockOf(draft).idleSeconds
            }
            aria-invalid={errors['adminLock.idleSeconds'] ? 'true' : undefined}
            aria-describedby={
              errors['adminLock.idleSeconds'] ? 'error-adminLock.idleSeconds' : undefined
            }
            onInput={(e) => update({ adminLock: { idleSeconds: e.currentTarget.valueAsNumber } })}
          />
          {error('adminLock.idleSeconds')}
        </label>
      </fieldset>
      {Object.keys(errors).length > 0 && (
        <p role="alert" class="admin-error">
          Chưa lưu: vui lòng sửa các mục được đánh dấu.
        </p>
      )}
      {saved && (
        <p role="status" class="admin-ok">
          Đã lưu cài đặt
        </p>
      )}
      <button type="submit" class="btn btn-primary">
        Lưu cài đặt
      </button>
    </form>
  );
}
