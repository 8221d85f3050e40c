import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, EnrolledKiosk } from '../../src/core/accounts.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const MINUTE = 60_000;
const TABLET = '3f2a9c0d1e4b5a68';
const OTHER = '0a1b2c3d4e5f6071';

describe.each(stores)('kiosks enrolled by a one-time code, on %s', (_name, open) => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;

  beforeEach(async () => {
    ({ store, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(START + 10 * 86_400_000);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    collector.api.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const newCode = async () => {
    const response = await post(
      '/api/v1/enrolments',
      { communeCode: '10507', communeName: 'Xã Tứ Kỳ', label: 'Quầy một cửa' },
      admin,
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { code: string }).code;
  };
  const redeem = (code: string, deviceId = TABLET) =>
    post('/api/v1/enrolments/redeem', { code, deviceId });

  it('registers the tablet that gives the code, with its commune, and its batches are then accepted', async () => {
    const code = await newCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // Typed as a person types it: lower case, a space instead of the dash.
    const response = await redeem(code.toLowerCase().replace('-', ' '));
    expect(response.status).toBe(201);
    const kiosk = (await response.json()) as EnrolledKiosk;
    expect(kiosk).toMatchObject({ deviceId: TABLET, communeCode: '10507', label: 'Quầy một cửa' });
    const key = new Uint8Array(Buffer.from(kiosk.key, 'base64url'));
    const delivered = await collector.postBatch(await collector.seal(key, syntheticWeek(4, 5)));
    expect(delivered.status).toBe(200);
    expect((await store.findKiosk(TABLET))?.communeName).toBe('Xã Tứ Kỳ');
  });

  it('cannot be used twice, even by two tablets at the same moment', async () => {
    const code = await newCode();
    const answers = await Promise.all([redeem(code, TABLET), redeem(code, OTHER)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 404]);
    const again = await redeem(code, 'aaaaaaaaaaaaaaaa');
    expect(await again.json()).toMatchObject({ code: '404.5' });
  });

  it('expires after 30 minutes', async () => {
    const code = await newCode();
    collector.setClock(START + 10 * 86_400_000 + 30 * MINUTE);
    expect((await redeem(code)).status).toBe(404);
  });

  it('stays unspent when the tablet is registered already', async () => {
    await collector.register(TABLET);
    const code = await newCode();
    expect(await (await redeem(code, TABLET)).json()).toMatchObject({ code: '409.2' });
    expect((await redeem(code, OTHER)).status).toBe(201);
  });

  it('is made only by an account allowed to enrol, and both steps are in the audit log', async () => {
    expect(
      (await post('/api/v1/enrolments', { communeCode: '10507', communeName: 'X', label: '' }))
        .status,
    ).toBe(401);
    const code = await newCode();
    await redeem(code);
    const rows = (await (
      await collector.api.request('/api/v1/enrolments', { headers: admin })
    ).json()) as { usedAt: number | null; deviceId: string | null }[];
    expect(rows).toEqual([expect.objectContaining({ deviceId: TABLET })]);
    expect(rows[0]?.usedAt).not.toBeNull();
    const log = (await (
      await collector.api.request('/api/v1/audit', { headers: admin })
    ).json()) as { entries: AuditEntry[] };
    expect(log.entries.map((e) => [e.action, e.actor])).toEqual([
      ['enrolment.used', `máy ${TABLET}`],
      ['enrolment.create', 'mã quản trị (tự động hóa)'],
    ]);
  });

  it('slows a guesser down', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await redeem('ZZZZ-ZZZZ')).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
