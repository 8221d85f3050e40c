import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBatch } from '../../src/core/codec/batch.ts';
import { ByteWriter } from '../../src/core/codec/bytes.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { batchOf } from '../fixtures/batches.ts';
import { breakerArbitrary } from '../fixtures/rule-breakers.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, codeOf, phoneAnswers, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const KIOSK = '3f2a9c0d1e4b5a68';
const codes: Record<string, string> = {
  'sheet.unknown-profile': '400.14',
  'sheet.answers': '400.15',
  'sheet.identity': '400.16',
  'sheet.time': '400.17',
  'sheet.personal': '400.18',
};

describe.each(stores)('the intake gate at the collector on %s', (_name, open) => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;
  let key: Uint8Array;
  const week = syntheticWeek(20, 3, KIOSK);

  beforeEach(async () => {
    ({ store, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(Date.UTC(2026, 10, 30));
    key = await collector.register(KIOSK);
    // Something stored already, so "unchanged" means something.
    expect((await collector.postBatch(await collector.seal(key, week.slice(0, 5)))).status).toBe(
      200,
    );
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  it('refuses every rule breaker a kiosk batch can carry, and the figures do not move', async () => {
    const before = await collector.communes();
    await fc.assert(
      fc.asyncProperty(breakerArbitrary(week, 'batch'), async ({ breaker, index }) => {
        const sheets = week.map((s, i) => (i === index ? breaker.breaks(s) : s));
        const body = await collector.seal(key, sheets, { includesPersonalData: true });
        expect(await codeOf(await collector.postBatch(body))).toBe(codes[breaker.problem]);
      }),
      { numRuns: 20 },
    );
    expect(await collector.communes()).toEqual(before);
  });

  it('refuses every rule breaker in a signed JSON file, and the figures do not move', async () => {
    const before = await collector.communes();
    await fc.assert(
      fc.asyncProperty(breakerArbitrary(week, 'file'), async ({ breaker, index }) => {
        const sheets = week.map((s, i) => (i === index ? breaker.breaks(s) : s));
        // Some breakers fail the file's own schema before its signature (400.8), the rest the gate.
        const file = await collector
          .signedFile(key, sheets)
          .catch(async () => ({ ...(await collector.signedFile(key, week)), sheets }));
        const response = await collector.importFile(JSON.stringify(file));
        const body = (await response.json()) as { code: string; errors: { path: string }[] };
        expect([codes[breaker.problem], '400.8']).toContain(body.code);
        expect(body.errors[0]?.path).toMatch(new RegExp(`^sheets\\.${index}\\.`));
      }),
      { numRuns: 20 },
    );
    expect(await collector.communes()).toEqual(before);
  });

  it('refuses every rule breaker on a phone sheet, and the figures do not move', async () => {
    const before = await collector.communes();
    const [first] = week;
    if (!first) throw new Error('fixture');
    await fc.assert(
      fc.asyncProperty(breakerArbitrary(week, 'phone'), async ({ breaker }) => {
        collector.setClock(START + 60_000);
        const token = await collector.phoneToken(key, {
          deviceId: KIOSK,
          issuedAt: START,
          formId: first.formId,
        });
        const broken = breaker.breaks({
          ...first,
          channel: 'phone',
          seq: 1,
          createdAt: START + 30_000,
          startedAt: START,
        });
        const { deviceId: _d, seq: _s, channel: _c, flags: _f, ...answers } = broken;
        const response = await collector.postPhoneSheet(
          token,
          phoneAnswers(START + 30_000, answers),
        );
        // The submission's own schema may refuse first (400.6); a sheet answered "in 2100" or
        // "in 2020" is also outside its token's time (400.20, 410.1).
        expect([codes[breaker.problem], '400.6', '400.20', '410.1']).toContain(
          await codeOf(response),
        );
      }),
      { numRuns: 20 },
    );
    expect(await collector.communes()).toEqual(before);
  });

  it('refuses a batch whose count is one more than its sheets: nothing invented', async () => {
    const batch = batchOf(week);
    const bytes = encodeBatch(batch);
    const countAt = new ByteWriter()
      .bytes(bytes.subarray(0, 10))
      .text(batch.profileId)
      .varint(batch.profileVersion)
      .text(batch.communeCode)
      .varint(Math.floor(batch.sealedAt / 1000))
      .varint(20)
      .varint(600)
      .varint(10)
      .varint(5)
      .bytes(new Uint8Array(16))
      .varint(1)
      .result().length;
    bytes[countAt] = week.length + 1;
    const { sealBatch } = await import('../../src/core/codec/seal.ts');
    const { signerOf } = await import('../fixtures/batches.ts');
    const { webcrypto } = await import('node:crypto');
    const sealed = await sealBatch(webcrypto.subtle, signerOf(key), bytes);
    expect(await codeOf(await collector.postBatch(sealed))).toBe('400.4');
    expect(await store.sheetsOfCommune('10507')).toHaveLength(5);
  });

  it('refuses a batch claiming 100 000 sheets before decoding one (413.1)', async () => {
    const batch = batchOf(week.slice(0, 3));
    const bytes = encodeBatch(batch);
    const countAt = new ByteWriter()
      .bytes(bytes.subarray(0, 10))
      .text(batch.profileId)
      .varint(batch.profileVersion)
      .text(batch.communeCode)
      .varint(Math.floor(batch.sealedAt / 1000))
      .varint(20)
      .varint(600)
      .varint(10)
      .varint(5)
      .bytes(new Uint8Array(16))
      .varint(1)
      .result().length;
    const crafted = new ByteWriter()
      .bytes(bytes.subarray(0, countAt))
      .varint(100_000)
      .bytes(bytes.subarray(countAt + 1))
      .result();
    const { sealBatch } = await import('../../src/core/codec/seal.ts');
    const { signerOf } = await import('../fixtures/batches.ts');
    const { webcrypto } = await import('node:crypto');
    const sealed = await sealBatch(webcrypto.subtle, signerOf(key), crafted);
    expect(await codeOf(await collector.postBatch(sealed))).toBe('413.1');
  });

  it('answers text that is not UTF-8 with its code, never a bare 500', async () => {
    const file = JSON.stringify(await collector.signedFile(key, week));
    const bytes = new TextEncoder().encode(file);
    const at = bytes.indexOf(0x58, 40); // a letter inside the commune name ("Xã")
    bytes[at] = 0xff;
    expect(await codeOf(await collector.importFile(bytes))).toBe('400.19');
    const phone = await collector.api.request('/api/v1/phone-sheets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Uint8Array.from([0x7b, 0xff, 0x7d]),
    });
    expect(await codeOf(phone)).toBe('400.19');
  });

  it('writes a file of several thousand sheets in steps, and refuses a conflict in it whole', async () => {
    // The five sheets stored before, then years more.
    const more = syntheticWeek(2495, 9, KIOSK).map((s, i) => ({ ...s, seq: i + 6 }));
    const years = [...week.slice(0, 5), ...more];
    // Sheet 2 400 is already stored with other answers: nothing of the file may be written.
    const clash = {
      ...(years[2399] as (typeof years)[number]),
      answers: ['yeu', 'yeu', 'yeu', 'yeu', 'yeu'],
    };
    collector.setClock(Date.UTC(2026, 11, 30));
    await collector.postBatch(await collector.seal(key, [clash], { chainHead: undefined }));
    const refused = await collector.importFile(
      JSON.stringify(await collector.signedFile(key, years)),
    );
    expect(await codeOf(refused)).toBe('409.1');
    expect(await store.sheetsOfCommune('10507')).toHaveLength(5 + 1);
    const fine = years.map((s) => (s.seq === 2400 ? clash : s));
    const imported = await collector.importFile(
      JSON.stringify(await collector.signedFile(key, fine)),
    );
    expect(imported.status).toBe(200);
    expect(await store.sheetsOfCommune('10507')).toHaveLength(2500);
  });

  it('limits the body of every route, also a phone token claim', async () => {
    const huge = new Uint8Array(9 * 1024).fill(0x20);
    const claim = await collector.api.request('/api/v1/phone-tokens/x/claims', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(claim.status).toBe(413);
    const registration = await collector.api.request('/api/v1/kiosks', {
      method: 'POST',
      headers: admin,
      body: huge,
    });
    expect(await codeOf(registration)).toBe('413.2');
  });
});
