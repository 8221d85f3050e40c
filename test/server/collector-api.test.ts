import { webcrypto } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Batch, encodeBatch } from '../../src/core/codec/batch.ts';
import { sealBatch } from '../../src/core/codec/seal.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import { SHEETS_FILE_FORMAT, signSheetsFile } from '../../src/core/sheets-file.ts';
import { collectorApi, MAX_BATCH_BYTES } from '../../src/server/app.ts';
import { silentLog } from '../../src/server/log.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { batchOf, signerOf } from '../fixtures/batches.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { stores } from './stores.ts';

const ADMIN = 'test-admin-token';
const DEVICE = '3f2a9c0d1e4b5a68';
const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };

describe.each(stores)('collector on %s', (_name, open) => {
  let store: CollectorStore;
  let reopen: () => Promise<CollectorStore>;
  let dispose: () => Promise<void>;
  let api: ReturnType<typeof collectorApi>;

  beforeEach(async () => {
    ({ store, reopen, dispose } = await open());
    api = collectorApi({ store, adminToken: ADMIN, log: silentLog, writesPerMinute: 1000 });
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  async function register(deviceId = DEVICE, communeCode = '10507'): Promise<Uint8Array> {
    const response = await api.request('/api/v1/kiosks', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ deviceId, communeCode, communeName: 'Xã Tứ Kỳ', label: 'Quầy 1' }),
    });
    expect(response.status).toBe(201);
    const { key } = (await response.json()) as { key: string };
    return new Uint8Array(Buffer.from(key, 'base64url'));
  }

  async function sealed(key: Uint8Array, sheets: Sheet[], overrides: Partial<Batch> = {}) {
    return sealBatch(webcrypto.subtle, signerOf(key), encodeBatch(batchOf(sheets, overrides)));
  }

  const post = (body: Uint8Array) =>
    api.request('/api/v1/batches', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Uint8Array.from(body),
    });

  async function storedCount(): Promise<number> {
    return (await store.sheetsOfCommune('10507')).length;
  }

  describe('kiosk registration', () => {
    it('needs an office sign-in, and refuses a wrong bootstrap token', async () => {
      const response = await api.request('/api/v1/kiosks', { method: 'POST', body: '{}' });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: '401.6' });
      const wrong = await api.request('/api/v1/kiosks', {
        method: 'POST',
        headers: { authorization: 'Bearer not-the-token' },
        body: '{}',
      });
      expect(await wrong.json()).toMatchObject({ code: '401.2' });
    });

    it('issues a 32-byte key once, and refuses to register the same kiosk again', async () => {
      expect((await register()).length).toBe(32);
      const again = await api.request('/api/v1/kiosks', {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          deviceId: DEVICE,
          communeCode: '10507',
          communeName: 'Xã Tứ Kỳ',
          label: '',
        }),
      });
      expect(again.status).toBe(409);
    });

    it('refuses a malformed body with a Vietnamese sentence', async () => {
      const response = await api.request('/api/v1/kiosks', {
        method: 'POST',
        headers: admin,
        body: '{"deviceId": 1',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: '400.6',
        message: expect.stringContaining('không hợp lệ'),
      });
    });
  });

  describe('batch ingest', () => {
    it('stores a batch and reports every sheet received', async () => {
      const key = await register();
      const response = await post(await sealed(key, syntheticWeek(40, 3, DEVICE)));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { received: number[]; duplicates: number[] };
      expect(body.received).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await storedCount()).toBe(40);
    });

    it('is idempotent: the same batch again changes nothing and says so', async () => {
      const key = await register();
      const batch = await sealed(key, syntheticWeek(40, 3, DEVICE));
      await post(batch);
      const again = await post(batch);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({
        received: [],
        duplicates: Array.from({ length: 40 }, (_, i) => i + 1),
      });
      expect(await storedCount()).toBe(40);
    });

    it('refuses the same identity with other answers (409) and writes nothing of that batch', async () => {
      const key = await register();
      const week = syntheticWeek(10, 3, DEVICE);
      await post(await sealed(key, week.slice(0, 5)));
      const altered = week.map((s) =>
        s.seq === 3 ? { ...s, answers: ['yeu', 'yeu', 'yeu', 'yeu', 'yeu'] } : s,
      );
      const response = await post(await sealed(key, altered));
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: '409.1', conflicts: [3] });
      expect(await storedCount()).toBe(5);
    });

    it('refuses damaged, forged, foreign and oversized batches and writes nothing', async () => {
      const key = await register();
      const good = await sealed(key, syntheticWeek(20, 3, DEVICE));
      const flipped = good.slice();
      flipped[20] = (flipped[20] ?? 0) ^ 1;
      const otherFormat = encodeBatch({ ...batchOf(syntheticWeek(2, 3, DEVICE)) });
      otherFormat[0] = 9;
      const versioned = await sealBatch(webcrypto.subtle, signerOf(key), otherFormat);
      const cases: [string, Uint8Array, string][] = [
        ['flipped bit', flipped, '400.4'],
        ['truncated', good.slice(0, good.length - 30), '400.4'],
        [
          'forged signature',
          await sealed(new Uint8Array(32), syntheticWeek(20, 3, DEVICE)),
          '401.1',
        ],
        [
          'unregistered kiosk',
          await sealed(key, syntheticWeek(3, 3, 'aaaaaaaaaaaaaaaa'), {
            deviceId: 'aaaaaaaaaaaaaaaa',
          }),
          '401.1',
        ],
        [
          'other commune',
          await sealed(key, syntheticWeek(3, 3, DEVICE), { communeCode: '99999' }),
          '403.1',
        ],
        ['oversized', new Uint8Array(MAX_BATCH_BYTES + 1), '413.2'],
      ];
      for (const [, body, code] of cases) {
        const response = await post(body);
        expect({
          code: ((await response.json()) as { code: string }).code,
          status: response.status,
        }).toEqual({
          code,
          status: Number.parseInt(code, 10),
        });
      }
      // Another format version under a valid seal is caught once the signature holds.
      expect(((await (await post(versioned)).json()) as { code: string }).code).toBe('400.5');
      expect(await storedCount()).toBe(0);
    });

    it('limits how fast one client may write', async () => {
      const limited = collectorApi({
        store,
        adminToken: ADMIN,
        log: silentLog,
        writesPerMinute: 2,
      });
      const send = () =>
        limited.request('/api/v1/batches', { method: 'POST', body: new Uint8Array(4) });
      const statuses = [(await send()).status, (await send()).status, (await send()).status];
      expect(statuses[2]).toBe(429);
    });
  });

  describe('JSON file import', () => {
    async function signedFile(key: Uint8Array, sheets: Sheet[]) {
      return signSheetsFile(signerOf(key), {
        format: SHEETS_FILE_FORMAT,
        version: 1,
        exportedAt: Date.UTC(2026, 10, 28),
        deviceId: DEVICE,
        communeCode: '10507',
        communeName: 'Xã Tứ Kỳ',
        includesPersonalData: false,
        sheets,
      });
    }
    const importing = (body: string) =>
      api.request('/api/v1/imports', { method: 'POST', headers: admin, body });
    const codeOf = async (response: Response) => ((await response.json()) as { code: string }).code;

    it('imports a signed file whole, and the same file again changes nothing', async () => {
      const key = await register();
      const file = JSON.stringify(await signedFile(key, syntheticWeek(12, 4, DEVICE)));
      const first = await importing(file);
      expect(first.status).toBe(200);
      expect(((await first.json()) as { received: number[] }).received).toHaveLength(12);
      expect(await (await importing(file)).json()).toMatchObject({
        received: [],
        duplicates: expect.any(Array),
      });
      expect(await storedCount()).toBe(12);
    });

    it('refuses a truncated file, an invalid one with its error list, and an edited one; nothing is stored', async () => {
      const key = await register();
      const file = await signedFile(key, syntheticWeek(5, 4, DEVICE));
      const text = JSON.stringify(file);
      expect(await codeOf(await importing(text.slice(0, text.length / 2)))).toBe('400.7');

      const invalid = await importing(
        JSON.stringify({ ...file, sheets: [{ ...file.sheets[0], answers: [] }] }),
      );
      expect(invalid.status).toBe(400);
      const body = (await invalid.json()) as { code: string; errors: { path: string }[] };
      expect(body.code).toBe('400.8');
      expect(body.errors.map((e) => e.path)).toContain('sheets.0.answers');

      const edited = {
        ...file,
        sheets: file.sheets.map((s) => ({ ...s, answers: ['tot', 'tot', 'tot', 'tot', 'tot'] })),
      };
      expect(await codeOf(await importing(JSON.stringify(edited)))).toBe('401.1');
      expect(await storedCount()).toBe(0);
    });

    it('refuses a file holding another kiosk’s sheets', async () => {
      const key = await register();
      const foreign = syntheticWeek(2, 4, 'bbbbbbbbbbbbbbbb');
      const file = await signedFile(key, syntheticWeek(2, 4, DEVICE)).catch(() => undefined);
      const mixed = { ...file, sheets: [...(file?.sheets ?? []), ...foreign] };
      expect(await codeOf(await importing(JSON.stringify(mixed)))).toBe('400.8');
      expect(await storedCount()).toBe(0);
    });

    it('needs the admin token', async () => {
      const response = await api.request('/api/v1/imports', { method: 'POST', body: '{}' });
      expect(response.status).toBe(401);
    });
  });

  describe('commune summaries', () => {
    it('need the admin token', async () => {
      expect((await api.request('/api/v1/communes')).status).toBe(401);
    });

    it('count nothing for a commune whose kiosk has sent nothing yet', async () => {
      await register();
      const {
        communes: [commune],
      } = (await (await api.request('/api/v1/communes', { headers: admin })).json()) as {
        communes: { sheetCount: number; setAsideCount: number }[];
      };
      expect(commune).toMatchObject({ sheetCount: 0, setAsideCount: 0 });
    });

    it('recompute means, rates and Section A from the stored answers', async () => {
      const key = await register();
      const base = syntheticWeek(4, 3, DEVICE);
      const sheets = base.map((s, i) => ({
        ...s,
        formId: i < 2 ? ('citizen' as const) : ('cadre' as const),
        answers:
          i % 2 === 0 ? ['tot', 'tot', 'tot', 'tot', 'tot'] : ['kha', 'kha', 'kha', 'kha', 'kha'],
        flags: [],
      }));
      await post(await sealed(key, sheets));
      const {
        communes: [commune],
      } = (await (await api.request('/api/v1/communes', { headers: admin })).json()) as {
        communes: {
          sheetCount: number;
          citizen: {
            sheets: number;
            mean: { display: string };
            satisfactionRate: { value: number };
          };
          sectionA: { num: number; den: number; complete: boolean };
        }[];
      };
      expect(commune?.sheetCount).toBe(4);
      expect(commune?.citizen.sheets).toBe(2);
      expect(commune?.citizen.mean.display).toBe('7,5');
      expect(commune?.citizen.satisfactionRate.value).toBe(1);
      expect(commune?.sectionA).toMatchObject({ num: 15, den: 1, complete: true });
    });
  });

  describe('Excel exports', () => {
    it('give the per-commune table as XLSX with numeric cells, and as CSV with a BOM and the period', async () => {
      const key = await register();
      const sheets = syntheticWeek(4, 3, DEVICE).map((s) => ({
        ...s,
        formId: 'citizen' as const,
        answers: ['tot', 'tot', 'kha', 'kha', 'trung-binh'],
        flags: [],
      }));
      await post(await sealed(key, sheets));
      const xlsx = await api.request('/api/v1/communes.xlsx', { headers: admin });
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const sheet = workbook.getWorksheet('Số liệu các xã');
      const headerRow = 4; // after the title, the period and a blank row
      const headers = (sheet?.getRow(headerRow).values ?? []) as unknown[];
      const row = sheet?.getRow(headerRow + 1);
      const cell = (header: string) => row?.getCell(headers.indexOf(header)).value;
      expect(cell('Xã, phường')).toBe('Xã Tứ Kỳ');
      expect(cell('Số phiếu')).toBe(4);
      expect(cell('Điểm TB người dân (mọi phiếu)')).toBe(6.5); // 2 + 2 + 1 + 1 + 0,5
      expect(cell('Phiếu qua điện thoại')).toBe(0); // none answered on a phone
      const bytes = new Uint8Array(
        await (await api.request('/api/v1/communes.csv', { headers: admin })).arrayBuffer(),
      );
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
      const lines = new TextDecoder().decode(bytes).split('\r\n');
      expect(lines[1]).toBe('Kỳ: mọi ngày đã nhận phiếu');
      expect(lines[3]?.startsWith('Mã xã;Xã, phường;Số phiếu')).toBe(true);
      expect(lines[4]).toContain(';6,50;');
    });

    it('need the admin token', async () => {
      expect((await api.request('/api/v1/communes.xlsx')).status).toBe(401);
    });
  });

  describe('storage', () => {
    it('keeps the sheets when the collector restarts on the same database', async () => {
      const key = await register();
      await post(await sealed(key, syntheticWeek(7, 3, DEVICE)));
      await store.close();
      store = await reopen();
      expect(await storedCount()).toBe(7);
    });
  });
});
