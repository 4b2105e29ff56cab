/**
 * A small seeded pseudo-random generator for demo data. Math.random cannot be seeded, and the demo must be
 * reproducible: the same seed gives the same customers, events and tickets on every machine and database.
 *
 * The core is mulberry32 (32-bit state, good enough statistical quality for synthetic data, not for
 * anything secret). Each customer gets its own generator derived from (seed, customer number), so one
 * customer's story never depends on how many random numbers another customer consumed; that keeps output
 * stable when a batch size or the order of generation changes.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for a sub-stream: same parent seed and keys give the same stream. */
  static derive(seed: number, ...keys: number[]): Random {
    let h = mix32(seed ^ 0x9e3779b9);
    for (const key of keys) h = mix32(h ^ mix32(key + 0x7f4a7c15));
    return new Random(h);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Uniform in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of options) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of options) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = options[options.length - 1];
    if (!last) throw new Error("weighted pick from an empty list");
    return last[0];
  }

  /** Approximately normal (sum of four uniforms: bounded tails, which suits synthetic behaviour). */
  normal(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    // Four uniforms have mean 2 and variance 4/12; rescale to unit variance.
    return mean + sd * (sum - 2) * Math.sqrt(3);
  }

  /** Exponentially distributed with the given mean (waiting times between independent events). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Poisson-distributed count with the given mean (Knuth's method; means here stay small). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** A lowercase hex string of the given length, for ids that look random but are reproducible. */
  hex(length: number): string {
    let out = "";
    while (out.length < length)
      out += Math.floor(this.next() * 4_294_967_296)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, length);
  }
}

/** A 32-bit integer hash (murmur3 finalizer): spreads nearby seeds far apart. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
