import type { AuditEntry } from '../accounts.ts';
import { periodLine } from '../period.ts';
import type { Period } from '../settings.ts';
import { fileStemOf, type TableCell, type TableDocument } from './table.ts';

/** The office's audit log as a table document (GET /api/v1/audit.csv|xlsx), oldest first. */
export function auditDocument(
  entries: Iterable<AuditEntry> | AsyncIterable<AuditEntry>,
  period: Period | null,
): TableDocument {
  async function* rows(): AsyncGenerator<TableCell[]> {
    for await (const e of entries)
      yield [e.ordinal, e.at, e.actor, e.action, e.target, e.detail, e.address, e.hash];
  }
  return {
    fileStem: fileStemOf('nhat-ky-thao-tac', period),
    sheetName: 'Nhật ký thao tác',
    title: ['NHẬT KÝ THAO TÁC CỦA CƠ QUAN THU PHIẾU', periodLine(period)],
    columns: [
      { header: 'Số thứ tự', kind: 'count' },
      { header: 'Lúc', kind: 'datetime' },
      { header: 'Người thực hiện', kind: 'text', width: 28 },
      { header: 'Thao tác', kind: 'text', width: 22 },
      { header: 'Đối tượng', kind: 'text', width: 22 },
      { header: 'Chi tiết', kind: 'text', width: 40 },
      { header: 'Địa chỉ máy', kind: 'text', width: 16 },
      { header: 'Mã kiểm tra (SHA-256)', kind: 'code', width: 20 },
    ],
    rows: rows(),
  };
}
