import { useState } from 'preact/hooks';
import type { ExportKind } from '../../../transport/file-export.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { downloadFile } from '../../platform/download-file.ts';
import type { KioskServices } from '../../services.ts';
import { useIdleHold } from '../idle-lock/index.tsx';

/** Downloads every sheet as a signed JSON file, a CSV or an Excel workbook. */
export function FileExport({ services }: { services: KioskServices }) {
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [error, setError] = useState('');
  const [preparing, setPreparing] = useState(false);
  // A large workbook can take longer than a short idle time to write; locking meanwhile would
  // still let it download, personal data and all, onto a tablet back at the survey.
  useIdleHold(preparing);
  const download = async (kind: ExportKind) => {
    setError('');
    setPreparing(true);
    try {
      downloadFile(await services.collector.exportFile(kind, includePersonalData));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPreparing(false);
    }
  };
  return (
    <section aria-labelledby="file-export-title">
      <h2 id="file-export-title">Tải tệp dữ liệu</h2>
      <label class="inline">
        <input
          type="checkbox"
          checked={includePersonalData}
          onChange={(e) => setIncludePersonalData(e.currentTarget.checked)}
        />
        Kèm dữ liệu cá nhân (họ tên, địa chỉ, lý do, góp ý)
      </label>
      <div class="admin-bar">
        <button type="button" class="btn" onClick={() => download('json')}>
          Tải tệp JSON (nhập lại được)
        </button>
        <button type="button" class="btn" onClick={() => download('xlsx')}>
          Tải tệp Excel (.xlsx)
        </button>
        <button type="button" class="btn" onClick={() => download('csv')}>
          Tải tệp CSV
        </button>
      </div>
      <AlertText text={error} />
    </section>
  );
}
