import { webcrypto } from 'node:crypto';
import { Hono } from 'hono';
import type { IngestResult } from '../../core/api.ts';
import { openSealedBatch } from '../../core/codec/open.ts';
import { hmacSigner } from '../../core/codec/seal.ts';
import { admitSheets } from '../../core/intake.ts';
import { Problem, problemCatalogue } from '../../core/problems.ts';
import { readSheetsFile, sheetsFileSignatureHolds } from '../../core/sheets-file.ts';
import { need } from '../http/principal.ts';
import { orRefusal, problem, utf8Body } from '../http/problem-response.ts';
import type { Delivery, KioskRecord } from '../store/store.ts';
import type { ResourceContext } from './context.ts';

/**
 * Sheets arriving from kiosks: sealed batches (HTTP sync, or QR frames the office read) and
 * signed JSON files. Each is opened (hash, signature), its kiosk checked (registered, not
 * revoked, its commune), every sheet passed through the gate (src/core/intake.ts), and only
 * then stored, all or nothing (docs/api.md).
 */
export function deliveryResources({ store, log, now, audit }: ResourceContext): Hono {
  const routes = new Hono();

  /** The kiosk whose key signs a delivery: a registered kiosk (not a desk), not revoked. */
  const signingKiosk = async (deviceId: string) => {
    const kiosk = await store.findKiosk(deviceId);
    return kiosk?.kind === 'kiosk' ? kiosk : undefined;
  };
  const admitted = (kiosk: KioskRecord, communeCode: string) => {
    if (kiosk.revokedAt !== null) throw new Problem('kiosk.revoked', kiosk.deviceId);
    if (communeCode !== kiosk.communeCode)
      throw new Problem('kiosk.commune-mismatch', `${communeCode} ≠ ${kiosk.communeCode}`);
  };
  /** Stores a delivery; the answer, or the sequence numbers that conflict (nothing stored). */
  const stored = async (delivery: Delivery): Promise<IngestResult | { conflicts: number[] }> => {
    const outcome = await store.ingest(delivery);
    if (!outcome.ok) {
      log('delivery.conflict', {
        deviceId: delivery.issuerId,
        code: problemCatalogue['sheet.conflict'].code,
      });
      return { conflicts: outcome.conflicts };
    }
    return {
      deviceId: delivery.issuerId,
      received: outcome.received,
      duplicates: outcome.duplicates,
      serverTime: now(),
    };
  };
  const refused = (event: string) => (code: string, detail: string | undefined) =>
    log(event, { code, detail });

  routes.post('/api/v1/batches', (c) =>
    orRefusal(c, refused('batch.refused'), async () => {
      const sealed = new Uint8Array(await c.req.arrayBuffer());
      let kiosk: KioskRecord | undefined;
      const batch = await openSealedBatch(webcrypto.subtle, sealed, async (deviceId) => {
        kiosk = await signingKiosk(deviceId);
        return kiosk && hmacSigner(webcrypto.subtle, kiosk.key);
      });
      if (!kiosk) throw new Problem('batch.bad-signature');
      admitted(kiosk, batch.communeCode);
      const receivedAt = now();
      admitSheets(batch.sheets, { path: 'batch', now: receivedAt, deviceId: batch.deviceId });
      // The office relays QR batches read hours later: only the kiosk's own sending shows its clock.
      const direct = c.req.query('via') !== 'office' && batch.sealedAt > 0;
      const result = await stored({
        communeCode: kiosk.communeCode,
        channel: 'kiosk',
        issuerId: kiosk.deviceId,
        sheets: batch.sheets,
        precise: batch.includesFineTimes,
        receivedAt,
        ...(batch.chainHead ? { chainHead: batch.chainHead } : {}),
        ...(batch.thresholds ? { thresholds: batch.thresholds } : {}),
        ...(direct ? { clockSkewMs: batch.sealedAt - receivedAt } : {}),
      });
      if ('conflicts' in result) return problem(c, 'sheet.conflict', result);
      log('batch.stored', {
        deviceId: kiosk.deviceId,
        received: result.received.length,
        duplicates: result.duplicates.length,
      });
      return c.json(result);
    }),
  );

  routes.post('/api/v1/imports', need('decide'), (c) =>
    orRefusal(c, refused('file.refused'), async () => {
      const reading = readSheetsFile(await utf8Body(c));
      if (!reading.ok)
        return reading.problem === 'file.invalid'
          ? problem(c, reading.problem, { errors: reading.errors })
          : problem(c, reading.problem);
      const { file } = reading;
      const kiosk = await signingKiosk(file.deviceId);
      if (
        !kiosk ||
        !(await sheetsFileSignatureHolds(hmacSigner(webcrypto.subtle, kiosk.key), file))
      )
        throw new Problem('batch.bad-signature', file.deviceId);
      admitted(kiosk, file.communeCode);
      const receivedAt = now();
      admitSheets(file.sheets, { path: 'file', now: receivedAt, deviceId: file.deviceId });
      const result = await stored({
        communeCode: kiosk.communeCode,
        channel: 'kiosk',
        issuerId: kiosk.deviceId,
        sheets: file.sheets,
        precise: true,
        receivedAt,
        ...(file.version === 2 && file.chainHead ? { chainHead: file.chainHead } : {}),
        ...(file.version === 2 ? { thresholds: file.thresholds } : {}),
      });
      if ('conflicts' in result) return problem(c, 'sheet.conflict', result);
      log('file.imported', { deviceId: file.deviceId, received: result.received.length });
      await audit(c, 'import', file.deviceId, {
        communeCode: kiosk.communeCode,
        sheets: file.sheets.length,
        received: result.received.length,
        duplicates: result.duplicates.length,
        personalData: file.includesPersonalData,
      });
      return c.json(result);
    }),
  );

  return routes;
}
