/**
 * Draws the app icons (a white tick in a white ring on the programme's red) into
 * public/icons as PNG, with nothing but node:zlib. Run: node scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [0xa5, 0x0e, 0x0e];
const WHITE = [0xff, 0xff, 0xff];

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function png(size: number, pixel: (x: number, y: number) => number[]): Buffer {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r = 0, g = 0, b = 0] = pixel(x, y);
      raw.set([r, g, b], y * (size * 3 + 1) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Distance from point p to segment ab. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The emblem in unit coordinates; `scale` shrinks it for the maskable safe zone. */
function emblem(size: number, scale: number) {
  return (x: number, y: number) => {
    const u = ((x + 0.5) / size - 0.5) / scale;
    const v = ((y + 0.5) / size - 0.5) / scale;
    const ring = Math.abs(Math.hypot(u, v) - 0.36) < 0.045;
    const tick =
      toSegment(u, v, -0.17, 0.01, -0.05, 0.14) < 0.055 ||
      toSegment(u, v, -0.05, 0.14, 0.19, -0.12) < 0.055;
    return ring || tick ? WHITE : RED;
  };
}

const out = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, emblem(192, 1)));
writeFileSync(new URL('icon-512.png', out), png(512, emblem(512, 1)));
writeFileSync(new URL('icon-maskable-512.png', out), png(512, emblem(512, 0.8)));
writeFileSync(
  new URL('icon.svg', out),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 1 1"><title>Khảo sát sự hài lòng</title><rect x="-0.5" y="-0.5" width="1" height="1" fill="#a50e0e"/><circle r="0.36" fill="none" stroke="#fff" stroke-width="0.09"/><path d="M-0.17 0.01 L-0.05 0.14 L0.19 -0.12" fill="none" stroke="#fff" stroke-width="0.11" stroke-linecap="round" stroke-linejoin="round"/></svg>\n`,
);
