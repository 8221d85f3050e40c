import { haiDuong2024 } from '../../src/core/profile/index.ts';
import type { SheetDraft } from '../../src/core/sheet.ts';

let counter = 0;
/** A distinct database name per test, so tests never share state. */
export const freshDbName = () => `test-${process.pid}-${++counter}`;

export function draftAt(
  createdAt: number,
  answers = ['tot', 'kha', 'tot', 'tot', 'kha'],
): SheetDraft {
  return {
    profileId: haiDuong2024.id,
    profileVersion: haiDuong2024.version,
    formId: 'citizen',
    formVersion: 1,
    channel: 'kiosk',
    answers,
    startedAt: createdAt - 60_000,
    createdAt,
  };
}
