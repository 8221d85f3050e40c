import { Problem } from '../problems.ts';

/**
 * An adaptive binary range coder (the LZMA design): each bit is coded with an 11-bit
 * probability that learns as it goes, so skewed answers cost well under a bit each —
 * which deflate, whose codes are at least one bit a byte, cannot reach.
 */
const PROB_BITS = 11;
const PROB_ONE = 1 << PROB_BITS;
const ADAPT_SHIFT = 4; // fast learning: a batch is a few hundred sheets
const TOP = 2 ** 24;

/** An adaptive probability that the next bit is 0, shared by encoder and decoder alike. */
export class BitModel {
  p = PROB_ONE >> 1;
  update(bit: number) {
    if (bit === 0) this.p += (PROB_ONE - this.p) >> ADAPT_SHIFT;
    else this.p -= this.p >> ADAPT_SHIFT;
  }
}

/** Models for a value coded as bit length (unary) and then its lower bits, for small counts. */
export class NumberModel {
  readonly length = Array.from({ length: 41 }, () => new BitModel());
  readonly mantissa = Array.from({ length: 41 }, () => new BitModel());
}

/** Models for a symbol of 2^bits values as a binary tree (e.g. one answer among four levels). */
export class SymbolModel {
  readonly nodes: BitModel[];
  readonly bits: number;
  constructor(bits: number) {
    this.bits = bits;
    this.nodes = Array.from({ length: 1 << bits }, () => new BitModel());
  }
}

export class RangeEncoder {
  private low = 0;
  private range = 0xffffffff;
  private cache = 0;
  private cacheSize = 1;
  private readonly out: number[] = [];

  bit(model: BitModel, bit: number): void {
    const bound = (this.range >>> PROB_BITS) * model.p;
    if (bit === 0) this.range = bound;
    else {
      this.low += bound;
      this.range -= bound;
    }
    model.update(bit);
    while (this.range < TOP) {
      this.range = (this.range * 256) >>> 0;
      this.shiftLow();
    }
  }

  symbol(model: SymbolModel, value: number): void {
    let node = 1;
    for (let i = model.bits - 1; i >= 0; i--) {
      const bit = (value >> i) & 1;
      this.bit(model.nodes[node] as BitModel, bit);
      node = node * 2 + bit;
    }
  }

  /** A non-negative integer: its bit length in unary, then the bits below the leading one. */
  number(model: NumberModel, value: number): void {
    const n = value + 1;
    const length = Math.floor(Math.log2(n));
    for (let i = 0; i < length; i++) this.bit(model.length[i] as BitModel, 1);
    this.bit(model.length[length] as BitModel, 0);
    for (let i = length - 1; i >= 0; i--)
      this.bit(model.mantissa[i] as BitModel, Math.floor(n / 2 ** i) % 2);
  }

  finish(): Uint8Array {
    for (let i = 0; i < 5; i++) this.shiftLow();
    return Uint8Array.from(this.out.slice(1)); // the first byte is always the initial cache
  }

  private shiftLow(): void {
    if (this.low < 0xff000000 || this.low >= 2 ** 32) {
      const carry = this.low >= 2 ** 32 ? 1 : 0;
      let temp = this.cache;
      do {
        this.out.push((temp + carry) & 0xff);
        temp = 0xff;
      } while (--this.cacheSize !== 0);
      this.cache = Math.floor(this.low / 2 ** 24) & 0xff;
    }
    this.cacheSize++;
    this.low = (this.low % 2 ** 24) * 256;
  }
}

export class RangeDecoder {
  private range = 0xffffffff;
  private code = 0;
  private offset = 0;

  private readonly data: Uint8Array;

  constructor(data: Uint8Array) {
    this.data = data;
    for (let i = 0; i < 4; i++) this.code = this.code * 256 + this.nextByte();
  }

  bit(model: BitModel): number {
    const bound = (this.range >>> PROB_BITS) * model.p;
    let bit: number;
    if (this.code < bound) {
      this.range = bound;
      bit = 0;
    } else {
      this.code -= bound;
      this.range -= bound;
      bit = 1;
    }
    model.update(bit);
    while (this.range < TOP) {
      this.range = (this.range * 256) >>> 0;
      this.code = ((this.code * 256) % 2 ** 32) + this.nextByte();
    }
    return bit;
  }

  symbol(model: SymbolModel): number {
    let node = 1;
    for (let i = 0; i < model.bits; i++) node = node * 2 + this.bit(model.nodes[node] as BitModel);
    return node - (1 << model.bits);
  }

  number(model: NumberModel): number {
    let length = 0;
    while (this.bit(model.length[length] as BitModel) === 1) {
      if (++length >= 40) throw new Problem('batch.damaged', 'number too long');
    }
    let n = 1;
    for (let i = length - 1; i >= 0; i--) n = n * 2 + this.bit(model.mantissa[i] as BitModel);
    return n - 1;
  }

  /** Bytes read past the end; a damaged stream runs over, a whole one does not. */
  get overrun(): number {
    return Math.max(0, this.offset - this.data.length);
  }

  private nextByte(): number {
    return this.data[this.offset++] ?? 0;
  }
}
