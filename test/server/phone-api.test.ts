import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PhoneAnswers } from '../../src/core/phone/phone-sheet.ts';
import { issuePhoneToken } from '../../src/core/phone/token.ts';
import { OFFLINE_GRACE_MS } from '../../src/core/phone/token-check.ts';
import { collectorApi } from '../../src/server/app.ts';
import { silentLog } from '../../src/server/log.ts';
import { openSqliteStore } from '../../src/server/store/collector-store.ts';
import { schemaSteps } from '../../src/server/store/schema.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { signerOf } from '../fixtures/batches.ts';
import { stores } from './stores.ts';

const ADMIN = 'test-admin-token';
const KIOSK = '3f2a9c0d1e4b5a68';
const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
const json = { 'content-type': 'application/json' };
const START = Date.UTC(2026, 10, 24, 2);

describe.each(stores)('phone mode on %s', (_name, open) => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let api: ReturnType<typeof collectorApi>;
  let key: Uint8Array;
  let clock: number;

  beforeEach(async () => {
    ({ store, dispose } = await open());
    clock = START;
    api = collectorApi({
      store,
      adminToken: ADMIN,
      log: silentLog,
      now: () => clock,
      writesPerMinute: 1000,
      deskTokensPerMinute: { perClient: 3, perCommune: 5 },
    });
    const response = await api.request('/api/v1/kiosks', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        deviceId: KIOSK,
        communeCode: '00412',
        communeName: 'Phường Trần Hưng Đạo',
        label: '',
      }),
    });
    key = new Uint8Array(
      Buffer.from(((await response.json()) as { key: string }).key, 'base64url'),
    );
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  const tokenFrom = (signingKey: Uint8Array, overrides: Record<string, unknown> = {}) =>
    issuePhoneToken(signerOf(signingKey), {
      deviceId: KIOSK,
      formId: 'citizen',
      communeCode: '00412',
      issuedAt: START,
      lifetimeMinutes: 15,
      nonce: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex'),
      ...overrides,
    });
  const answers = (overrides: Partial<PhoneAnswers> = {}): PhoneAnswers => ({
    profileId: 'hai-duong-2024',
    profileVersion: 1,
    formId: 'citizen',
    formVersion: 1,
    answers: ['tot', 'tot', 'kha', 'tot', 'tot'],
    startedAt: START + 60_000,
    createdAt: START + 120_000,
    ...overrides,
  });
  const submit = async (token: string, sheet = answers()) => {
    const response = await api.request('/api/v1/phone-sheets', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token, sheet }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  const check = async (token: string) => {
    const response = await api.request(`/api/v1/phone-tokens/${token}`);
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };

  it('takes one sheet per token, counted as a phone sheet of the commune', async () => {
    const token = await tokenFrom(key);
    expect((await check(token)).body).toMatchObject({
      communeName: 'Phường Trần Hưng Đạo',
      formId: 'citizen',
    });
    expect((await submit(token)).body.status).toBe('received');
    // The same sheet again (a phone retrying after a lost answer): counted once.
    expect((await submit(token)).body.status).toBe('duplicate');
    // Another sheet on the same token, or the link opened again: refused.
    const second = await submit(token, answers({ answers: ['yeu', 'yeu', 'yeu', 'yeu', 'yeu'] }));
    expect(second).toMatchObject({ status: 409, body: { code: '409.3' } });
    expect(second.body.message).toContain('đã được dùng');
    expect((await check(token)).body.code).toBe('409.3');
    const sheets = await store.sheetsOfCommune('00412');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({ channel: 'phone', seq: 1, answers: answers().answers });
    expect(await store.communes()).toEqual([
      expect.objectContaining({ communeCode: '00412', sheetCount: 1, phoneSheetCount: 1 }),
    ]);
    const {
      communes: [figures],
    } = (await (await api.request('/api/v1/communes', { headers: admin })).json()) as {
      communes: { citizen: { sheets: number }; phone: { citizen: { sheets: number } } }[];
    };
    expect(figures?.citizen.sheets).toBe(1);
    expect(figures?.phone.citizen.sheets).toBe(1);
  });

  it('holds a token for the first phone that opens it; a second phone is told at once', async () => {
    const token = await tokenFrom(key);
    const claimA = Buffer.alloc(16, 1).toString('base64url');
    const claimB = Buffer.alloc(16, 2).toString('base64url');
    const claim = async (value: string) => {
      const response = await api.request(`/api/v1/phone-tokens/${token}/claims`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ claim: value }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    expect((await claim(claimA)).body.communeName).toBe('Phường Trần Hưng Đạo');
    expect((await claim(claimA)).status).toBe(200); // the same phone, reloading
    expect((await claim(claimB)).body.code).toBe('409.4');
    expect((await check(token)).body.code).toBe('409.4'); // what the kiosk polls
    // Without the claim, or with another one, the token takes no sheet.
    expect((await submit(token)).body.code).toBe('409.4');
    const withClaim = (value: string) =>
      api.request('/api/v1/phone-sheets', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ token, claim: value, sheet: answers() }),
      });
    expect((await withClaim(claimB)).status).toBe(409);
    expect((await withClaim(claimA)).status).toBe(201);
    expect((await claim(claimA)).body.code).toBe('409.3');
    expect(await store.sheetsOfCommune('00412')).toHaveLength(1);
  });

  it('refuses forged, foreign, unknown, expired and wrong-form tokens, storing nothing', async () => {
    const cases: [Promise<string>, string, Partial<PhoneAnswers>?][] = [
      [tokenFrom(new Uint8Array(32).fill(3)), '401.3'],
      [tokenFrom(key, { communeCode: '00415' }), '403.2'],
      [tokenFrom(key, { deviceId: 'aaaaaaaaaaaaaaaa' }), '401.4'],
      [tokenFrom(key, { issuedAt: START - 60 * 60_000 }), '410.1'],
      [tokenFrom(key), '400.12', { formId: 'cadre' }],
    ];
    for (const [token, code, sheet] of cases) {
      const refused = await submit(await token, answers(sheet));
      expect(refused.body.code).toBe(code);
      expect(refused.body.message).toMatch(/[Đđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    expect((await submit('rác')).body.code).toBe('400.11');
    expect(
      (
        await api.request('/api/v1/phone-sheets', {
          method: 'POST',
          headers: json,
          body: '{"token":',
        })
      ).status,
    ).toBe(400);
    expect(await store.sheetsOfCommune('00412')).toEqual([]);
  });

  it('takes a sheet answered in time from a phone that was offline, within the grace', async () => {
    const token = await tokenFrom(key);
    clock = START + 3 * 3_600_000;
    expect((await check(token)).body.code).toBe('410.1');
    expect((await submit(token, answers())).body.status).toBe('received');
    const late = await tokenFrom(key);
    clock = START + OFFLINE_GRACE_MS + 60 * 60_000;
    expect((await submit(late, answers())).body.code).toBe('410.1');
  });

  it('issues desk tokens per scan, within per-client and per-commune limits', async () => {
    const created = await api.request('/api/v1/desks', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        communeCode: '00412',
        communeName: 'Phường Trần Hưng Đạo',
        label: '',
      }),
    });
    const { deviceId, path } = (await created.json()) as { deviceId: string; path: string };
    expect(path).toBe(`#/phone/desk/${deviceId}`);
    // Each phone is its own socket peer; a forged X-Forwarded-For changes nothing.
    const scan = (client: string) =>
      api.request(
        `/api/v1/desks/${deviceId}/tokens`,
        { method: 'POST', headers: { ...json, 'x-forwarded-for': '10.9.9.9' }, body: '{}' },
        { incoming: { socket: { remoteAddress: client } } },
      );
    const first = (await (await scan('10.0.0.1')).json()) as { token: string };
    expect((await submit(first.token)).body.status).toBe('received');
    await scan('10.0.0.1');
    await scan('10.0.0.1');
    const tooMany = await scan('10.0.0.1');
    expect(tooMany.status).toBe(429);
    expect(((await tooMany.json()) as { code: string }).code).toBe('429.2');
    // Other phones still get tokens until the commune's own limit.
    expect((await scan('10.0.0.2')).status).toBe(201);
    expect((await scan('10.0.0.3')).status).toBe(201);
    expect((await scan('10.0.0.4')).status).toBe(429);
    // A kiosk's device id is not a desk: the collector never issues tokens in a kiosk's name.
    expect(
      (await api.request(`/api/v1/desks/${KIOSK}/tokens`, { method: 'POST', body: '{}' })).status,
    ).toBe(401);
    expect(
      (await api.request('/api/v1/desks', { method: 'POST', headers: json, body: '{}' })).status,
    ).toBe(401);
  });
});

describe('collector schema step 2', () => {
  it('keeps the sheets of a version-1 SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-'));
    const file = join(dir, 'old.sqlite');
    const old = new DatabaseSync(file);
    old.exec(
      'CREATE TABLE schema_steps (step INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);' +
        `${schemaSteps[0]};` +
        'INSERT INTO schema_steps VALUES (1, 0);' +
        "INSERT INTO kiosks VALUES ('3f2a9c0d1e4b5a68', '10507', 'Xã Tứ Kỳ', '', 'AAAA', 0);" +
        "INSERT INTO sheets VALUES ('3f2a9c0d1e4b5a68', 1, '10507', 'hai-duong-2024', 1, 'citizen', 1," +
        " 'kiosk', 'tot,tot,tot,tot,tot', 1795482700000, '', NULL, 'f', 1795482700000);",
    );
    old.close();
    const store = await openSqliteStore(file);
    expect(await store.sheetsOfCommune('10507')).toHaveLength(1);
    expect((await store.findKiosk('3f2a9c0d1e4b5a68'))?.kind).toBe('kiosk');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
