/** A small seeded PRNG (mulberry32): the emulator's data must be the same on every run for a given seed. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** FNV-1a: a stable 32-bit hash, used to derive per-tenant and per-record seeds. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Deterministic bytes for a file that was never uploaded (seeded files, transfers without content). */
export function generatedBytes(seed: number, size: number): Buffer {
  const random = new Random(seed);
  const bytes = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i += 4) {
    const word = Math.floor(random.next() * 4294967296);
    for (let j = 0; j < 4 && i + j < size; j++) bytes[i + j] = (word >>> (j * 8)) & 0xff;
  }
  return bytes;
}
