/**
 * Small statistics for benchmarks on shared, noisy machines: every figure is
 * the median of several repetitions, reported with its min–max.
 */

/** Median, extremes and count of one figure's repetitions. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly reps: number;
}

/** Summarises samples (at least one). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError("summarize: needs at least one sample");
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, reps: s.length };
}

/** Median of samples (at least one). */
export function median(samples: readonly number[]): number {
  return summarize(samples).median;
}

/** Wall time of `fn` in ms. */
export function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Wall time of async `fn` in ms. */
export async function timeMsAsync(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Per-repetition samples of a figure and of its reference, measured in
 * alternation so that both see the same machine load; `ratio` pairs them.
 */
export interface Paired {
  readonly value: Summary;
  readonly reference: Summary;
  /** value / reference, per repetition. */
  readonly ratio: Summary;
}

/**
 * Runs `warmup` unrecorded rounds, then `reps` rounds of `value` and
 * `reference`, alternating which goes first. Each returns its figure
 * (higher is better, e.g. operations per second).
 */
export async function paired(
  reps: number,
  warmup: number,
  value: () => number | Promise<number>,
  reference: () => number | Promise<number>,
): Promise<Paired> {
  for (let i = 0; i < warmup; i++) {
    await value();
    await reference();
  }
  const v: number[] = [];
  const r: number[] = [];
  const q: number[] = [];
  for (let i = 0; i < reps; i++) {
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = await value();
      b = await reference();
    } else {
      b = await reference();
      a = await value();
    }
    v.push(a);
    r.push(b);
    q.push(a / b);
  }
  return { value: summarize(v), reference: summarize(r), ratio: summarize(q) };
}

/** Runs `warmup` unrecorded rounds, then `reps` recorded ones. */
export async function repeat(reps: number, warmup: number, fn: () => number | Promise<number>): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) out.push(await fn());
  return summarize(out);
}
