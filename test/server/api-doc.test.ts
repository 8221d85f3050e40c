import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectorStore } from '../../src/server/store/store.ts';
import { testCollector } from './harness.ts';
import { stores } from './stores.ts';

/** docs/api.md examples only a running collector can check (the rest: test/core/api-doc.test.ts). */
const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
const KIOSK = '3f2a9c0d1e4b5a68';

function jsonBlock(heading: string): Record<string, unknown> {
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`docs/api.md has no section "${heading}"`);
  const block = /```json\n([\s\S]*?)```/.exec(doc.slice(start));
  return JSON.parse(block?.[1] ?? '');
}

describe('docs/api.md, phone mode', () => {
  let store: CollectorStore;
  let dispose: () => Promise<void>;
  const [sqlite] = stores;
  beforeEach(async () => {
    if (!sqlite) throw new Error('no store');
    ({ store, dispose } = await sqlite[1]());
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  it('shows a token’s state with the fields and kinds the collector answers', async () => {
    const shown = jsonBlock('### GET /api/v1/phone-tokens/:token — can this link be used?');
    const collector = testCollector(store);
    const key = await collector.register(KIOSK);
    const token = await collector.phoneToken(key, { deviceId: KIOSK });
    const response = await collector.api.request(`/api/v1/phone-tokens/${token}`);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Record<string, unknown>;
    const kinds = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v]));
    expect(kinds(shown)).toEqual(kinds(answer));
    expect(answer).toMatchObject({ communeCode: shown.communeCode, formId: shown.formId });
  });
});
