import { formatDateTime, formatPoints } from './format.ts';
import type { Profile } from './profile/schema.ts';
import { sheetHalfPoints } from './scoring/sheet-score.ts';
import type { Sheet } from './sheet.ts';

/**
 * Sheets as CSV for Excel: UTF-8 with a BOM (so Excel reads Vietnamese), Vietnamese
 * headers, one row a sheet. Cells that a spreadsheet would run as a formula are defused.
 */
const BOM = '\uFEFF';
const FORM_LABEL = { citizen: 'Người dân', cadre: 'Cán bộ thôn' } as const;
const FLAG_LABEL = {
  'non-resident': 'không cư trú',
  'quick-repeat': 'quá nhanh sau phiếu trước',
  burst: 'dồn dập',
  'identical-run': 'giống hệt các phiếu trước',
} as const;

/** A cell safe to open in a spreadsheet: quoted, and never starting a formula. */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(defused) || defused !== value
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}

export function sheetsToCsv(
  profile: Profile,
  sheets: readonly Sheet[],
  includePersonalData: boolean,
): string {
  const label = (id: string) => profile.levels.find((l) => l.id === id)?.label ?? id;
  const header = [
    'Mã máy',
    'Số thứ tự',
    'Mẫu phiếu',
    'Câu 1',
    'Câu 2',
    'Câu 3',
    'Câu 4',
    'Câu 5',
    'Điểm',
    'Thời gian',
    'Gắn cờ',
    ...(includePersonalData ? ['Họ và tên', 'Địa chỉ', 'Lý do', 'Góp ý'] : []),
  ];
  const rows = sheets.map((s) => [
    s.deviceId,
    String(s.seq),
    FORM_LABEL[s.formId],
    ...s.answers.map(label),
    formatPoints(sheetHalfPoints(profile, s.answers) / 2),
    formatDateTime(s.createdAt),
    s.flags.map((f) => FLAG_LABEL[f]).join('; '),
    ...(includePersonalData
      ? [
          s.respondent?.name ?? '',
          s.respondent?.address ?? '',
          Object.entries(s.reasons ?? {})
            .map(([q, text]) => `Câu ${q}: ${text}`)
            .join('; '),
          s.suggestion ?? '',
        ]
      : []),
  ]);
  return `${BOM}${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
