import { useEffect, useState } from 'preact/hooks';
import type { FlaggedSheet } from '../../../core/api.ts';
import { formatCount, formatDateTime } from '../../../core/format.ts';
import { FORM_LABEL, flagReasonSentence } from '../../../core/vocabulary.ts';
import { AlertText } from '../../components/alert-text/index.tsx';
import type { OfficeServices } from '../../office-services.ts';

/** The sheets of a commune the office flagged, each with why, in words an officer reads. */
export function FlaggedSheets({
  office,
  communeCode,
}: {
  office: OfficeServices;
  communeCode: string;
}) {
  const [rows, setRows] = useState<FlaggedSheet[] | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    office.flagged(communeCode).then(setRows, (e: Error) => setError(e.message));
  }, [office, communeCode]);
  if (error) return <AlertText text={error} />;
  if (!rows) return <p>Đang tải…</p>;
  return (
    <table>
      <caption>Phiếu cơ quan gắn cờ ({formatCount(rows.length)}): vẫn được giữ và tính</caption>
      <thead>
        <tr>
          <th scope="col">Gửi lúc</th>
          <th scope="col">Nguồn</th>
          <th scope="col">Mẫu phiếu</th>
          <th scope="col">Vì sao</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.channel}:${r.deviceId}:${r.seq}`}>
            <td>{formatDateTime(r.createdAt)}</td>
            <td>
              {r.channel === 'phone'
                ? 'Điện thoại'
                : `Máy ${r.deviceId}, phiếu số ${formatCount(r.seq)}`}
            </td>
            <td>{FORM_LABEL[r.formId]}</td>
            <td>
              <ul>
                {r.reasons.map((reason) => (
                  <li key={reason.flag}>{flagReasonSentence(reason)}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
