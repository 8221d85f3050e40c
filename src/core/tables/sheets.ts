import type { FlagReason } from '../office-flags.ts';
import { periodLine } from '../period.ts';
import { findProfile, knownProfiles } from '../profile/registry.ts';
import type { Profile } from '../profile/schema.ts';
import { sheetHalfPoints } from '../scoring/sheet-score.ts';
import type { Period } from '../settings.ts';
import type { Sheet } from '../sheet.ts';
import { FORM_LABEL, KIOSK_FLAG_LABEL, OFFICE_FLAG_LABEL } from '../vocabulary.ts';
import { fileStemOf, type TableCell, type TableColumn, type TableDocument } from './table.ts';

/**
 * The sheets themselves, one row a sheet: what a statistician re-checks a commune's figures
 * from. The kiosk exports its own; the collector adds what it knows (when it received a sheet,
 * its own flags, the office's decision) and streams a province-year without holding it.
 */

/** A sheet with what the collector knows of it. */
export interface SheetRecord {
  sheet: Sheet;
  communeCode: string;
  communeName: string;
  receivedAt?: number;
  officeFlags?: readonly FlagReason[];
  /** The office's decision after review, if it made one. */
  review?: { decision: 'counted' | 'excluded'; reason: string } | null;
}

export interface SheetsTableOptions {
  /** The collector's columns (received, office flags, decision); the kiosk has none of them. */
  office: boolean;
  /** Names, addresses, reasons and suggestions (only for those allowed to read them). */
  personal: boolean;
  period: Period | null;
  /** One commune's sheets, or every commune's when absent. */
  commune?: { code: string; name: string };
  /** The profiles whose questions the columns must hold (every known one unless given). */
  profiles?: readonly Profile[];
}

export const CHANNEL_LABEL: Record<Sheet['channel'], string> = {
  kiosk: 'Máy tại xã',
  phone: 'Điện thoại người trả lời',
};
const DECISION_LABEL = { counted: 'Tính điểm', excluded: 'Không tính' } as const;

const text = (header: string, width?: number): TableColumn => ({
  header,
  kind: 'text',
  ...(width ? { width } : {}),
});

/** The columns, questions as many as the longest form among the profiles. */
function columnsOf(options: SheetsTableOptions): TableColumn[] {
  const profiles = options.profiles ?? knownProfiles;
  const questions = Math.max(...profiles.flatMap((p) => p.forms.map((f) => f.questions.length)));
  return [
    { header: 'Mã xã', kind: 'code' },
    text('Xã, phường', 22),
    text('Kênh', 14),
    { header: 'Mã máy', kind: 'code', width: 18 },
    { header: 'Số thứ tự', kind: 'count' },
    text('Mẫu phiếu', 12),
    ...Array.from({ length: questions }, (_, i) => text(`Câu ${i + 1}`, 11)),
    { header: 'Điểm', kind: 'points', decimals: 1 },
    { header: 'Thời điểm trả lời', kind: 'datetime' },
    text('Cờ của máy'),
    ...(options.office
      ? [
          { header: 'Nhận lúc', kind: 'datetime' } as const,
          text('Cờ của cơ quan', 26),
          text('Quyết định xem xét', 14),
          text('Lý do quyết định', 24),
        ]
      : []),
    ...(options.personal
      ? [text('Họ và tên'), text('Địa chỉ', 24), text('Lý do đánh giá', 30), text('Góp ý', 30)]
      : []),
  ];
}

/** One sheet's row; answers read with the sheet's own profile (its labels and points). */
function rowOf(record: SheetRecord, questions: number, options: SheetsTableOptions): TableCell[] {
  const { sheet } = record;
  const profile = findProfile(sheet.profileId, sheet.profileVersion);
  const label = (id: string) => profile?.levels.find((l) => l.id === id)?.label ?? id;
  const answers = Array.from({ length: questions }, (_, i) => {
    const answer = sheet.answers[i];
    return answer === undefined ? null : label(answer);
  });
  return [
    record.communeCode,
    record.communeName,
    CHANNEL_LABEL[sheet.channel],
    sheet.deviceId,
    sheet.seq,
    FORM_LABEL[sheet.formId],
    ...answers,
    profile ? sheetHalfPoints(profile, sheet.answers) / 2 : null,
    sheet.createdAt,
    sheet.flags.map((f) => KIOSK_FLAG_LABEL[f]).join('; '),
    ...(options.office
      ? [
          record.receivedAt ?? null,
          (record.officeFlags ?? []).map((r) => OFFICE_FLAG_LABEL[r.flag]).join('; '),
          record.review ? DECISION_LABEL[record.review.decision] : '',
          record.review?.reason ?? '',
        ]
      : []),
    ...(options.personal
      ? [
          sheet.respondent?.name ?? '',
          sheet.respondent?.address ?? '',
          Object.entries(sheet.reasons ?? {})
            .map(([q, why]) => `Câu ${q}: ${why}`)
            .join('; '),
          sheet.suggestion ?? '',
        ]
      : []),
  ];
}

async function* rowsOf(
  records: Iterable<SheetRecord> | AsyncIterable<SheetRecord>,
  questions: number,
  options: SheetsTableOptions,
): AsyncGenerator<TableCell[]> {
  for await (const record of records) yield rowOf(record, questions, options);
}

/** The sheets as a table document: "Danh sách phiếu khảo sát" of a commune or all, for a period. */
export function sheetsDocument(
  records: Iterable<SheetRecord> | AsyncIterable<SheetRecord>,
  options: SheetsTableOptions,
): TableDocument {
  const columns = columnsOf(options);
  const questions = columns.filter((c) => /^Câu \d+$/.test(c.header)).length;
  const where = options.commune ? options.commune.name : 'Tất cả các xã, phường';
  const base = options.commune ? `phieu-khao-sat_${options.commune.code}` : 'phieu-khao-sat';
  return {
    fileStem: fileStemOf(base, options.period),
    sheetName: 'Phiếu khảo sát',
    title: [
      'DANH SÁCH PHIẾU KHẢO SÁT SỰ HÀI LÒNG',
      where,
      periodLine(options.period),
      ...(options.personal ? ['Có thông tin cá nhân: chỉ dùng theo quy định, không chia sẻ.'] : []),
    ],
    columns,
    rows: rowsOf(records, questions, options),
  };
}
