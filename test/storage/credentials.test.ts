import { describe, expect, it } from 'vitest';
import { hmacSigner } from '../../src/core/codec/seal.ts';
import { loadCredentials, saveCredentials, signerOf } from '../../src/storage/credentials.ts';
import { openKioskDb } from '../../src/storage/db.ts';
import { freshDbName } from './fixtures.ts';

const KEY = new Uint8Array(32).fill(3);
const data = new TextEncoder().encode('lô phiếu');

describe('the kiosk key', () => {
  it('is kept as a WebCrypto key that signs like the office’s copy and cannot be read out', async () => {
    const db = await openKioskDb(freshDbName());
    await saveCredentials(db, {
      collectorUrl: 'https://thu-phieu.test',
      deviceId: '3f2a9c0d1e4b5a68',
      key: KEY,
    });
    const credentials = await loadCredentials(db);
    if (!credentials) throw new Error('not saved');
    expect(credentials.signingKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', credentials.signingKey)).rejects.toThrow();
    expect(await signerOf(credentials)(data)).toEqual(await hmacSigner(crypto.subtle, KEY)(data));
    expect(JSON.stringify(await db.get('meta', 'collector'))).not.toContain('key":"');
  });

  it('is converted on first read from a kiosk that stored it raw, and the raw key erased', async () => {
    const db = await openKioskDb(freshDbName());
    await db.put(
      'meta',
      {
        collectorUrl: 'https://thu-phieu.test',
        deviceId: '3f2a9c0d1e4b5a68',
        key: Buffer.from(KEY).toString('base64url'),
      },
      'collector',
    );
    const credentials = await loadCredentials(db);
    if (!credentials) throw new Error('not loaded');
    expect(await signerOf(credentials)(data)).toEqual(await hmacSigner(crypto.subtle, KEY)(data));
    const stored = (await db.get('meta', 'collector')) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('key');
    expect((stored.signingKey as CryptoKey).extractable).toBe(false);
  });
});
