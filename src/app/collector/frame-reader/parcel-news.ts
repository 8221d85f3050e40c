import { formatCount } from '../../../core/format.ts';
import { problemCatalogue } from '../../../core/problems.ts';
import type { Parcel } from '../../../storage/office.ts';
import type { DeliveryReport } from '../../../transport/office-inbox.ts';

export interface ParcelNews {
  refused: boolean;
  text: string;
}

const WAITING = problemCatalogue['parcel.waiting'].message;

/** What became of a parcel just read: new and delivered, refused, waiting, or read before. */
export function parcelNews(
  report: DeliveryReport,
  parcelId: string,
  earlier: Parcel | undefined,
): ParcelNews {
  if (earlier?.state === 'refused')
    return { refused: true, text: `Đã đọc trước đây và máy chủ không nhận: ${earlier.reason}` };
  if (earlier?.state === 'delivered')
    return { refused: false, text: 'Đã đọc và gửi lên máy chủ trước đây; không có gì thay đổi.' };
  const settled = report.settled.find((s) => s.id === parcelId);
  if (!settled) return { refused: false, text: WAITING };
  if (settled.outcome.state === 'refused')
    return { refused: true, text: `Máy chủ không nhận: ${settled.outcome.reason}` };
  const { received, duplicates } = settled.outcome;
  return {
    refused: false,
    text: `Máy chủ đã nhận ${formatCount(received)} phiếu mới (${formatCount(duplicates)} phiếu đã có từ trước).`,
  };
}
