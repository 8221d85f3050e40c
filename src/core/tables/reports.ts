import type { CommuneScorecard } from '../appraisal.ts';
import type { CommuneFigures } from '../commune-figures.ts';
import { periodLine } from '../period.ts';
import type { Scorecard } from '../profile/scorecard-schema.ts';
import { scorecardDocumentText, scorecardRows, sectionBTotals } from '../scorecard-table.ts';
import type { CommuneStanding } from '../scoring/commune-standing.ts';
import { type Fraction, fractionToNumber } from '../scoring/fraction.ts';
import type { Period } from '../settings.ts';
import { provinceTotals, standingGroups, summaryRows } from '../summary-table.ts';
import { fileStemOf, type TableCell, type TableColumn, type TableDocument } from './table.ts';

/**
 * The reports ready to sign as spreadsheets, beside their A4 prints (src/app/collector/print-*):
 * the same rows (src/core/summary-table.ts, scorecard-table.ts), the same exact values underneath
 * (an officer adding Section B in Excel adds what the collector compared with the thresholds).
 */

/** Who issues a report: up to two lines ("UBND TỈNH …", "SỞ NỘI VỤ"), and its number. */
export interface ReportHead {
  issuer: readonly string[];
  number: string;
}

const value = (f: Fraction | null): number | null => (f ? fractionToNumber(f) : null);
const points = (header: string): TableColumn => ({ header, kind: 'points', decimals: 2 });
const headLines = (head: ReportHead) => [
  ...head.issuer.filter((line) => line.trim() !== ''),
  `Số: ${head.number.trim() || '……'}`,
];

/** The Bảng tổng hợp of a period: one row a commune, the totals row over all sheets. */
export function summaryDocument(
  communes: readonly CommuneFigures[],
  standings: readonly CommuneStanding[] | null,
  scorecard: Scorecard,
  period: Period | null,
  head: ReportHead,
): TableDocument {
  const rows = summaryRows(communes, standings, scorecard);
  const totals = provinceTotals(communes);
  return {
    fileStem: fileStemOf('bang-tong-hop', period),
    sheetName: 'Bảng tổng hợp',
    title: [
      ...headLines(head),
      'BẢNG TỔNG HỢP KẾT QUẢ KHẢO SÁT',
      'Sự hài lòng của người dân và cán bộ thôn, khu dân cư về “Xây dựng chính quyền xã, phường, thị trấn thân thiện, vì Nhân dân phục vụ”',
      periodLine(period),
    ],
    columns: [
      { header: 'TT', kind: 'count' },
      { header: 'Mã xã', kind: 'code' },
      { header: 'Xã, phường', kind: 'text', width: 24 },
      { header: 'Phiếu người dân', kind: 'count' },
      points('Điểm TB người dân (tối đa 10)'),
      { header: 'Phiếu cán bộ thôn', kind: 'count' },
      points('Điểm TB cán bộ thôn (tối đa 10)'),
      points('Mục A (tối đa 20)'),
      points('Mục B (tối đa 80)'),
      points('Tổng điểm (A + B)'),
      { header: 'Mức độ đạt chuẩn', kind: 'text', width: 20 },
      { header: 'Tỷ lệ Tốt + Khá (người dân)', kind: 'percent' },
    ],
    rows: rows.map((row, i): TableCell[] => [
      i + 1,
      row.communeCode,
      row.communeName,
      row.citizen.sheets,
      value(row.citizen.mean),
      row.cadre.sheets,
      value(row.cadre.mean),
      row.sectionAComplete ? value(row.sectionA) : null,
      row.sectionB === null ? null : row.sectionB / 2,
      value(row.total),
      row.standing
        ? `${row.standing}${row.provisional ? ' (tạm tính)' : ''}`
        : row.sectionAComplete
          ? ''
          : 'Chưa đủ phiếu',
      value(row.satisfaction),
    ]),
    totals: [
      [
        null,
        '',
        'Tổng cộng',
        totals.citizen.sheets,
        value(totals.citizen.mean),
        totals.cadre.sheets,
        value(totals.cadre.mean),
        null,
        null,
        null,
        '',
        value(totals.satisfaction),
      ],
    ],
    notes: [
      'Ghi chú: điểm tính chính xác từ các câu trả lời đã lưu (Tốt 2, Khá 1, Trung bình 0,5, Yếu 0 điểm mỗi câu); ô giữ giá trị chính xác, chỉ hiển thị 2 chữ số thập phân; mức độ đạt chuẩn so trên tổng điểm chính xác.',
      'Số phiếu và điểm trung bình không tính các phiếu cơ quan đã để riêng sau khi xét; dòng Tổng cộng tính trên toàn bộ phiếu, không lấy trung bình của các xã. Mục B theo kết quả thẩm định (mục chưa thẩm định tính theo điểm tự chấm); “tạm tính”: kết quả thẩm định chưa khóa.',
      ...(standings === null ? ['Chưa có mục B: không có kết quả thẩm định của năm.'] : []),
    ],
  };
}

