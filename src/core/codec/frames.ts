import { Problem } from '../problems.ts';
import { fromBase45, toBase45 } from './base45.ts';
import { bytesToHex } from './hex.ts';

/**
 * QR frames: a sealed batch in base45, cut into self-describing pieces that can be read
 * in any order. Every character is in the QR alphanumeric set:
 *   KS1/<batch id: 8 hex>/<index, 1-based>/<count>/<base45 piece>
 */
const PREFIX = 'KS1';
const FRAME = /^KS1\/([0-9A-F]{8})\/([1-9][0-9]{0,3})\/([1-9][0-9]{0,3})\/([0-9A-Z $%*+\-./:]+)$/;

export interface Frame {
  batchId: string;
  index: number;
  count: number;
  piece: string;
}

/** Base45 characters per frame so that a frame fits a version-25 QR at ECC M (1 451 alphanumeric). */
export const DEFAULT_FRAME_CHARS = 1425;

/** The frames of a sealed batch; each piece is a multiple of 3 characters except the last. */
export function toFrames(
  sealed: Uint8Array,
  batchId: string,
  frameChars = DEFAULT_FRAME_CHARS,
): string[] {
  const text = toBase45(sealed);
  const size = Math.max(3, frameChars - (frameChars % 3));
  const count = Math.max(1, Math.ceil(text.length / size));
  return Array.from(
    { length: count },
    (_, i) => `${PREFIX}/${batchId}/${i + 1}/${count}/${text.slice(i * size, (i + 1) * size)}`,
  );
}

/** A batch id from the start of the seal's hash bytes: 8 uppercase hex characters. */
export function batchIdOf(sealed: Uint8Array): string {
  const hash = sealed.subarray(sealed.length - 24, sealed.length - 20);
  return bytesToHex(hash).toUpperCase();
}

/** Reads one frame's text (as a camera or a USB scanner gives it). */
export function parseFrame(text: string): Frame {
  const trimmed = text.trim();
  if (!trimmed.startsWith(`${PREFIX}/`)) throw new Problem('frame.not-ours');
  const match = FRAME.exec(trimmed);
  if (!match) throw new Problem('frame.damaged', 'frame syntax');
  const [, batchId = '', index, count, piece = ''] = match;
  const frame = { batchId, index: Number(index), count: Number(count), piece };
  if (frame.index > frame.count) throw new Problem('frame.damaged', 'index past count');
  return frame;
}

/**
 * Collects frames of one batch in any order, ignoring repeats, and says which are
 * still missing. A frame of another batch is refused without disturbing the collected ones.
 */
export class FrameCollector {
  private batchId: string | undefined;
  private count = 0;
  private readonly pieces = new Map<number, string>();

  add(text: string): Frame {
    const frame = parseFrame(text);
    if (this.batchId === undefined) {
      this.batchId = frame.batchId;
      this.count = frame.count;
    } else if (frame.batchId !== this.batchId || frame.count !== this.count) {
      throw new Problem('frame.other-batch');
    }
    const known = this.pieces.get(frame.index);
    if (known !== undefined && known !== frame.piece)
      throw new Problem('frame.damaged', 'repeat differs');
    this.pieces.set(frame.index, frame.piece);
    return frame;
  }

  get total(): number {
    return this.count;
  }

  /** 1-based indexes not read yet. */
  missing(): number[] {
    return Array.from({ length: this.count }, (_, i) => i + 1).filter((i) => !this.pieces.has(i));
  }

  get complete(): boolean {
    return this.count > 0 && this.missing().length === 0;
  }

  /** The sealed batch bytes, once every frame is in. */
  sealed(): Uint8Array {
    if (!this.complete) throw new Problem('frame.damaged', 'incomplete');
    return fromBase45(
      Array.from({ length: this.count }, (_, i) => this.pieces.get(i + 1) ?? '').join(''),
    );
  }
}
