import { useState } from 'preact/hooks';
import { formatPeriod } from '../../../core/period.ts';
import { type PeriodChoice, periodChoices } from '../../../core/period-choices.ts';
import { type IsoDay, type Period, periodSchema } from '../../../core/settings.ts';
import './style.css';

interface Props {
  /** The period shown now; null for every day. */
  value: Period | null;
  onChange: (period: Period | null) => void;
  /** The Vietnam day the choices are counted from. */
  today: IsoDay;
  /** Offer "Hôm nay" (the commune's own dashboard). */
  includeToday?: boolean;
  /** Choices of the screen's own, offered first with their dates (the kiosk's survey period). */
  extraChoices?: readonly PeriodChoice[];
  label?: string;
  /** The select's own name, when two pickers share a screen. */
  choiceLabel?: string;
}

const CUSTOM = 'custom';

/**
 * The period every figure, export and print is for: the presets around today with their dates
 * (the survey week both ways it reads), or any range typed as two days.
 */
export function PeriodPicker({
  value,
  onChange,
  today,
  includeToday,
  extraChoices = [],
  label = 'Kỳ số liệu',
  choiceLabel = 'Chọn kỳ',
}: Props) {
  const choices = [...extraChoices, ...periodChoices(today, { includeToday })];
  const matching = choices.find(
    (c) =>
      (c.period === null && value === null) ||
      (c.period && value && c.period.from === value.from && c.period.to === value.to),
  );
  const [custom, setCustom] = useState(!matching);
  const [from, setFrom] = useState(value?.from ?? today);
  const [to, setTo] = useState(value?.to ?? today);
  const range = periodSchema.safeParse({ from, to });
  return (
    <fieldset class="period-picker">
      <legend>{label}</legend>
      <label>
        <span>{choiceLabel}</span>
        <select
          value={custom ? CUSTOM : (matching?.id ?? CUSTOM)}
          onChange={(e) => {
            const id = e.currentTarget.value;
            if (id === CUSTOM) return setCustom(true);
            setCustom(false);
            onChange(choices.find((c) => c.id === id)?.period ?? null);
          }}
        >
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
          <option value={CUSTOM}>Khoảng tùy chọn…</option>
        </select>
      </label>
      {custom && (
        <form
          class="period-range"
          onSubmit={(e) => {
            e.preventDefault();
            if (range.success) onChange(range.data);
          }}
        >
          <label>
            <span>Từ ngày</span>
            <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            <span>Đến ngày</span>
            <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn" disabled={!range.success}>
            Xem kỳ này
          </button>
        </form>
      )}
      <p class="period-now">
        Đang xem: <strong>{value ? formatPeriod(value) : 'tất cả các ngày'}</strong>
      </p>
    </fieldset>
  );
}
