import { describe, expect, it } from 'vitest';
import { defaultTiming } from '../../src/core/settings.ts';
import { openKioskDb } from '../../src/storage/db.ts';
import { addSheet, listSheets, purgePersonalData } from '../../src/storage/sheets.ts';
import { draftAt, freshDbName } from './fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const nov23 = Date.UTC(2026, 10, 23, 3); // 10:00 in Vietnam

describe('sheets store', () => {
  it('numbers concurrent submits 1..n without gaps or repeats, on one device id', async () => {
    const db = await openKioskDb(freshDbName());
    const sheets = await Promise.all(
      Array.from({ length: 25 }, (_, i) => addSheet(db, draftAt(nov23 + i * HOUR), defaultTiming)),
    );
    expect(sheets.map((s) => s.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(new Set(sheets.map((s) => s.deviceId)).size).toBe(1);
    expect(sheets[0]?.deviceId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('has the sheet committed when addSheet resolves', async () => {
    const name = freshDbName();
    const db = await openKioskDb(name);
    const stored = await addSheet(db, draftAt(nov23), defaultTiming);
    db.close();
    const reopened = await openKioskDb(name);
    expect(await listSheets(reopened)).toEqual([stored]);
  });

  it('stores the flags computed from the device’s previous sheets', async () => {
    const db = await openKioskDb(freshDbName());
    await addSheet(db, draftAt(nov23), defaultTiming);
    // Submitted 15 s after the previous one: under the 20 s between submissions.
    const quick = { ...draftAt(nov23 + 15_000), startedAt: nov23 + 5_000, nonResident: true };
    const second = await addSheet(db, quick, defaultTiming);
    expect(second.flags).toEqual(['non-resident', 'quick-repeat']);
    expect(second).not.toHaveProperty('nonResident');
  });

  it('refuses a sheet that breaks the schema and writes nothing', async () => {
    const db = await openKioskDb(freshDbName());
    const bad = { ...draftAt(nov23), answers: [] };
    await expect(addSheet(db, bad, defaultTiming)).rejects.toThrow();
    expect(await listSheets(db)).toEqual([]);
    const next = await addSheet(db, draftAt(nov23), defaultTiming);
    expect(next.seq).toBe(1);
  });

  it('purges personal data in the period and keeps the answers', async () => {
    const db = await openKioskDb(freshDbName());
    // Consent is ticked during the sheet; a reason is kept only for an unsatisfied answer.
    const personal = (at: number) => ({
      respondent: {
        name: 'Nguyễn Văn A',
        address: 'Thôn Đông',
        consent: { noticeVersion: 1, at },
      },
      suggestion: 'Cần thêm ghế chờ',
      reasons: { '2': 'Chờ lâu' },
    });
    const answers = ['tot', 'trung-binh', 'tot', 'tot', 'kha'];
    await addSheet(db, { ...draftAt(nov23, answers), ...personal(nov23) }, defaultTiming);
    const later = nov23 + 10 * DAY;
    await addSheet(db, { ...draftAt(later, answers), ...personal(later) }, defaultTiming);
    const changed = await purgePersonalData(db, { from: '2026-11-23', to: '2026-11-27' });
    expect(changed).toBe(1);
    const [inside, outside] = await listSheets(db);
    expect(inside).not.toHaveProperty('respondent');
    expect(inside).not.toHaveProperty('suggestion');
    expect(inside).not.toHaveProperty('reasons');
    expect(inside?.answers).toEqual(answers);
    expect(outside?.respondent?.name).toBe('Nguyễn Văn A');
  });
});
