import type { KioskRow, SequenceGap } from '../../../core/api.ts';
import { formatCount, formatDateTime } from '../../../core/format.ts';

/** "11–12" or "19": a range of missing sequence numbers. */
export function gapRange(gap: SequenceGap): string {
  return gap.from === gap.to
    ? formatCount(gap.from)
    : `${formatCount(gap.from)}–${formatCount(gap.to)}`;
}

/** The times around a gap, as the office reads them: "sau phiếu lúc …, trước phiếu lúc …". */
export function gapContext(gap: SequenceGap): string {
  const after = gap.after === null ? 'từ đầu' : `sau phiếu gửi lúc ${formatDateTime(gap.after)}`;
  const before =
    gap.before === null
      ? 'chưa nhận phiếu nào sau đó'
      : `trước phiếu gửi lúc ${formatDateTime(gap.before)}`;
  return `${after}, ${before}`;
}

/** The kiosk's clock against the office's, when worth saying. */
export function clockSkew(row: KioskRow): string {
  if (row.clockSkewMs === null) return 'chưa đo (máy chưa gửi qua mạng)';
  const minutes = Math.round(Math.abs(row.clockSkewMs) / 60_000);
  if (minutes < 2) return 'đúng giờ';
  return `${row.clockSkewMs > 0 ? 'nhanh' : 'chậm'} ${formatCount(minutes)} phút`;
}

/** What the office knows of the kiosk's chain, in a sentence. */
export function chainState(row: KioskRow): string {
  const { verifiedThrough, pendingClaims, breaks } = row.chain;
  if (breaks.length > 0)
    return `Không khớp tại phiếu ${breaks.map((b) => formatCount(b.seq)).join(', ')}: lịch sử máy gửi khác với các phiếu cơ quan đã nhận.`;
  const verified =
    verifiedThrough > 0
      ? `Khớp đến phiếu ${formatCount(verifiedThrough)}`
      : 'Chưa kiểm tra được (chưa có phiếu số 1)';
  return pendingClaims > 0
    ? `${verified}; ${formatCount(pendingClaims)} mã chuỗi chờ các phiếu còn thiếu.`
    : `${verified}.`;
}
