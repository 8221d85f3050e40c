import type { Profile } from './profile/schema.ts';
import { sheetHalfPoints } from './scoring/sheet-score.ts';
import type { Sheet } from './sheet.ts';
import { FORM_LABEL, KIOSK_FLAG_LABEL } from './vocabulary.ts';

/**
 * The sheets as one table, defined once for every spreadsheet format: CSV writes each
 * cell as vi-VN text, XLSX keeps numbers and times as numbers with a display format.
 */
export type ColumnKind = 'text' | 'integer' | 'points' | 'time';
export interface SheetColumn {
  header: string;
  kind: ColumnKind;
}
/** Text, a number, or for `time` columns an instant in ms since the epoch. */
export type SheetCell = string | number;

export interface SheetTable {
  columns: SheetColumn[];
  rows: SheetCell[][];
}

const text = (header: string): SheetColumn => ({ header, kind: 'text' });
const PERSONAL_COLUMNS = ['Họ và tên', 'Địa chỉ', 'Lý do', 'Góp ý'].map(text);

export function sheetTable(
  profile: Profile,
  sheets: readonly Sheet[],
  includePersonalData: boolean,
): SheetTable {
  const label = (id: string) => profile.levels.find((l) => l.id === id)?.label ?? id;
  const columns: SheetColumn[] = [
    text('Mã máy'),
    { header: 'Số thứ tự', kind: 'integer' },
    text('Mẫu phiếu'),
    ...[1, 2, 3, 4, 5].map((n) => text(`Câu ${n}`)),
    { header: 'Điểm', kind: 'points' },
    { header: 'Thời gian', kind: 'time' },
    text('Gắn cờ'),
    ...(includePersonalData ? PERSONAL_COLUMNS : []),
  ];
  const rows = sheets.map((s): SheetCell[] => [
    s.deviceId,
    s.seq,
    FORM_LABEL[s.formId],
    ...s.answers.map(label),
    sheetHalfPoints(profile, s.answers) / 2,
    s.createdAt,
    s.flags.map((f) => KIOSK_FLAG_LABEL[f]).join('; '),
    ...(includePersonalData
      ? [
          s.respondent?.name ?? '',
          s.respondent?.address ?? '',
          Object.entries(s.reasons ?? {})
            .map(([q, why]) => `Câu ${q}: ${why}`)
            .join('; '),
          s.suggestion ?? '',
        ]
      : []),
  ]);
  return { columns, rows };
}
