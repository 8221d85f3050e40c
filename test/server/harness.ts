import { webcrypto } from 'node:crypto';
import { chainFrom, chainStart } from '../../src/core/chain.ts';
import { type Batch, encodeBatch } from '../../src/core/codec/batch.ts';
import { bytesToHex } from '../../src/core/codec/hex.ts';
import { sealBatch } from '../../src/core/codec/seal.ts';
import type { PhoneAnswers } from '../../src/core/phone/phone-sheet.ts';
import { issuePhoneToken, type PhoneTokenFields } from '../../src/core/phone/token.ts';
import { defaultTiming, flagThresholdsOf } from '../../src/core/settings.ts';
import type { Sheet } from '../../src/core/sheet.ts';
import {
  SHEETS_FILE_FORMAT,
  SHEETS_FILE_VERSION,
  type SheetsFile,
  signSheetsFile,
  type UnsignedFile,
} from '../../src/core/sheets-file.ts';
import { collectorApi } from '../../src/server/app.ts';
import { silentLog } from '../../src/server/log.ts';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { batchOf, signerOf } from '../fixtures/batches.ts';

export const ADMIN = 'test-admin-token-of-32-characters-or-more';
export const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' };
/** Tuesday 24/11/2026, 09:00 in Vietnam: inside the survey week and working hours. */
export const START = Date.UTC(2026, 10, 24, 2);

/** The collector API over a store, with a clock the test moves, and the calls tests make. */
export function testCollector(store: CollectorStore) {
  let clock = START;
  const api = collectorApi({
    store,
    adminToken: ADMIN,
    log: silentLog,
    now: () => clock,
    writesPerMinute: 10_000,
  });
  const json = async <T>(response: Response | Promise<Response>) =>
    (await (await response).json()) as T;

  return {
    api,
    store,
    setClock: (at: number) => {
      clock = at;
    },

    /** Registers a kiosk the way the office does; its key. */
    async register(deviceId: string, communeCode = '10507'): Promise<Uint8Array> {
      const body = await json<{ key: string }>(
        api.request('/api/v1/kiosks', {
          method: 'POST',
          headers: admin,
          body: JSON.stringify({
            deviceId,
            communeCode,
            communeName: `Xã ${communeCode}`,
            label: 'Quầy 1',
          }),
        }),
      );
      return new Uint8Array(Buffer.from(body.key, 'base64url'));
    },

    /** A sealed batch of these sheets; by default with the link a kiosk holding them would send. */
    seal: (key: Uint8Array, sheets: Sheet[], overrides: Partial<Batch> = {}) =>
      sealBatch(webcrypto.subtle, signerOf(key), encodeBatch(batchOf(sheets, overrides))),

    postBatch: (body: Uint8Array, query = '') =>
      api.request(`/api/v1/batches${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Uint8Array.from(body),
      }),

    /** A signed version-2 JSON file of a kiosk's sheets. */
    signedFile: (
      key: Uint8Array,
      sheets: Sheet[],
      overrides: Partial<UnsignedFile> = {},
    ): Promise<SheetsFile> => {
      const deviceId = sheets[0]?.deviceId ?? '3f2a9c0d1e4b5a68';
      const ordered = [...sheets].sort((a, b) => a.seq - b.seq);
      return signSheetsFile(signerOf(key), {
        format: SHEETS_FILE_FORMAT,
        version: SHEETS_FILE_VERSION,
        exportedAt: START,
        deviceId,
        communeCode: '10507',
        communeName: 'Xã 10507',
        includesPersonalData: sheets.some((s) => s.respondent || s.reasons || s.suggestion),
        thresholds: flagThresholdsOf(defaultTiming),
        ...(linkOf(deviceId, ordered) ? { chainHead: linkOf(deviceId, ordered) } : {}),
        sheets,
        ...overrides,
      } as UnsignedFile);
    },

    importFile: (text: string | Uint8Array<ArrayBuffer>) =>
      api.request('/api/v1/imports', { method: 'POST', headers: admin, body: text }),

    phoneToken: (key: Uint8Array, fields: Partial<PhoneTokenFields> & { deviceId: string }) =>
      issuePhoneToken(signerOf(key), {
        formId: 'citizen',
        communeCode: '10507',
        issuedAt: clock,
        lifetimeMinutes: 15,
        nonce: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex'),
        ...fields,
      }),

    postPhoneSheet: (token: string, sheet: PhoneAnswers, claim?: string) =>
      api.request('/api/v1/phone-sheets', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, claim, sheet }),
      }),

    /** The figures of every commune (of a period). */
    communes: async (period?: { from: string; to: string }) =>
      (
        await json<{ communes: unknown[] }>(
          api.request(`/api/v1/communes${period ? `?${new URLSearchParams(period)}` : ''}`, {
            headers: admin,
          }),
        )
      ).communes,

    registry: () =>
      json<import('../../src/core/api.ts').KioskRow[]>(
        api.request('/api/v1/kiosks', { headers: admin }),
      ),
  };
}

/** The link a kiosk holding these sheets would send; none for sheets no kiosk could chain. */
function linkOf(deviceId: string, sheets: Sheet[]): string | undefined {
  try {
    return chainFrom(bytesToHex(chainStart(deviceId)), sheets);
  } catch {
    return undefined;
  }
}

/** A phone's answers at `at`, on the default profile. */
export const phoneAnswers = (at: number, overrides: Partial<PhoneAnswers> = {}): PhoneAnswers => ({
  profileId: 'hai-duong-2024',
  profileVersion: 1,
  formId: 'citizen',
  formVersion: 1,
  answers: ['tot', 'tot', 'kha', 'tot', 'tot'],
  startedAt: at - 60_000,
  createdAt: at,
  ...overrides,
});

/** The problem code of a response. */
export const codeOf = async (response: Response) =>
  ((await response.json()) as { code?: string }).code;
