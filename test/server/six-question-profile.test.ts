import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { questionsOf } from '../../src/app/collector/questions.ts';
import { communeFiguresSchema } from '../../src/core/commune-figures.ts';
import { sheetFault } from '../../src/core/intake.ts';
import { answerQrOf, readAnswerQr } from '../../src/core/phone/answer-qr.ts';
import { readPhoneToken } from '../../src/core/phone/token.ts';
import { addKnownProfile, defaultProfile } from '../../src/core/profile/registry.ts';
import type { FormId } from '../../src/core/profile/schema.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { sixQuestions } from '../fixtures/profiles/six-questions.ts';
import { admin, codeOf, phoneAnswers, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

/**
 * One profile end to end: sheets of a six-question, three-level profile (its own level ids,
 * points and form versions) through every path into a collector — kiosk batch, signed JSON
 * file, phone sheet, answer QR relayed by the kiosk — then its figures and the sheet
 * exports, beside a five-question sheet of the shipped profile in another commune.
 */
const KIOSK_A = '6a1b2c3d4e5f6071';
const KIOSK_B = '6a1b2c3d4e5f6072';
const KIOSK_C = '6a1b2c3d4e5f6073';
const [HL, BT, CHL] = ['hai-long', 'binh-thuong', 'chua-hai-long'];
const POINTS: Record<string, number> = { [HL]: 5, [BT]: 2, [CHL]: 0 };
const LABEL: Record<string, string> = {
  [HL]: 'Hài lòng',
  [BT]: 'Bình thường',
  [CHL]: 'Chưa hài lòng',
};
const FORM_VERSION: Record<FormId, number> = { citizen: 2, cadre: 3 };

const sheetOf = (
  deviceId: string,
  seq: number,
  formId: FormId,
  answers: string[],
  profile = sixQuestions,
): Sheet => ({
  deviceId,
  seq,
  profileId: profile.id,
  profileVersion: profile.version,
  formId,
  formVersion: profile === sixQuestions ? FORM_VERSION[formId] : 1,
  channel: 'kiosk',
  answers,
  startedAt: START - 3_600_000 + seq * 120_000 - 60_000,
  createdAt: START - 3_600_000 + seq * 120_000,
  flags: [],
});

const batchSheets = [
  sheetOf(KIOSK_A, 1, 'citizen', [HL, HL, HL, HL, HL, HL]),
  sheetOf(KIOSK_A, 2, 'citizen', [HL, HL, BT, BT, CHL, CHL]),
  sheetOf(KIOSK_A, 3, 'cadre', [BT, BT, BT, BT, BT, BT]),
];
const fileSheets = [
  sheetOf(KIOSK_B, 1, 'citizen', [CHL, CHL, CHL, CHL, CHL, CHL]),
  sheetOf(KIOSK_B, 2, 'cadre', [HL, BT, HL, BT, HL, BT]),
];
const phoneSheet = [HL, HL, HL, BT, BT, BT];
const relayedSheet = [BT, BT, BT, BT, BT, BT];
const citizenAnswers = [
  ...batchSheets.filter((s) => s.formId === 'citizen').map((s) => s.answers),
  ...fileSheets.filter((s) => s.formId === 'citizen').map((s) => s.answers),
  phoneSheet,
  relayedSheet,
];
const halfPoints = (answers: readonly string[]) =>
  answers.reduce((n, id) => n + (POINTS[id] ?? Number.NaN), 0);

describe('a six-question, three-level profile end to end', () => {
  let forget: () => void;
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;
  const [sqlite] = stores;

  beforeAll(() => {
    forget = addKnownProfile(sixQuestions);
  });
  afterAll(() => forget());
  beforeEach(async () => {
    if (!sqlite) throw new Error('no store');
    ({ store, dispose } = await sqlite[1]());
    collector = testCollector(store);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  /** Every path, then the five-question sheet in commune 10509. */
  async function deliverAll() {
    const keyA = await collector.register(KIOSK_A);
    const keyB = await collector.register(KIOSK_B);
    const keyC = await collector.register(KIOSK_C, '10509');
    const batch = await collector.seal(keyA, batchSheets, {
      profileId: sixQuestions.id,
      profileVersion: sixQuestions.version,
    });
    expect((await collector.postBatch(batch)).status).toBe(200);

    const file = await collector.signedFile(keyB, fileSheets);
    expect((await collector.importFile(JSON.stringify(file))).status).toBeLessThan(300);

    const answers = (list: string[], at: number) =>
      phoneAnswers(at, {
        profileId: sixQuestions.id,
        profileVersion: 1,
        formVersion: 2,
        answers: list,
      });
    const phoneToken = await collector.phoneToken(keyA, { deviceId: KIOSK_A });
    expect((await collector.postPhoneSheet(phoneToken, answers(phoneSheet, START))).status).toBe(
      201,
    );

    // The phone without network shows its sheet as a QR; the kiosk reads it on its own profile.
    const relayToken = await collector.phoneToken(keyA, { deviceId: KIOSK_A });
    const qr = answerQrOf(readPhoneToken(relayToken), answers(relayedSheet, START), sixQuestions);
    const relayed = readAnswerQr(qr, sixQuestions);
    expect(relayed.answers.answers).toEqual(relayedSheet);
    expect(relayed.answers.formVersion).toBe(2);
    expect((await collector.postPhoneSheet(relayed.token.text, relayed.answers)).status).toBe(201);

    const five = [
      sheetOf(KIOSK_C, 1, 'citizen', ['tot', 'kha', 'trung-binh', 'yeu', 'tot'], defaultProfile),
    ];
    const fiveBatch = await collector.seal(keyC, five, { communeCode: '10509' });
    expect((await collector.postBatch(fiveBatch)).status).toBe(200);
  }

  it('takes its sheets on every path and computes the figures on its own points', async () => {
    await deliverAll();
    const communes = (await collector.communes()).map((c) => communeFiguresSchema.parse(c));
    const six = communes.find((c) => c.communeCode === '10507');
    const five = communes.find((c) => c.communeCode === '10509');
    expect(six).toMatchObject({
      sheetCount: 7,
      phoneSheetCount: 2,
      profileId: 'test-sau-cau',
      profileVersion: 1,
      levels: ['Hài lòng', 'Bình thường', 'Chưa hài lòng'],
    });
    // Citizen: 30 + 14 + 0 + 21 + 12 half-points over five sheets = 77/10 points.
    expect(citizenAnswers.map(halfPoints)).toEqual([30, 14, 0, 21, 12]);
    expect(six?.citizen.meanReviewed).toMatchObject({ num: 77, den: 10, value: 7.7 });
    expect(six?.citizen.satisfactionRate).toMatchObject({ num: 11, den: 30 });
    // Cadre: 12 + 21 half-points over two sheets = 33/4 points.
    expect(six?.cadre.meanReviewed).toMatchObject({ num: 33, den: 4 });
    expect(six?.sectionA).toMatchObject({ complete: true, num: 77 * 2 + 33 * 5, den: 20 });
    // Answers by question, six rows of three levels.
    const expected = Array.from({ length: 6 }, (_, q) =>
      [HL, BT, CHL].map((level) => citizenAnswers.filter((a) => a[q] === level).length),
    );
    expect(six?.citizen.distribution).toEqual(expected);
    expect(six?.phone.citizen.meanReviewed).toMatchObject({ num: 33, den: 4 });
    // The office names the rows of that distribution with this profile's questions.
    if (!six) throw new Error('no commune 10507');
    expect(questionsOf(six, 'citizen').map((q) => q.topic)).toEqual(
      sixQuestions.forms[0]?.questions.map((q) => q.topic),
    );
    // The five-question sheet beside it keeps the shipped profile's points: 4+2+1+0+4 = 11/2.
    expect(five).toMatchObject({
      profileId: 'hai-duong-2024',
      levels: ['Tốt', 'Khá', 'Trung bình', 'Yếu'],
    });
    expect(five?.citizen.meanReviewed).toMatchObject({ num: 11, den: 2 });
    expect(five?.citizen.distribution).toHaveLength(5);
  });

  it('exports its sheets with six answer columns and the score after them, in CSV and XLSX', async () => {
    await deliverAll();
    const get = (path: string) => collector.api.request(path, { headers: admin });
    const csv = (await (await get('/api/v1/sheets.csv')).text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .map((line) => line.split(';'));
    const header = csv.find((r) => r[0] === 'Mã xã') ?? [];
    const at = (name: string) => header.indexOf(name);
    expect(header.filter((h) => /^Câu \d+$/.test(h))).toEqual([
      'Câu 1',
      'Câu 2',
      'Câu 3',
      'Câu 4',
      'Câu 5',
      'Câu 6',
    ]);
    expect(at('Điểm')).toBe(at('Câu 6') + 1);
    const rows = csv.slice(csv.indexOf(header) + 1).filter((r) => r.length > 1);
    expect(rows).toHaveLength(8);
    const answersOf = (r: string[]) => r.slice(at('Câu 1'), at('Câu 6') + 1);
    const first = rows.find(
      (r) => r[at('Mã máy')] === `="${KIOSK_A}"` && r[at('Số thứ tự')] === '2',
    );
    expect(answersOf(first ?? [])).toEqual(batchSheets[1]?.answers.map((id) => LABEL[id]));
    expect(first?.[at('Điểm')]).toBe('7,0');
    const fiveRow = rows.find((r) => r[0] === '="10509"') ?? [];
    expect(answersOf(fiveRow)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Yếu', 'Tốt', '']);
    expect(fiveRow[at('Điểm')]).toBe('5,5');

    // The figures table of the communes: each mean on its own profile's points.
    const figures = (await (await get('/api/v1/communes.csv')).text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .map((line) => line.split(';'));
    const figuresHeader = figures.find((r) => r[0] === 'Mã xã') ?? [];
    const meanAt = figuresHeader.indexOf('Điểm TB người dân (đã xem xét)');
    const meanOf = (code: string) => figures.find((r) => r[0] === `="${code}"`)?.[meanAt];
    expect(meanOf('10507')).toBe('7,70');
    expect(meanOf('10509')).toBe('5,50');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get('/api/v1/sheets.xlsx')).arrayBuffer());
    const sheet = workbook.getWorksheet('Phiếu khảo sát');
    if (!sheet) throw new Error('no worksheet');
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'Mã xã') headerRow = n;
    });
    const headers = sheet.getRow(headerRow).values as unknown[];
    const cell = (row: number, name: string) =>
      sheet.getRow(row).getCell(headers.indexOf(name)).value;
    const scores = new Map<string, unknown>();
    for (let n = headerRow + 1; n <= sheet.rowCount; n++)
      scores.set(
        `${cell(n, 'Mã máy')}#${cell(n, 'Số thứ tự')}|${cell(n, 'Câu 6') ?? ''}`,
        cell(n, 'Điểm'),
      );
    expect(scores.get(`${KIOSK_A}#1|Hài lòng`)).toBe(15);
    expect(scores.get(`${KIOSK_B}#2|Bình thường`)).toBe(10.5);
    expect(scores.get(`${KIOSK_C}#1|`)).toBe(5.5);
  });

  it('refuses a six-question sheet that names the shipped profile, on every path and at the gate', async () => {
    const keyA = await collector.register(KIOSK_A);
    const wrong = {
      ...sheetOf(KIOSK_A, 1, 'citizen', [HL, HL, HL, HL, HL, HL]),
      profileId: defaultProfile.id,
      formVersion: 1,
    };
    const sixOfDefault = { ...wrong, answers: ['tot', 'tot', 'tot', 'tot', 'tot', 'tot'] };
    for (const sheet of [wrong, sixOfDefault])
      expect(sheetFault(sheet, { path: 'batch', now: START })?.key).toBe('sheet.answers');
    // Its own six answers on its own form version, but naming the shipped profile: that form is v1.
    expect(sheetFault({ ...wrong, formVersion: 2 }, { path: 'batch', now: START })?.key).toBe(
      'sheet.unknown-profile',
    );
    const file = await collector.signedFile(keyA, [sixOfDefault]);
    expect(await codeOf(await collector.importFile(JSON.stringify(file)))).toBe('400.15');
    const token = await collector.phoneToken(keyA, { deviceId: KIOSK_A });
    const phone = phoneAnswers(START, { answers: sixOfDefault.answers });
    expect(await codeOf(await collector.postPhoneSheet(token, phone))).toBe('400.15');
    expect(await collector.communes()).toEqual([expect.objectContaining({ sheetCount: 0 })]);
  });
});
