import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';

/**
 * A video file for Chromium's fake camera (--use-file-for-fake-video-capture): each QR
 * code held for a few video frames, the whole looped by Chromium. Written as Y4M
 * (YUV4MPEG2, 4:2:0): a text header, then per frame "FRAME\n" and the Y, U and V planes.
 * Black modules on white, grey chroma: what a camera sees of a QR on a screen.
 */
export function writeQrVideo(
  dir: string,
  texts: readonly string[],
  { size = 720, framesEach = 4 } = {},
): string {
  const header = `YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`;
  const chroma = new Uint8Array((size / 2) * (size / 2)).fill(128);
  const parts: Uint8Array[] = [new TextEncoder().encode(header)];
  for (const text of texts) {
    const luma = qrLuma(text, size);
    for (let i = 0; i < framesEach; i++)
      parts.push(new TextEncoder().encode('FRAME\n'), luma, chroma, chroma);
  }
  const path = join(dir, 'camera.y4m');
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** The Y plane of one QR code, centred with a quiet zone, as large as whole pixels allow. */
function qrLuma(text: string, size: number): Uint8Array {
  const { modules } = QRCode.create([{ data: text, mode: 'alphanumeric' }], {
    errorCorrectionLevel: 'M',
  });
  const scale = Math.floor(size / (modules.size + 8));
  const offset = Math.floor((size - modules.size * scale) / 2);
  const luma = new Uint8Array(size * size).fill(255);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (offset + row * scale + y) * size + offset + col * scale;
        luma.fill(0, start, start + scale);
      }
    }
  return luma;
}

/** Chromium flags that make getUserMedia play the file, without a permission prompt. */
export const fakeCameraArgs = (videoPath: string) => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${videoPath}`,
];
