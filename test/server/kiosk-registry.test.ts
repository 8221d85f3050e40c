import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTiming, flagThresholdsOf } from '../../src/core/settings.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { syntheticWeek } from '../fixtures/synthetic-week.ts';
import { admin, codeOf, phoneAnswers, START, testCollector } from './harness.ts';
import { stores } from './stores.ts';

const KIOSK = '3f2a9c0d1e4b5a68';
const MINUTE = 60_000;

/** Sheets 1…n of the kiosk, ten minutes apart from 09:00, answers mixed. */
const stream = (n: number): Sheet[] =>
  syntheticWeek(n, 4, KIOSK).map((s, i) => ({
    ...s,
    seq: i + 1,
    createdAt: START + i * 10 * MINUTE,
    startedAt: START + i * 10 * MINUTE - MINUTE,
    flags: [],
  }));

describe.each(stores)('what each kiosk did, on %s', (_name, open) => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  let collector: ReturnType<typeof testCollector>;
  let key: Uint8Array;

  beforeEach(async () => {
    ({ store, dispose } = await open());
    collector = testCollector(store);
    collector.setClock(START + 12 * 3_600_000);
    key = await collector.register(KIOSK);
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  const rowOf = async (deviceId = KIOSK) =>
    (await collector.registry()).find((r) => r.deviceId === deviceId);
  /** A batch of some of `all`, carrying the link a kiosk holding all of them up to its last sends. */
  const sendBatch = async (all: Sheet[], seqs: number[], overrides = {}) => {
    const sheets = all.filter((s) => seqs.includes(s.seq));
    const last = Math.max(...seqs);
    const { chainFrom, chainStart } = await import('../../src/core/chain.ts');
    const { bytesToHex } = await import('../../src/core/codec/hex.ts');
    const chainHead = chainFrom(
      bytesToHex(chainStart(KIOSK)),
      all.filter((s) => s.seq <= last),
    );
    return collector.postBatch(await collector.seal(key, sheets, { chainHead, ...overrides }));
  };

  it('lists a kiosk with its key fingerprint, sheets and last contact', async () => {
    const all = stream(10);
    expect((await sendBatch(all, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).status).toBe(200);
    const row = await rowOf();
    expect(row).toMatchObject({
      kind: 'kiosk',
      label: 'Quầy 1',
      state: 'active',
      sheets: 10,
      firstSheet: { seq: 1, createdAt: START },
      lastSheet: { seq: 10, createdAt: START + 90 * MINUTE },
      lastContactAt: START + 12 * 3_600_000,
      missing: [],
      chain: { verifiedThrough: 10, pendingClaims: 0, breaks: [] },
    });
    expect(row?.keyFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  });

  it('shows sheets 11–12 missing, with the times around them, when only 13 arrives', async () => {
    const all = stream(13);
    await sendBatch(all, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await sendBatch(all, [13]);
    const row = await rowOf();
    expect(row?.missing).toEqual([
      { from: 11, to: 12, after: START + 90 * MINUTE, before: START + 120 * MINUTE },
    ]);
    expect(row?.missingCount).toBe(2);
    // The office cannot check 13's link until 11–12 arrive.
    expect(row?.chain).toEqual({ verifiedThrough: 10, pendingClaims: 1, breaks: [] });

    const file = await collector.signedFile(key, all);
    expect((await collector.importFile(JSON.stringify(file))).status).toBe(200);
    const filled = await rowOf();
    expect(filled?.missing).toEqual([]);
    expect(filled?.chain).toEqual({ verifiedThrough: 13, pendingClaims: 0, breaks: [] });
  });

  it('names numbers the kiosk’s own link says it has beyond the last one received', async () => {
    const all = stream(12);
    // A batch of 1–8 whose link is the one after 12: the kiosk had 12 when it sealed it.
    const { chainFrom, chainStart } = await import('../../src/core/chain.ts');
    const { bytesToHex } = await import('../../src/core/codec/hex.ts');
    const link = chainFrom(bytesToHex(chainStart(KIOSK)), all);
    const eight = all.slice(0, 8).map((s) => s);
    // Claim at 12 needs the batch to end at 12: send 1–8 plus 12.
    await collector.postBatch(
      await collector.seal(key, [...eight, all[11] as Sheet], { chainHead: link }),
    );
    expect((await rowOf())?.missing).toEqual([
      { from: 9, to: 11, after: START + 70 * MINUTE, before: START + 110 * MINUTE },
    ]);
  });

  it('reports a break when the history the kiosk chained is not the one that arrives', async () => {
    const all = stream(13);
    await sendBatch(all, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await sendBatch(all, [13]);
    // 11–12 come later, rewritten (Yếu made Tốt): the link sent with 13 no longer holds.
    const rewritten = all.map((s) =>
      s.seq === 11 || s.seq === 12 ? { ...s, answers: ['tot', 'tot', 'tot', 'tot', 'tot'] } : s,
    );
    const forged = rewritten.filter((s) => s.seq === 11 || s.seq === 12);
    const { chainFrom, chainStart } = await import('../../src/core/chain.ts');
    const { bytesToHex } = await import('../../src/core/codec/hex.ts');
    const chainHead = chainFrom(bytesToHex(chainStart(KIOSK)), rewritten.slice(0, 12));
    await collector.postBatch(await collector.seal(key, forged, { chainHead }));
    const row = await rowOf();
    expect(row?.missing).toEqual([]);
    expect(row?.chain.verifiedThrough).toBe(13);
    expect(row?.chain.breaks.map((b) => b.seq)).toEqual([13]);
  });

  it('records the kiosk’s thresholds as they change, from the sheet they start at', async () => {
    const all = stream(6);
    await sendBatch(all, [1, 2, 3]);
    const laxer = { ...flagThresholdsOf(defaultTiming), minIntervalSeconds: 0, burstCount: 1000 };
    await sendBatch(all, [4, 5, 6], { thresholds: laxer });
    const row = await rowOf();
    expect(row?.thresholds.map((t) => [t.firstSeq, t.thresholds.burstCount])).toEqual([
      [1, defaultTiming.burstCount],
      [4, 1000],
    ]);
  });

  it('measures the kiosk’s clock on its own HTTP delivery, not on a batch the office relays', async () => {
    const all = stream(4);
    const at = START + 12 * 3_600_000;
    await sendBatch(all, [1, 2], { sealedAt: at - 5 * MINUTE });
    expect((await rowOf())?.clockSkewMs).toBe(-5 * MINUTE);
    const { chainFrom, chainStart } = await import('../../src/core/chain.ts');
    const { bytesToHex } = await import('../../src/core/codec/hex.ts');
    const relayed = await collector.seal(key, all.slice(2), {
      sealedAt: at - 3 * 3_600_000,
      chainHead: chainFrom(bytesToHex(chainStart(KIOSK)), all),
    });
    await collector.postBatch(relayed, '?via=office');
    expect((await rowOf())?.clockSkewMs).toBe(-5 * MINUTE);
  });

  it('revokes a kiosk: later batches refused, earlier sheets kept, its phone tokens refused', async () => {
    const all = stream(4);
    await sendBatch(all, [1, 2]);
    const revoked = await collector.api.request(`/api/v1/kiosks/${KIOSK}/revocation`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ reason: 'Máy bị mất' }),
    });
    expect(revoked.status).toBe(200);
    expect(await codeOf(await sendBatch(all, [3, 4]))).toBe('403.3');
    const token = await collector.phoneToken(key, { deviceId: KIOSK });
    expect(
      await codeOf(await collector.postPhoneSheet(token, phoneAnswers(START + 12 * 3_600_000))),
    ).toBe('403.3');
    expect(await rowOf()).toMatchObject({
      state: 'revoked',
      revocationReason: 'Máy bị mất',
      sheets: 2,
    });
    expect(await store.sheetsOfCommune('10507')).toHaveLength(2);
    const unknown = await collector.api.request('/api/v1/kiosks/aaaaaaaaaaaaaaaa/revocation', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ reason: 'x' }),
    });
    expect(await codeOf(unknown)).toBe('404.1');
  });

  it('keeps a phone sheet’s identity apart from every kiosk’s', async () => {
    const all = stream(2);
    // A token whose nonce is another kiosk's device id (a crafted one, with a read-off key).
    const other = 'bbbbbbbbbbbbbbbb';
    const otherKey = await collector.register(other);
    collector.setClock(START + 60_000);
    const token = await collector.phoneToken(key, {
      deviceId: KIOSK,
      nonce: other,
      issuedAt: START,
    });
    expect((await collector.postPhoneSheet(token, phoneAnswers(START + 30_000))).status).toBe(201);
    const theirs = all.map((s) => ({ ...s, deviceId: other }));
    const { chainFrom, chainStart } = await import('../../src/core/chain.ts');
    const { bytesToHex } = await import('../../src/core/codec/hex.ts');
    const response = await collector.postBatch(
      await collector.seal(otherKey, theirs, {
        deviceId: other,
        chainHead: chainFrom(bytesToHex(chainStart(other)), theirs),
      }),
    );
    expect(response.status).toBe(200);
    expect(await store.sheetsOfCommune('10507')).toHaveLength(3);
  });

  it('bounds a phone token’s issue time and lifetime, whoever signed it', async () => {
    collector.setClock(START);
    const future = await collector.phoneToken(key, {
      deviceId: KIOSK,
      issuedAt: Date.UTC(2100, 0, 1),
    });
    const long = await collector.phoneToken(key, {
      deviceId: KIOSK,
      lifetimeMinutes: 45 * 24 * 60,
    });
    for (const token of [future, long]) {
      const status = await collector.api.request(`/api/v1/phone-tokens/${token}`);
      expect(await codeOf(status)).toBe('400.20');
    }
  });

  it('hands out citizen-form tokens at a desk unless the office allows the cadre form there', async () => {
    const created = await collector.api.request('/api/v1/desks', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        communeCode: '10507',
        communeName: 'Xã 10507',
        label: 'Mã QR in sẵn',
      }),
    });
    const { deviceId } = (await created.json()) as { deviceId: string };
    const ask = (formId: string) =>
      collector.api.request(`/api/v1/desks/${deviceId}/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ formId }),
      });
    expect((await ask('citizen')).status).toBe(201);
    expect(await codeOf(await ask('cadre'))).toBe('403.4');
    const allowed = await collector.api.request(`/api/v1/desks/${deviceId}/forms`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ forms: ['citizen', 'cadre'] }),
    });
    expect(allowed.status).toBe(200);
    expect((await ask('cadre')).status).toBe(201);
    expect((await rowOf(deviceId))?.forms).toEqual(['citizen', 'cadre']);
  });

  it('forgets a phone claim once no token it holds can take a sheet', async () => {
    const claim = (token: string, secret: string) =>
      collector.api.request(`/api/v1/phone-tokens/${token}/claims`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ claim: secret }),
      });
    collector.setClock(START);
    const old = await collector.phoneToken(key, { deviceId: KIOSK, nonce: 'aaaa0000aaaa0000' });
    expect((await claim(old, 'A'.repeat(22))).status).toBe(200);
    expect(await store.phoneTokenClaim('aaaa0000aaaa0000')).toBeDefined();
    // 120 minutes of the longest token, 24 hours of grace, and then some.
    collector.setClock(START + 27 * 3_600_000);
    const fresh = await collector.phoneToken(key, { deviceId: KIOSK });
    expect((await claim(fresh, 'B'.repeat(22))).status).toBe(200);
    expect(await store.phoneTokenClaim('aaaa0000aaaa0000')).toBeUndefined();
  });

  it('needs the office credential', async () => {
    expect((await collector.api.request('/api/v1/kiosks')).status).toBe(401);
  });
});
