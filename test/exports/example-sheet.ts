import type { SheetRecord } from '../../src/core/tables/sheets.ts';

/** The sheet of the CSV and XLSX examples in docs/formats.md. */
export const exampleSheet: SheetRecord = {
  communeCode: '00412',
  communeName: 'Xã Tứ Kỳ',
  sheet: {
    deviceId: '3f2a9c0d1e4b5a68',
    seq: 17,
    profileId: 'hai-duong-2024',
    profileVersion: 1,
    formId: 'citizen',
    formVersion: 1,
    channel: 'kiosk',
    answers: ['tot', 'kha', 'tot', 'trung-binh', 'tot'],
    // 08:02 on 24/11/2026 in Vietnam.
    startedAt: Date.UTC(2026, 10, 24, 1, 0),
    createdAt: Date.UTC(2026, 10, 24, 1, 2),
    flags: [],
  },
};
