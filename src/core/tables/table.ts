import type { Period } from '../settings.ts';

/**
 * A document as a title, typed columns and rows: what every export format (src/exports)
 * writes, so the Bảng tổng hợp, a scorecard or a province-year of sheets is defined once and
 * comes out the same in CSV and XLSX. Pure: rows may be an async stream from the store.
 */

/**
 * How a column's cells read. `code` is text that looks like a number (a commune code with its
 * leading zeros); `points` and `percent` keep exact values, shown with the column's decimals.
 */
export type ColumnKind = 'text' | 'code' | 'count' | 'points' | 'percent' | 'datetime' | 'date';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Decimals every cell of a `points` or `percent` column shows (2 and 1 unless given). */
  decimals?: number;
  /** Width in characters, for formats that have one. */
  width?: number;
}

/**
 * text and code: a string; count and points: a number; percent: a share from 0 to 1;
 * datetime and date: an instant in ms since the epoch (shown in Vietnam time); null: empty.
 */
export type TableCell = string | number | null;

export interface TableDocument {
  /** File name without extension, ASCII, carrying the period: "tong-hop_2026-11-23_2026-11-27". */
  fileStem: string;
  /** The worksheet's name (at most 31 characters, Excel's limit). */
  sheetName: string;
  /** Lines above the table: what it is, the period, who issues it. */
  title: readonly string[];
  columns: readonly TableColumn[];
  rows: Iterable<TableCell[]> | AsyncIterable<TableCell[]>;
  /** Rows after the data, set apart (the totals row). */
  totals?: readonly TableCell[][];
  /** Lines below the table (how a figure was computed). */
  notes?: readonly string[];
}

export const DEFAULT_DECIMALS: Partial<Record<ColumnKind, number>> = { points: 2, percent: 1 };

/** The decimals a column shows. */
export const decimalsOf = (column: TableColumn): number =>
  column.decimals ?? DEFAULT_DECIMALS[column.kind] ?? 0;

/** "tong-hop" and a period → "tong-hop_2026-11-23_2026-11-27"; every day → "tong-hop_toan-bo". */
export function fileStemOf(base: string, period: Period | null): string {
  return period ? `${base}_${period.from}_${period.to}` : `${base}_toan-bo`;
}
