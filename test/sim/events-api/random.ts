/**
 * Deterministic pseudo-random numbers for the generator (sfc32, 128-bit state). A 32-bit generator
 * such as mulberry32 walks one shared cycle, so two seeds can replay each other's sequence and repeat
 * uuids; 128 bits of state keeps separately seeded streams apart.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from any mix of numbers and strings, e.g. `new Random(seed, 'world', account)`. */
  constructor(...seedParts: ReadonlyArray<number | string>) {
    [this.a, this.b, this.c, this.d] = hashToState(seedParts.join('\u0000'));
    // Let the hashed state diffuse before the first value is used.
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** 1Password-style identifier: `length` base32 characters (A-Z, 2-7), upper or lower case. */
  base32(length: number, lowerCase = false): string {
    const alphabet = lowerCase ? BASE32_LOWER : BASE32_UPPER;
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.nextUint32() & 31]!;
    return out;
  }
}

const BASE32_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE32_LOWER = BASE32_UPPER.toLowerCase();

/** Choice among values with relative weights; the cumulative table is built once. */
export class WeightedChoice<T> {
  private readonly values: T[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    let sum = 0;
    for (const [value, weight] of entries) {
      if (weight <= 0) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (sum === 0) throw new Error('WeightedChoice: no positive weight');
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return this.values[low] as T;
  }
}

/** Spreads a string over four 32-bit words (multiply-xorshift mixing per word, distinct constants). */
function hashToState(text: string): [number, number, number, number] {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x85ebca6b);
    h2 = Math.imul(h2 ^ code, 0xc2b2ae35);
    h3 = Math.imul(h3 ^ code, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ code, 0x165667b1);
    h1 ^= h4 >>> 13;
    h2 ^= h1 >>> 15;
    h3 ^= h2 >>> 16;
    h4 ^= h3 >>> 17;
  }
  const finish = (h: number, salt: number) => {
    h = Math.imul(h ^ (h >>> 16) ^ salt, 0x7feb352d);
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
    return (h ^ (h >>> 16)) >>> 0;
  };
  return [finish(h1, text.length), finish(h2, 1), finish(h3, 2), finish(h4, 3)];
}
