import type { KioskRow, SequenceGap } from './api.ts';
import { formatCount, formatDateTime } from './format.ts';

/*
 * The office registry's words, apart from vocabulary.ts: the kiosk's first screen loads that
 * module, and nothing of the registry belongs in its 40 KB.
 */

/** "11–12" or "19": a range of missing sequence numbers. */
function gapRange(gap: SequenceGap): string {
  return gap.from === gap.to
    ? formatCount(gap.from)
    : `${formatCount(gap.from)}–${formatCount(gap.to)}`;
}

/** The times around a gap, as the office reads them: "sau phiếu gửi lúc …, trước phiếu gửi lúc …". */
function gapContext(gap: SequenceGap): string {
  const after = gap.after === null ? 'từ đầu' : `sau phiếu gửi lúc ${formatDateTime(gap.after)}`;
  const before =
    gap.before === null
      ? 'chưa nhận phiếu nào sau đó'
      : `trước phiếu gửi lúc ${formatDateTime(gap.before)}`;
  return `${after}, ${before}`;
}

/** The kiosk's clock against the office's, in whole minutes; under two either way is on time. */
function clockSkew(row: KioskRow): string {
  if (row.clockSkewMs === null) return 'chưa đo (máy chưa gửi qua mạng)';
  const minutes = Math.round(Math.abs(row.clockSkewMs) / 60_000);
  if (minutes < 2) return 'đúng giờ';
  return `${row.clockSkewMs > 0 ? 'nhanh' : 'chậm'} ${formatCount(minutes)} phút`;
}

/** What the office knows of the kiosk's chain, in a sentence. */
function chainState(row: KioskRow): string {
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

/** The thresholds the kiosk flags by now, and how often they changed. */
function kioskThresholds(row: KioskRow): string {
  const latest = row.thresholds.at(-1);
  if (!latest) return 'chưa biết';
  const t = latest.thresholds;
  const now = `${formatCount(t.minIntervalSeconds)} giây giữa hai phiếu; quá ${formatCount(t.burstCount)} phiếu trong ${formatCount(t.burstWindowSeconds / 60)} phút; ${formatCount(t.identicalRunLength)} phiếu giống hệt liên tiếp`;
  return row.thresholds.length > 1
    ? `${now} (đã đổi ${formatCount(row.thresholds.length - 1)} lần, lần gần nhất từ phiếu số ${formatCount(latest.firstSeq)})`
    : now;
}

/**
 * The office's registry of kiosks and printed desk QRs (GET /api/v1/kiosks): its labels, and
 * the sentences it composes from a kiosk's row. The refusals are in the problem catalogue.
 */
export const REGISTRY_WORDS = {
  title: 'Máy khảo sát và mã QR in sẵn',
  loading: 'Đang tải…',
  empty: 'Chưa có máy nào được đăng ký.',
  kind: { kiosk: 'máy khảo sát', desk: 'mã QR in sẵn' },
  /** A device the office gave no label. */
  unnamed: { kiosk: 'Máy khảo sát', desk: 'Mã QR in sẵn' },
  term: {
    state: 'Trạng thái',
    deviceId: 'Mã máy',
    fingerprint: 'Dấu vân tay khóa',
    registeredAt: 'Đăng ký lúc',
    sheets: 'Phiếu đã nhận',
    firstLast: 'Phiếu đầu tiên – gần nhất',
    phoneSheets: 'Phiếu qua điện thoại',
    lastContact: 'Liên lạc gần nhất',
    clock: 'Đồng hồ của máy',
    missing: 'Số thứ tự còn thiếu',
    chain: 'Chuỗi kiểm tra',
    thresholds: 'Ngưỡng gắn cờ của máy',
    flagged: 'Phiếu gắn cờ',
  },
  state: (row: KioskRow): string =>
    row.state === 'revoked'
      ? `Đã thu hồi lúc ${formatDateTime(row.revokedAt ?? 0)}: ${row.revocationReason ?? ''}`
      : 'Đang dùng',
  firstLast: (row: KioskRow): string =>
    row.firstSheet && row.lastSheet
      ? `số ${formatCount(row.firstSheet.seq)} lúc ${formatDateTime(row.firstSheet.createdAt)} – số ${formatCount(row.lastSheet.seq)} lúc ${formatDateTime(row.lastSheet.createdAt)}`
      : '—',
  lastContact: (row: KioskRow): string =>
    row.lastContactAt ? formatDateTime(row.lastContactAt) : 'chưa liên lạc',
  noGaps: 'không thiếu',
  gapRange,
  gapContext,
  clockSkew,
  chainState,
  thresholds: kioskThresholds,
  flagged: (row: KioskRow): string =>
    row.kind === 'kiosk'
      ? `${formatCount(row.officeFlagged)} theo cơ quan, ${formatCount(row.kioskFlagged)} theo máy`
      : `${formatCount(row.officeFlagged)} theo cơ quan`,
  allowCadre: 'Cho phép mã QR này phát phiếu cán bộ thôn',
  revoke: 'Thu hồi máy này',
  revokeEffect:
    'Sau khi thu hồi, cơ quan không nhận thêm phiếu hay mã QR đánh giá nào của máy này. Các phiếu đã nhận vẫn được giữ và tính.',
  revokeReason: 'Lý do thu hồi',
  confirmRevoke: 'Xác nhận thu hồi',
  keep: 'Không thu hồi',
  setAside: {
    caption:
      'Dữ liệu để riêng: các dòng do phiên bản cũ lưu mà nay không hợp lệ (không tính vào số liệu, không bị xóa)',
    columns: ['Mã xã', 'Nguồn', 'Mã máy / mã QR', 'Số thứ tự', 'Nhận lúc', 'Lý do (mã lỗi)'],
    /** Where the row came from; a channel this build does not know, by its code. */
    channel: (channel: string): string =>
      channel === 'phone' ? 'Điện thoại' : channel === 'kiosk' ? 'Máy khảo sát' : channel,
  },
};
