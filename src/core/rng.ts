/**
 * Seeded pseudo-random source (sfc32 seeded through splitmix32).
 * The simulation's only source of randomness: same seed, same sequence.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new TypeError(`Rng: seed must be a finite number, got ${String(seed)}`);
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // Bits above 32 (and the sign) pick a different world too; seeds in [0, 2^32) keep the state they always had.
    const hi = Math.floor(seed / 4294967296);
    if (hi !== 0) {
      this.b = (this.b ^ fmix32(hi | 0)) >>> 0;
      this.d = (this.d ^ fmix32(~hi | 0)) >>> 0;
    }
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && this.float() < p;
  }

  /**
   * The seed of a sub-stream of `seed` labelled `salt`: the low 32 bits are
   * mixed with the salt, the higher bits are kept (so they still count).
   */
  static derive(seed: number, salt: number): number {
    const lo = (seed >>> 0) ^ salt;
    return (lo >>> 0) + Math.floor(seed / 4294967296) * 4294967296;
  }

  /** A new independent generator derived from this one (for sub-streams). */
  fork(): Rng {
    return new Rng(this.u32());
  }
}

/** murmur3's finaliser: a bijection on 32-bit integers with fmix32(0) = 0. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
