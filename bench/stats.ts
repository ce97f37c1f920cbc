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
  /** The samples in the order they were taken (one per repetition). */
  readonly samples?: readonly number[];
}

/** Summarises samples (at least one). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError("summarize: needs at least one sample");
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, reps: s.length, samples: [...samples] };
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

/** How each repetition is measured. */
export interface RepOptions {
  /**
   * Runs of each side per repetition, interleaved (value, reference, value,
   * ...); the repetition keeps each side's best run. Default 1. On a shared
   * machine a run is only ever slowed by others' work (never sped up), so
   * the best of a few short interleaved runs estimates what the code costs,
   * for both sides alike; one long run per side mostly measures who got
   * the CPU at that moment (the low end of a ratio range then shows a
   * neighbour's burst, not the code). Each run is whole (a simulation
   * with its own collections, a complete node:net exchange): nothing of
   * its cost is left out.
   */
  bestOf?: number;
}

async function best(n: number, fn: () => number | Promise<number>): Promise<number> {
  let out = -Infinity;
  for (let i = 0; i < n; i++) out = Math.max(out, await fn());
  return out;
}

/**
 * Runs `warmup` unrecorded rounds, then `reps` rounds of `value` and
 * `reference`, alternating which goes first. Each returns its figure
 * (higher is better, e.g. operations per second). With `bestOf` n, a
 * round runs each side n times, interleaved, and keeps each side's best.
 */
export async function paired(
  reps: number,
  warmup: number,
  value: () => number | Promise<number>,
  reference: () => number | Promise<number>,
  options: RepOptions = {},
): Promise<Paired> {
  const n = options.bestOf ?? 1;
  for (let i = 0; i < warmup; i++) {
    await value();
    await reference();
  }
  const v: number[] = [];
  const r: number[] = [];
  const q: number[] = [];
  for (let i = 0; i < reps; i++) {
    let a = -Infinity;
    let b = -Infinity;
    for (let k = 0; k < n; k++) {
      if ((i + k) % 2 === 0) {
        a = Math.max(a, await best(1, value));
        b = Math.max(b, await best(1, reference));
      } else {
        b = Math.max(b, await best(1, reference));
        a = Math.max(a, await best(1, value));
      }
    }
    v.push(a);
    r.push(b);
    q.push(a / b);
  }
  return { value: summarize(v), reference: summarize(r), ratio: summarize(q) };
}

/** Runs `warmup` unrecorded rounds, then `reps` recorded ones (each the best of `bestOf` runs, see {@link RepOptions}). */
export async function repeat(
  reps: number,
  warmup: number,
  fn: () => number | Promise<number>,
  options: RepOptions = {},
): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) out.push(await best(options.bestOf ?? 1, fn));
  return summarize(out);
}

/**
 * Several figures measured in rounds: `warmup` unrecorded rounds, then
 * `reps` recorded ones. A round runs each figure `bestOf` times, the
 * figures interleaved (the order rotating by one figure each run), and keeps each
 * figure's best run (see {@link RepOptions}). So every figure's samples
 * are spread over the whole measurement instead of one burst of runs: on
 * this shared machine the Lua interpreter has windows of a second or more
 * in which it runs at half speed (see docs/performance.md, "Issue #19,
 * sixth round"), and a figure measured in one burst reports the window.
 */
export async function rounds<K extends string>(
  reps: number,
  warmup: number,
  figures: Readonly<Record<K, () => number | Promise<number>>>,
  options: RepOptions = {},
): Promise<Record<K, Summary>> {
  const samples = await roundSamples(reps, warmup, figures, options);
  return Object.fromEntries(Object.entries<number[]>(samples).map(([k, v]) => [k, summarize(v)])) as Record<K, Summary>;
}

/** {@link rounds}' samples: per figure, one (best) value per round, in round order. */
export async function roundSamples<K extends string>(
  reps: number,
  warmup: number,
  figures: Readonly<Record<K, () => number | Promise<number>>>,
  options: RepOptions = {},
): Promise<Record<K, number[]>> {
  const names = Object.keys(figures) as K[];
  const n = options.bestOf ?? 1;
  for (let i = 0; i < warmup; i++) for (const k of names) await figures[k]();
  const samples = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < reps; i++) {
    const best = Object.fromEntries(names.map((k) => [k, -Infinity])) as Record<K, number>;
    for (let b = 0; b < n; b++) {
      for (let j = 0; j < names.length; j++) {
        const k = names[(i * n + b + j) % names.length]!;
        best[k] = Math.max(best[k], await figures[k]());
      }
    }
    for (const k of names) samples[k].push(best[k]);
  }
  return samples;
}
