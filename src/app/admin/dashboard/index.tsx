import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatCount, formatPercent, formatPoints } from '../../../core/format.ts';
import { formatIsoDay, formatPeriod, vnDay } from '../../../core/period.ts';
import type { PeriodChoice } from '../../../core/period-choices.ts';
import type { Profile } from '../../../core/profile/schema.ts';
import type { KioskSettings, Period } from '../../../core/settings.ts';
import type { Sheet } from '../../../core/sheet.ts';
import { PeriodPicker } from '../../components/period-picker/index.tsx';
import type { KioskServices, StorageStatus } from '../../services.ts';
import { Distribution } from './distribution.tsx';
import { dashboardFigures } from './figures.ts';

interface Props {
  services: KioskServices;
  profile: Profile;
  settings: KioskSettings;
}

export const FORM_ROW_LABEL = {
  citizen: 'Người dân (Phụ lục 02)',
  cadre: 'Cán bộ thôn (Phụ lục 03)',
} as const;

const formatBytes = (bytes: number) =>
  bytes >= 1e9 ? `${formatPoints(bytes / 1e9, 1)} GB` : `${formatPoints(bytes / 1e6, 1)} MB`;

/** The kiosk's survey period as a choice of its own, named with its dates. */
const surveyChoice = (period: Period): PeriodChoice => ({
  id: 'survey-period',
  label: `Kỳ khảo sát của máy: ${formatPeriod(period)}`,
  period,
});

/**
 * Counts, means and rates of the sheets on this device over a period the staff choose (the
 * kiosk's survey period first), each figure naming its period; flagged always beside raw.
 */
export function Dashboard({ services, profile, settings }: Props) {
  const [sheets, setSheets] = useState<Sheet[] | undefined>(undefined);
  const [storage, setStorage] = useState<StorageStatus | undefined>(undefined);
  const [period, setPeriod] = useState<Period | null>(settings.period);
  useEffect(() => {
    services.listSheets().then(setSheets);
    services.storageStatus().then(setStorage);
  }, [services]);
  const now = Date.now();
  const today = vnDay(now);
  // Recomputed from the stored sheets whenever the period changes, never from a cached total.
  const figures = useMemo(
    () => sheets && dashboardFigures(profile, sheets, period, Date.now()),
    [profile, sheets, period],
  );
  if (!figures) return <p>Đang tính…</p>;

  const ofPeriod = period ? formatPeriod(period) : 'tất cả các ngày';
  const shown = figures.forms.find((f) => f.formId === settings.formId) ?? figures.forms[0];
  const unknown = figures.forms.reduce((n, f) => n + f.all.unknownProfileCount, 0);
  // No scored sheet in the period yet: "0 / 20" would read as a result.
  const nothingScored = figures.forms.every((f) => f.all.mean === null);
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Tổng quan</h1>
      <PeriodPicker
        value={period}
        onChange={setPeriod}
        today={today}
        includeToday
        extraChoices={[surveyChoice(settings.period)]}
      />
      <dl class="stat-list">
        <div>
          <dt>Phiếu hôm nay ({formatIsoDay(today)})</dt>
          <dd>{formatCount(figures.today)}</dd>
        </div>
        <div>
          <dt>Phiếu trong kỳ đang xem ({ofPeriod})</dt>
          <dd>{formatCount(figures.inPeriod)}</dd>
        </div>
        <div>
          <dt>Tổng số phiếu trên máy (mọi ngày)</dt>
          <dd>{formatCount(figures.total)}</dd>
        </div>
      </dl>
      <table>
        <caption>Kết quả theo mẫu phiếu, kỳ {ofPeriod}</caption>
        <thead>
          <tr>
            <th scope="col">Mẫu phiếu</th>
            <th scope="col">Số phiếu</th>
            <th scope="col">Gắn cờ</th>
            <th scope="col">Điểm trung bình</th>
            <th scope="col">Tỷ lệ hài lòng (Tốt + Khá)</th>
            <th scope="col">Điểm trung bình không tính phiếu gắn cờ</th>
          </tr>
        </thead>
        <tbody>
          {figures.forms.map(({ formId, all, withoutFlagged }) => (
            <tr key={formId}>
              <th scope="row">{FORM_ROW_LABEL[formId]}</th>
              <td class="num">{formatCount(all.sheetCount)}</td>
              <td class="num">{formatCount(all.flaggedCount)}</td>
              <td class="num">{all.mean ? `${formatPoints(all.mean)} / 10` : '—'}</td>
              <td class="num">
                {all.satisfactionRate ? formatPercent(all.satisfactionRate) : '—'}
              </td>
              <td class="num">{withoutFlagged.mean ? formatPoints(withoutFlagged.mean) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Điểm mục A, kỳ {ofPeriod} (trung bình phiếu người dân + trung bình phiếu cán bộ thôn):{' '}
        {nothingScored ? (
          <strong>—</strong>
        ) : (
          <>
            <strong>{formatPoints(figures.sectionA.value)} / 20</strong>
            {!figures.sectionA.complete && ' — chưa đủ, vì còn mẫu phiếu chưa có phiếu nào.'}
          </>
        )}
      </p>
      {unknown > 0 && (
        <p class="admin-notice">
          {formatCount(unknown)} phiếu trong kỳ {ofPeriod} theo bộ câu hỏi mà phiên bản này chưa
          biết: đã đếm, chưa tính điểm.
        </p>
      )}
      {shown && <Distribution profile={profile} summary={shown.all} periodLabel={ofPeriod} />}
      <h2>Bộ nhớ của máy</h2>
      {storage && (
        <p>
          Bộ nhớ bền vững: {storage.persisted ? 'đã được cấp' : 'chưa được cấp'}.
          {storage.quotaBytes !== undefined &&
            ` Đã dùng ${formatBytes(storage.usageBytes ?? 0)} trên ${formatBytes(storage.quotaBytes)}.`}
        </p>
      )}
    </section>
  );
}
