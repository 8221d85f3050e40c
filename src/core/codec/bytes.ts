import { Problem } from '../problems.ts';

/** Appends bytes and unsigned LEB128 varints to a growing buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  private ensure(extra: number) {
    if (this.length + extra <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  byte(value: number): this {
    this.ensure(1);
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  bytes(values: Uint8Array): this {
    this.ensure(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
    return this;
  }

  /** Unsigned LEB128: 7 bits per byte, high bit set on all but the last. */
  varint(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Not a varint: ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.byte((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    return this.byte(rest);
  }

  /** A varint byte length, then the UTF-8 bytes. */
  text(value: string): this {
    const encoded = new TextEncoder().encode(value);
    return this.varint(encoded.length).bytes(encoded);
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads what ByteWriter wrote; any overrun is a damaged batch. */
export class ByteReader {
  private offset = 0;
  private readonly data: Uint8Array;

  constructor(data: Uint8Array) {
    this.data = data;
  }

  get remaining(): number {
    return this.data.length - this.offset;
  }

  byte(): number {
    const value = this.data[this.offset];
    if (value === undefined) throw new Problem('batch.damaged', 'read past the end');
    this.offset++;
    return value;
  }

  bytes(count: number): Uint8Array {
    if (count > this.remaining) throw new Problem('batch.damaged', 'read past the end');
    const out = this.data.slice(this.offset, this.offset + count);
    this.offset += count;
    return out;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) break;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new Problem('batch.damaged', 'varint too long');
    }
    return value;
  }

  /** UTF-8 text; bytes that are not valid UTF-8 are refused, never replaced. */
  text(): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes(this.varint()));
    } catch (error) {
      if (error instanceof Problem) throw error;
      throw new Problem('request.encoding', 'text field');
    }
  }
}
