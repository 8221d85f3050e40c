import { useState } from 'preact/hooks';
import type { Period } from '../../../core/settings.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';
import { saveFile, sheetsReport } from '../report-files.ts';

/** A commune's sheets over the period, one row a sheet, for Excel; personal data only when ticked. */
export function SheetDownloads({
  office,
  communeCode,
  period,
  mayReadPersonal = true,
}: {
  office: OfficeServices;
  communeCode: string;
  period: Period | null;
  /** Whether the signed-in account may have names and addresses ('read-personal'). */
  mayReadPersonal?: boolean;
}) {
  const [personal, setPersonal] = useState(false);
  const [error, setError] = useState('');
  const download = async (kind: 'csv' | 'xlsx') => {
    const report = sheetsReport(kind, communeCode, period, personal && mayReadPersonal);
    try {
      saveFile(await office.download(report.path), report.fileName);
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="sheet-downloads">
      {mayReadPersonal && (
        <label class="inline">
          <input
            type="checkbox"
            checked={personal}
            onChange={(e) => setPersonal(e.currentTarget.checked)}
          />
          Kèm họ tên, địa chỉ (dữ liệu cá nhân; máy chủ ghi nhật ký)
        </label>
      )}
      <div class="admin-bar">
        <button type="button" class="btn" onClick={() => void download('xlsx')}>
          Tải danh sách phiếu (Excel)
        </button>
        <button type="button" class="btn" onClick={() => void download('csv')}>
          Tải danh sách phiếu (CSV)
        </button>
      </div>
      <AlertText text={error} />
    </div>
  );
}
