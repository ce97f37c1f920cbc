import type fc from "fast-check";

/**
 * Reading fast-check's own arbitraries to draw their values in one step
 * (see {@link BytesArbitrary} and {@link SendArbitrary}): what fast-check 4
 * keeps in its integer, constant and frequency arbitraries, recognised by
 * class name and fields. Each reader returns undefined for anything else, and
 * the callers then draw through fast-check itself.
 */

/** An `fc.integer` / `fc.nat`: its bounds and the ranges a biased draw picks from. */
export interface IntegerParts {
  readonly min: number;
  readonly max: number;
  readonly ranges: readonly { readonly min: number; readonly max: number }[];
}

type Named = { constructor: { name: string } };

/** The parts of an `fc.integer`, or undefined. */
export function integerParts(arb: unknown): IntegerParts | undefined {
  const a = arb as Partial<IntegerParts> & Named;
  if (!a || a.constructor.name !== "IntegerArbitrary") return undefined;
  const ok =
    Number.isInteger(a.min) &&
    Number.isInteger(a.max) &&
    Array.isArray(a.ranges) &&
    a.ranges.length > 0 &&
    (a.ranges as unknown[]).every((r) => {
      const range = r as Partial<IntegerParts["ranges"][number]> | undefined;
      return Number.isInteger(range?.min) && Number.isInteger(range?.max);
    });
  return ok ? (a as IntegerParts) : undefined;
}

/** IntegerArbitrary.generate's draws: the value (its context is undefined). */
export function drawInteger(mrng: fc.Random, p: IntegerParts, biasFactor: number | undefined): number {
  if (biasFactor === undefined || mrng.nextInt(1, biasFactor) !== 1) return mrng.nextInt(p.min, p.max);
  const ranges = p.ranges;
  if (ranges.length === 1) return mrng.nextInt(ranges[0]!.min, ranges[0]!.max);
  const id = mrng.nextInt(-2 * (ranges.length - 1), ranges.length - 2);
  const r = id < 0 ? ranges[0]! : ranges[id + 1]!;
  return mrng.nextInt(r.min, r.max);
}

/** Where {@link drawArrayLength} leaves what it drew (read it right after the call: a nested array's draw overwrites it). */
export const arrayDraw: { n: number; itemBias: number | undefined } = { n: 0, itemBias: undefined };

/**
 * ArrayArbitrary.generate's first draws (an array without custom slices):
 * the length, and the bias its items are drawn with (undefined: unbiased),
 * left in {@link arrayDraw}.
 */
export function drawArrayLength(mrng: fc.Random, min: number, maxGen: number, biasedMax: number, bias: number | undefined): void {
  let n: number;
  let itemBias: number | undefined;
  if (bias === undefined) n = mrng.nextInt(min, maxGen);
  else if (min === maxGen) {
    n = mrng.nextInt(min, maxGen);
    itemBias = bias;
  } else if (mrng.nextInt(1, bias) !== 1) n = mrng.nextInt(min, maxGen);
  else {
    // A second draw (fast-check's third branch): biased items, and a short length one time in bias.
    n = mrng.nextInt(1, bias) !== 1 ? mrng.nextInt(min, maxGen) : mrng.nextInt(min, biasedMax);
    itemBias = bias;
  }
  arrayDraw.n = n;
  arrayDraw.itemBias = itemBias;
}

/** The values of an `fc.constantFrom` / `fc.constant` (none of them cloneable), or undefined. */
export function constantValues(arb: unknown): readonly unknown[] | undefined {
  const a = arb as { values?: unknown } & Named;
  if (!a || a.constructor.name !== "ConstantArbitrary" || !Array.isArray(a.values) || a.values.length === 0) return undefined;
  for (const v of a.values as unknown[]) if (v !== null && (typeof v === "object" || typeof v === "function")) return undefined;
  return a.values as unknown[];
}

/** The parts of an `fc.oneof` / `fc.option` (a FrequencyArbitrary) drawn at depth 0. */
export interface FrequencyParts {
  readonly arbs: readonly unknown[];
  readonly weights: readonly number[];
  readonly cumulated: readonly number[];
  readonly total: number;
  readonly withCrossShrink: boolean;
  readonly depthBias: number;
  /** Its depth context: the one-step draw holds only while it reads 0. */
  readonly context: { readonly depth: number };
  readonly maxDepth: number;
}

/** The parts of a FrequencyArbitrary, or undefined. */
export function frequencyParts(arb: unknown): FrequencyParts | undefined {
  const a = arb as {
    warbs?: { arbitrary: unknown; weight: number }[];
    cumulatedWeights?: number[];
    totalWeight?: number;
    constraints?: { withCrossShrink?: unknown; depthBias?: unknown; maxDepth?: unknown };
    context?: { depth?: unknown };
  } & Named;
  if (!a || a.constructor.name !== "FrequencyArbitrary") return undefined;
  const { warbs, cumulatedWeights, totalWeight, constraints, context } = a;
  if (!Array.isArray(warbs) || !Array.isArray(cumulatedWeights) || cumulatedWeights.length !== warbs.length) return undefined;
  if (typeof totalWeight !== "number" || !constraints || !context || typeof context.depth !== "number") return undefined;
  if (typeof constraints.depthBias !== "number" || typeof constraints.maxDepth !== "number" || typeof constraints.withCrossShrink !== "boolean") return undefined;
  return {
    arbs: warbs.map((w) => w.arbitrary),
    weights: warbs.map((w) => w.weight),
    cumulated: cumulatedWeights,
    total: totalWeight,
    withCrossShrink: constraints.withCrossShrink,
    depthBias: constraints.depthBias,
    context: context as { depth: number },
    maxDepth: constraints.maxDepth,
  };
}

/**
 * FrequencyArbitrary.generate's first draw at depth 0 (where its depth
 * benefit is 0): the index of the arbitrary it picks. Undefined when the
 * arbitrary is not at depth 0 or must pick the first (then the caller cannot draw in one step).
 */
export function drawFrequencyIndex(mrng: fc.Random, p: FrequencyParts): number | undefined {
  if (p.context.depth !== 0 || p.maxDepth <= 0) return undefined;
  const selected = mrng.nextInt(0, p.total - 1);
  for (let i = 0; i < p.cumulated.length; i++) if (selected < p.cumulated[i]!) return i;
  throw new Error("drawFrequencyIndex: no arbitrary for the draw");
}
