import { useState } from 'preact/hooks';
import { formatPeriod, surveyWeekPresets } from '../../../core/period.ts';
import { type Period, periodSchema } from '../../../core/settings.ts';

const CUSTOM = 'custom';

/**
 * The days whose sheets make Section A: the year's survey week by default (either reading of
 * "5 ngày làm việc vào tuần cuối cùng của tháng 11"), or any range the office sets.
 */
export function SectionAPeriod({
  year,
  period,
  disabled,
  onChange,
}: {
  year: number;
  period: Period;
  disabled: boolean;
  onChange: (period: Period) => void;
}) {
  const presets = surveyWeekPresets(year);
  const matching = presets.find((p) => p.period.from === period.from && p.period.to === period.to);
  const [choice, setChoice] = useState(matching?.id ?? CUSTOM);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const chosen =
    choice === CUSTOM
      ? periodSchema.safeParse({ from, to })
      : { success: true as const, data: presets.find((p) => p.id === choice)?.period ?? period };
  return (
    <form
      class="section-a-period"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen.success) onChange(chosen.data);
      }}
    >
      <fieldset disabled={disabled}>
        <legend>Kỳ tính điểm mục A: {formatPeriod(period)}</legend>
        <label>
          <span>Kỳ khác</span>
          <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            <option value={CUSTOM}>Khoảng tùy chọn…</option>
          </select>
        </label>
        {choice === CUSTOM && (
          <div class="period-range">
            <label>
              <span>Từ ngày</span>
              <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label>
              <span>Đến ngày</span>
              <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
          </div>
        )}
        <button type="submit" class="btn" disabled={!chosen.success}>
          Đổi kỳ mục A
        </button>
      </fieldset>
    </form>
  );
}
