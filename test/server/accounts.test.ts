import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, AuditEntry, Session } from '../../src/core/accounts.ts';
import { offerFirstAdmin } from '../../src/server/auth/first-admin.ts';
import type { Engine } from '../../src/server/store/engine.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const PASSWORD = 'một mật khẩu đủ dài';
const MINUTE = 60_000;

describe.each(stores)('office accounts, sessions and the audit log, on %s', (_name, open) => {
  let store: CollectorStore;
  let engine: Engine;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;

  beforeEach(async () => {
    ({ store, engine, dispose } = await open());
    collector = testCollector(store);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  const request = (
    path: string,
    init: {
      method?: string;
      body?: unknown;
      cookie?: string;
      headers?: Record<string, string>;
    } = {},
  ) =>
    collector.api.request(path, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  /** Creates an account with the bootstrap token (as a script would). */
  const createAccount = async (username: string, role: Account['role'], communeCode?: string) => {
    const response = await request('/api/v1/accounts', {
      method: 'POST',
      headers: admin,
      body: { username, displayName: `Cán bộ ${username}`, role, communeCode, password: PASSWORD },
    });
    expect(response.status).toBe(201);
  };

  /** Signs in; the session cookie to send back. */
  const signIn = async (username: string, password = PASSWORD) => {
    const response = await request('/api/v1/session', {
      method: 'POST',
      body: { username, password },
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    return cookie.split(';')[0] ?? '';
  };

  it('creates the first office admin with the logged one-time code, once, and signs it in', async () => {
    const logged: Record<string, unknown>[] = [];
    const code = await offerFirstAdmin(store, (event, fields) => logged.push({ event, ...fields }));
    expect(logged).toEqual([expect.objectContaining({ event: 'accounts.first-admin-code', code })]);
    const session = async () => (await (await request('/api/v1/session')).json()) as Session;
    expect((await session()).firstAdminNeeded).toBe(true);

    const body = { username: 'ha.nt', displayName: 'Nguyễn Thị Hà', password: PASSWORD };
    const wrong = await request('/api/v1/accounts/first', {
      method: 'POST',
      body: { ...body, code: 'AAAA-BBBB-CCCC-DDDD' },
    });
    expect(await wrong.json()).toMatchObject({ code: '403.6' });
    const created = await request('/api/v1/accounts/first', {
      method: 'POST',
      body: { ...body, code: code?.toLowerCase() },
    });
    expect(created.status).toBe(201);
    const cookie = created.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ks_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api');

    // The code is spent, and no code is offered once an account exists.
    const again = await request('/api/v1/accounts/first', {
      method: 'POST',
      body: { ...body, username: 'khac', code },
    });
    expect(again.status).toBe(403);
    expect(await offerFirstAdmin(store, () => {})).toBeUndefined();
    expect((await session()).firstAdminNeeded).toBe(false);
  });

  it('gives each role what it may do, and a commune viewer its own commune only', async () => {
    collector.setClock(START + 10 * 86_400_000); // after the synthetic week's sheets
    const key = await collector.register('3f2a9c0d1e4b5a68', '10507');
    await collector.register('0a1b2c3d4e5f6071', '20901');
    expect((await collector.postBatch(await collector.seal(key, syntheticWeek(6, 2)))).status).toBe(
      200,
    );
    await createAccount('officer.a', 'officer');
    await createAccount('viewer.a', 'viewer');
    await createAccount('xa.tuky', 'commune-viewer', '10507');
    const officer = await signIn('officer.a');
    const viewer = await signIn('viewer.a');
    const commune = await signIn('xa.tuky');

    const status = async (cookie: string, path: string, method = 'GET', body?: unknown) =>
      (await request(path, { cookie, method, body })).status;
    const review = [
      '/api/v1/sheets/kiosk/3f2a9c0d1e4b5a68/1/review',
      'PUT',
      { decision: 'counted', reason: 'Đã xem' },
    ] as const;

    expect(await status(viewer, '/api/v1/communes')).toBe(200);
    expect(await status(viewer, ...review)).toBe(403);
    expect(await status(officer, ...review)).toBe(200);
    expect(await status(officer, '/api/v1/settings/flags', 'PUT', {})).toBe(403);
    expect(await status(officer, '/api/v1/accounts')).toBe(403);
    expect(await status(officer, '/api/v1/audit')).toBe(403);
    expect(await status(viewer, '/api/v1/comments?commune=10507&respondents=1')).toBe(403);
    expect(await status(officer, '/api/v1/comments?commune=10507&respondents=1')).toBe(200);

    const communes = (await (await request('/api/v1/communes', { cookie: commune })).json()) as {
      communes: { communeCode: string }[];
    };
    expect(communes.communes.map((c) => c.communeCode)).toEqual(['10507']);
    expect(await status(commune, '/api/v1/scorecards/20901/2026')).toBe(403);
    expect(await status(commune, '/api/v1/scorecards/10507/2026')).toBe(200);
    expect(await status(commune, '/api/v1/flagged?commune=20901')).toBe(403);
    const kiosks = (await (await request('/api/v1/kiosks', { cookie: commune })).json()) as {
      communeCode: string;
    }[];
    expect(kiosks.map((k) => k.communeCode)).toEqual(['10507']);
    // Asked for every commune's sheets, a commune viewer gets its own.
    const csv = await (await request('/api/v1/sheets.csv', { cookie: commune })).text();
    expect(csv).toContain('="10507"');
    expect(csv).not.toContain('="20901"');
    expect(await status(commune, '/api/v1/sheets.csv?personal=1')).toBe(403);
  });

  it('limits failed sign-ins for a name, across collectors sharing the database, and logs them', async () => {
    await createAccount('ha.nt', 'officer');
    const attempt = (password: string) =>
      request('/api/v1/session', { method: 'POST', body: { username: 'ha.nt', password } });
    for (let i = 0; i < 5; i++) expect((await attempt('sai mật khẩu')).status).toBe(401);
    // Another collector process on the same database counts the same failures.
    collector = testCollector(store);
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ code: '429.3' });
    collector.setClock(START + 16 * MINUTE);
    expect((await attempt(PASSWORD)).status).toBe(200);
    const log = (await (await request('/api/v1/audit', { headers: admin })).json()) as {
      entries: AuditEntry[];
    };
    const actions = log.entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'sign-in.failed')).toHaveLength(5);
    expect(actions).toContain('sign-in.locked');
    expect(actions[0]).toBe('sign-in');
  });

  it('ends sessions when they expire, go idle, the account is disabled or its password changes', async () => {
    await createAccount('ha.nt', 'officer');
    const alive = async (cookie: string) =>
      (await request('/api/v1/communes', { cookie })).status === 200;
    let cookie = await signIn('ha.nt');
    collector.setClock(START + 119 * MINUTE);
    expect(await alive(cookie)).toBe(true);
    collector.setClock(START + 119 * MINUTE + 2 * 3_600_000);
    expect(await alive(cookie)).toBe(false); // two hours without a request

    collector.setClock(START);
    cookie = await signIn('ha.nt');
    for (let hour = 1; hour <= 11; hour++) {
      collector.setClock(START + hour * 3_600_000);
      expect(await alive(cookie)).toBe(true);
    }
    collector.setClock(START + 12 * 3_600_000);
    expect(await alive(cookie)).toBe(false); // twelve hours after sign-in, however active

    collector.setClock(START + 13 * 3_600_000);
    cookie = await signIn('ha.nt');
    const patch = (body: unknown) =>
      request('/api/v1/accounts/ha.nt', { method: 'PATCH', headers: admin, body });
    expect((await patch({ password: 'mật khẩu mới đủ dài' })).status).toBe(200);
    expect(await alive(cookie)).toBe(false);
    cookie = await signIn('ha.nt', 'mật khẩu mới đủ dài');
    expect((await patch({ disabled: true })).status).toBe(200);
    expect(await alive(cookie)).toBe(false);
    const refused = await request('/api/v1/session', {
      method: 'POST',
      body: { username: 'ha.nt', password: 'mật khẩu mới đủ dài' },
    });
    expect(refused.status).toBe(401);
  });

  it('refuses a change that another site’s page makes with the cookie', async () => {
    await createAccount('ha.nt', 'admin');
    const cookie = await signIn('ha.nt');
    const body = { days: 30 };
    const from = (origin: string) =>
      request('/api/v1/settings/retention', {
        method: 'PUT',
        cookie,
        body,
        headers: { origin, host: 'localhost' },
      });
    expect((await from('https://evil.example')).status).toBe(403);
    expect((await from('http://localhost')).status).toBe(200);
  });

  it('refuses to let an admin disable the account it is signed in with', async () => {
    await createAccount('ha.nt', 'admin');
    const cookie = await signIn('ha.nt');
    const response = await request('/api/v1/accounts/ha.nt', {
      method: 'PATCH',
      cookie,
      body: { disabled: true },
    });
    expect(await response.json()).toMatchObject({ code: '409.7' });
  });

  it('keeps every office action in a chained log that shows a changed entry', async () => {
    await createAccount('ha.nt', 'admin');
    const cookie = await signIn('ha.nt');
    await collector.register('3f2a9c0d1e4b5a68', '10507');
    await request('/api/v1/kiosks/3f2a9c0d1e4b5a68/revocation', {
      method: 'POST',
      cookie,
      body: { reason: 'Máy bị mất' },
    });
    const read = async () =>
      (await (await request('/api/v1/audit', { cookie })).json()) as {
        entries: AuditEntry[];
        chainHolds: boolean;
        total: number;
      };
    const log = await read();
    expect(log.chainHolds).toBe(true);
    expect(log.entries.map((e) => e.action)).toEqual([
      'kiosk.revoke',
      'kiosk.register',
      'sign-in',
      'account.create',
    ]);
    expect(log.entries[0]).toMatchObject({
      actor: 'Cán bộ ha.nt (ha.nt)',
      target: '3f2a9c0d1e4b5a68',
    });
    expect(JSON.parse(log.entries[0]?.detail ?? '{}')).toMatchObject({ reason: 'Máy bị mất' });

    const csv = await (await request('/api/v1/audit.csv', { cookie })).text();
    expect(csv).toContain('NHẬT KÝ THAO TÁC CỦA CƠ QUAN THU PHIẾU');
    expect(csv).toContain('kiosk.revoke');

    // Someone with the database edits an entry: the chain no longer holds.
    await engine.read.run("UPDATE audit_log SET actor = 'người khác' WHERE ordinal = 2");
    expect((await read()).chainHolds).toBe(false);
  });
});
