import { Problem } from '../problems.ts';

/**
 * Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric set, so a
 * QR code can use alphanumeric mode (BarcodeDetector returns text; byte mode gets mangled).
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0);
    out +=
      (ALPHABET[n % 45] ?? '') +
      (ALPHABET[Math.floor(n / 45) % 45] ?? '') +
      (ALPHABET[Math.floor(n / 2025)] ?? '');
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] ?? 0;
    out += (ALPHABET[n % 45] ?? '') + (ALPHABET[Math.floor(n / 45)] ?? '');
  }
  return out;
}

export function fromBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Problem('frame.damaged', 'base45 length');
  const digit = (c: string) => {
    const v = VALUE.get(c);
    if (v === undefined)
      throw new Problem('frame.damaged', `base45 character ${JSON.stringify(c)}`);
    return v;
  };
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const chunk = text.slice(i, i + 3);
    const n = [...chunk].reduce((sum, c, k) => sum + digit(c) * 45 ** k, 0);
    if (chunk.length === 3) {
      if (n > 0xffff) throw new Problem('frame.damaged', 'base45 value');
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      if (n > 0xff) throw new Problem('frame.damaged', 'base45 value');
      out[o++] = n;
    }
  }
  return out;
}
