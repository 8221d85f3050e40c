import type { CommuneFigures, ExactFigure, FormFigures } from '../commune-figures.ts';
import { periodLine } from '../period.ts';
import type { Period } from '../settings.ts';
import { FORM_LABEL } from '../vocabulary.ts';
import { fileStemOf, type TableCell, type TableColumn, type TableDocument } from './table.ts';

/**
 * Every commune's figures over a period, raw beside reviewed (GET /api/v1/communes.csv|xlsx):
 * the working table an officer filters and sorts, with exact values underneath the decimals.
 */

const value = (figure: ExactFigure | null) => figure?.value ?? null;

const formColumns = (form: 'citizen' | 'cadre'): TableColumn[] => {
  const label = FORM_LABEL[form].toLowerCase();
  return [
    { header: `Phiếu ${label}`, kind: 'count' },
    { header: `Gắn cờ (${label})`, kind: 'count' },
    { header: `Không tính (${label})`, kind: 'count' },
    { header: `Điểm TB ${label} (mọi phiếu)`, kind: 'points' },
    { header: `Điểm TB ${label} (đã xem xét)`, kind: 'points' },
    { header: `Tỷ lệ hài lòng ${label}`, kind: 'percent' },
  ];
};

const formCells = (form: FormFigures): TableCell[] => [
  form.sheets,
  form.flagged,
  form.excluded,
  value(form.mean),
  value(form.meanReviewed),
  value(form.satisfactionReviewed),
];

const COLUMNS: TableColumn[] = [
  { header: 'Mã xã', kind: 'code' },
  { header: 'Xã, phường', kind: 'text', width: 24 },
  { header: 'Số phiếu', kind: 'count' },
  { header: 'Phiếu qua điện thoại', kind: 'count' },
  { header: 'Nhận gần nhất', kind: 'datetime' },
  ...formColumns('citizen'),
  ...formColumns('cadre'),
  { header: 'Điểm mục A', kind: 'points' },
  { header: 'Mục A đủ hai mẫu phiếu', kind: 'text' },
];

/** The per-commune figures of a period as a table document. */
export function figuresDocument(
  communes: readonly CommuneFigures[],
  period: Period | null,
): TableDocument {
  return {
    fileStem: fileStemOf('so-lieu-cac-xa', period),
    sheetName: 'Số liệu các xã',
    title: ['SỐ LIỆU KHẢO SÁT SỰ HÀI LÒNG THEO XÃ, PHƯỜNG', periodLine(period)],
    columns: COLUMNS,
    rows: communes.map((c) => [
      c.communeCode,
      c.communeName,
      c.sheetCount,
      c.phoneSheetCount,
      c.lastReceivedAt,
      ...formCells(c.citizen),
      ...formCells(c.cadre),
      c.sectionA.value ?? null,
      c.sectionA.complete ? 'Có' : 'Chưa',
    ]),
    notes: [
      '“Đã xem xét”: không tính các phiếu cơ quan thu phiếu đã quyết định không tính; mục A lấy điểm này.',
      'Số trong ô giữ giá trị chính xác; ô chỉ hiển thị 2 chữ số thập phân.',
    ],
  };
}
