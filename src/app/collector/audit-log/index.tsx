import { useEffect, useState } from 'preact/hooks';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { said } from '../../../core/problems/said.ts';
import { Problem } from '../../../core/problems.ts';
import { auditActionLabel } from '../../../core/vocabulary.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import { TableBox } from '../../components/table-box/index.tsx';
import type { AuditLog, OfficeServices } from '../../office-services.ts';
import { saveFile } from '../report-files.ts';

const messageOf = (failure: unknown) =>
  failure instanceof Error ? failure.message : String(failure);

/** An entry's details (JSON as the collector wrote them) as "key: value" pairs. */
function detailOf(detail: string): string {
  try {
    const parsed: unknown = JSON.parse(detail);
    if (!parsed || typeof parsed !== 'object') return detail;
    return Object.entries(parsed)
      .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join('; ');
  } catch {
    return detail;
  }
}

/**
 * The audit log, for an office admin: who did what and when, newest first, with a plain warning
 * when the collector finds the chain of entries broken; the whole log as a spreadsheet.
 */
export function AuditLogScreen({ office }: { office: OfficeServices }) {
  const [log, setLog] = useState<AuditLog | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    void (async () => {
      try {
        setLog(await office.audit());
      } catch (failure) {
        setError(messageOf(failure));
      }
    })();
  }, [office]);
  const save = async (extension: 'xlsx' | 'csv') => {
    try {
      saveFile(
        await office.download(`/api/v1/audit.${extension}`),
        `nhat-ky-thao-tac.${extension}`,
      );
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const broken = new Problem('audit.chain-broken');
  // Newest first, whatever order the collector sent.
  const entries = [...(log?.entries ?? [])].sort((a, b) => b.ordinal - a.ordinal);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Nhật ký thao tác</h2>
      <div class="admin-bar">
        <button type="button" class="btn" onClick={() => void save('xlsx')}>
          Tải nhật ký (Excel)
        </button>
        <button type="button" class="btn" onClick={() => void save('csv')}>
          Tải nhật ký (CSV)
        </button>
      </div>
      <AlertText text={error} />
      {log && !log.chainHolds && <AlertText text={said(broken)} />}
      {log && (
        <p>
          {log.chainHolds ? 'Các mục của nhật ký liền mạch, không có mục nào bị sửa hay xóa. ' : ''}
          Đang hiện {formatCount(entries.length)} trong {formatCount(log.total)} mục, mới nhất
          trước.
        </p>
      )}
      {log && (
        <TableBox label="Các mục nhật ký thao tác">
          <table aria-label="Các mục nhật ký thao tác">
            <thead>
              <tr>
                <th scope="col">Lúc</th>
                <th scope="col">Người làm</th>
                <th scope="col">Thao tác</th>
                <th scope="col">Đối tượng</th>
                <th scope="col">Chi tiết</th>
                <th scope="col">Địa chỉ máy</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.ordinal}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actor}</td>
                  <th scope="row">{auditActionLabel(e.action)}</th>
                  <td>{e.target}</td>
                  <td>{detailOf(e.detail)}</td>
                  <td>{e.address}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
}