/** The Bảng thang chấm điểm of one commune and year in the seed's layout: Điểm chuẩn, Tự chấm, Thẩm định. */
export function scorecardDocument(
  scorecard: Scorecard,
  card: CommuneScorecard,
  communeName: string,
  figures: CommuneFigures | null,
): TableDocument {
  const text = scorecardDocumentText(scorecard);
  const self = card.selfScore?.entries ?? {};
  const rows = scorecardRows(scorecard, self, card.appraisal);
  const b = sectionBTotals(scorecard, self, card.appraisal);
  const mean = (form: 'citizen' | 'cadre') => figures?.[form].meanReviewed?.value ?? null;
  const a = figures?.sectionA;
  return {
    fileStem: `bang-thang-cham-diem_${card.communeCode}_${card.year}`,
    sheetName: 'Bảng thang chấm điểm',
    title: [
      'ỦY BAN NHÂN DÂN',
      communeName,
      text.title,
      text.subtitle,
      `Năm ${card.year}; mục A trong ${periodLine(card.period).replace(/^Kỳ/, 'kỳ')}`,
      card.lockedAt === null
        ? 'Kết quả thẩm định chưa khóa (tạm tính).'
        : 'Kết quả thẩm định đã khóa.',
    ],
    columns: [
      { header: 'TT', kind: 'text', width: 5 },
      { header: 'Nội dung tiêu chí', kind: 'text', width: 70 },
      points('Điểm chuẩn'),
      points('Tự chấm'),
      points('Thẩm định'),
      { header: 'Ghi chú của xã', kind: 'text', width: 24 },
      { header: 'Lý do thẩm định', kind: 'text', width: 24 },
    ],
    rows: [
      ['A', 'ĐIỂM KHẢO SÁT (tối đa 20)', 20, null, a?.complete ? (a.value ?? null) : null, '', ''],
      ['1', text.sectionA.citizen, 10, null, mean('citizen'), '', ''],
      ['2', text.sectionA.cadre, 10, null, mean('cadre'), '', ''],
      [
        'B',
        text.sectionB,
        scorecard.sectionB.maxHalfPoints / 2,
        b.self === null ? null : b.self / 2,
        b.counted / 2,
        '',
        '',
      ],
      ...rows.map((row): TableCell[] => [
        row.tt,
        row.depth >= 2 ? `${row.tt} ${row.text}` : row.text,
        row.maxHalfPoints / 2,
        row.self === null ? null : row.self / 2,
        row.leaf
          ? row.appraisal === null
            ? null
            : row.appraisal / 2
          : row.counted === null
            ? null
            : row.counted / 2,
        row.note ?? '',
        row.reason ?? '',
      ]),
    ],
    totals: [
      [
        '',
        text.totalRow,
        scorecard.maxPoints,
        null,
        a?.complete && a.value !== undefined ? a.value + b.counted / 2 : null,
        '',
        '',
      ],
    ],
    notes: [
      ...(card.disqualification
        ? [
            `Không đạt chuẩn: ${scorecard.disqualifiers.find((d) => d.id === card.disqualification?.id)?.text ?? card.disqualification.id} ${card.disqualification.reason}`.trim(),
          ]
        : []),
      'Cột Thẩm định của một mục có mục con là tổng điểm được tính (thẩm định, hoặc tự chấm khi mục chưa thẩm định).',
      `${text.signature.on} — ${text.signature.title} ${text.signature.hint}`,
    ],
  };
}

/** The communes of a year by standing, highest first, for the January decision (Bước 3). */
export function standingsDocument(
  standings: readonly CommuneStanding[],
  scorecard: Scorecard,
  year: number,
  head: ReportHead,
): TableDocument {
  const groups = standingGroups(standings, scorecard);
  return {
    fileStem: `xep-loai-cac-xa_${year}`,
    sheetName: 'Xếp loại các xã',
    title: [
      ...headLines(head),
      'DANH SÁCH CÁC XÃ, PHƯỜNG THEO MỨC ĐỘ ĐẠT CHUẨN',
      `“Chính quyền xã, phường, thị trấn thân thiện, vì Nhân dân phục vụ” năm ${year}`,
    ],
    columns: [
      { header: 'Mức độ đạt chuẩn', kind: 'text', width: 22 },
      { header: 'Thứ hạng', kind: 'count' },
      { header: 'Mã xã', kind: 'code' },
      { header: 'Xã, phường', kind: 'text', width: 24 },
      points('Mục A'),
      points('Mục B'),
      points('Tổng điểm'),
      { header: 'Kết quả thẩm định', kind: 'text', width: 14 },
      { header: 'Lý do', kind: 'text', width: 40 },
    ],
    rows: groups.flatMap((group) =>
      group.communes.map(({ standing, reason }): TableCell[] => [
        group.label,
        standing.rank,
        standing.communeCode,
        standing.communeName,
        standing.sectionA.complete ? (standing.sectionA.value?.value ?? null) : null,
        standing.sectionB.halfPoints / 2,
        standing.total?.value ?? null,
        standing.provisional ? 'Chưa khóa' : 'Đã khóa',
        reason ?? '',
      ]),
    ),
    notes: ['Thứ hạng theo tổng điểm chính xác; các xã bằng điểm cùng thứ hạng.'],
  };
}
