/**
 * PBKDF2-SHA-256 for secrets kept on a device only as a hash (the kiosk PIN, the office's
 * account verifiers): slow on purpose, so a copied database is costly to read them from.
 */
export async function slowHash(
  secret: string,
  salt: Uint8Array,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  // Constant time in the length of the hash: no early exit on the first difference.
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
