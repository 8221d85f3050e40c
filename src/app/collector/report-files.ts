import type { Period } from '../../core/settings.ts';

/**
 * The collector's spreadsheets the office downloads beside each print, and the names they are
 * saved under: every name carries the period (or the year) it covers.
 */
export interface ReportFile {
  path: string;
  fileName: string;
}

const slugOf = (period: Period | null) =>
  period ? `${period.from}_${period.to}` : 'tat-ca-cac-ngay';
const query = (values: Record<string, string | undefined>) => {
  const entries = Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};

/** The per-commune figures table (GET /api/v1/communes.xlsx or .csv) of a period. */
export const figuresFileName = (kind: 'csv' | 'xlsx', period: Period | null) =>
  `tong-hop-khao-sat-${slugOf(period)}.${kind}`;

/** Bảng tổng hợp of a period, with the document number and issuer printed on it. */
export function summaryReport(period: Period | null, number: string, issuer: string): ReportFile {
  return {
    path: `/api/v1/reports/summary.xlsx${query({
      from: period?.from,
      to: period?.to,
      number: number || undefined,
      issuer: issuer || undefined,
    })}`,
    fileName: `bang-tong-hop-${slugOf(period)}.xlsx`,
  };
}

/** Bảng thang chấm điểm of one commune and year. */
export function scorecardReport(communeCode: string, year: number): ReportFile {
  return {
    path: `/api/v1/reports/scorecard/${encodeURIComponent(communeCode)}/${year}.xlsx`,
    fileName: `bang-thang-cham-diem-${communeCode}-${year}.xlsx`,
  };
}

/** The communes of a year by standing, for the January decision. */
export function standingsReport(year: number): ReportFile {
  return {
    path: `/api/v1/reports/standings.xlsx${query({ year: String(year) })}`,
    fileName: `xep-loai-cac-xa-${year}.xlsx`,
  };
}

/** One row a sheet of a commune over a period; names and addresses only when asked. */
export function sheetsReport(
  kind: 'csv' | 'xlsx',
  communeCode: string,
  period: Period | null,
  personal: boolean,
): ReportFile {
  return {
    path: `/api/v1/sheets.${kind}${query({
      commune: communeCode,
      from: period?.from,
      to: period?.to,
      personal: personal ? '1' : '0',
    })}`,
    fileName: `phieu-${communeCode}-${slugOf(period)}${personal ? '-ca-nhan' : ''}.${kind}`,
  };
}

/** Hands a downloaded file to the browser under its name. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
