import { webcrypto } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FrameCollector } from '../../src/core/codec/frames.ts';
import { defaultTiming, flagThresholdsOf } from '../../src/core/settings.ts';
import { buildQrExport } from '../../src/transport/qr-export.ts';
import { draftAt } from '../storage/fixtures.ts';
import { registeredKiosk } from './registered-kiosk.ts';

const now = Date.UTC(2026, 10, 28, 3);
const voice = { communeCode: '10507', thresholds: flagThresholdsOf(defaultTiming), sealedAt: 0 };

let kiosk: Awaited<ReturnType<typeof registeredKiosk>>;
beforeEach(async () => {
  kiosk = await registeredKiosk(Array.from({ length: 12 }, (_, i) => draftAt(now + i * 300_000)));
});
afterEach(() => kiosk.dispose());

describe('QR export', () => {
  it('seals the same bytes each time it is rebuilt, so an earlier receipt still matches', async () => {
    const first = await buildQrExport(kiosk.db, webcrypto.subtle, voice, { kind: 'unsent' });
    const again = await buildQrExport(kiosk.db, webcrypto.subtle, voice, { kind: 'unsent' });
    expect(again.batches.map((b) => b.receipt)).toEqual(first.batches.map((b) => b.receipt));
    expect(again.frames).toEqual(first.frames);
  });

  it('carries the chain link the office verifies, answers only', async () => {
    const exported = await buildQrExport(kiosk.db, webcrypto.subtle, voice, { kind: 'unsent' });
    const collector = new FrameCollector();
    for (const frame of exported.frames) collector.add(frame);
    const response = await kiosk.api.request('/api/v1/batches?via=office', {
      method: 'POST',
      body: Uint8Array.from(collector.sealed()),
    });
    expect(response.status).toBe(200);
    const [row] = await kiosk.store.kioskRegistry();
    expect(row?.chain).toEqual({ verifiedThrough: 12, pendingClaims: 0, breaks: [] });
    expect(row?.clockSkewMs).toBeNull();
    expect((await kiosk.store.sheetsOfCommune('10507'))[0]).not.toHaveProperty('suggestion');
  });
});
