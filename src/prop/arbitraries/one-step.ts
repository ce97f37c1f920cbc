import fc from "fast-check";
import { SimulationUsageError } from "../../core/errors.js";
import { arrayDraw, constantValues, drawArrayLength, drawInteger, frequencyParts, integerParts } from "./fc-parts.js";

/** A compiled draw: writes the value and its context to {@link out}. */
type Draw = (mrng: fc.Random, bias: number | undefined) => void;

/** Where a compiled draw leaves its value and context (read by its parent right after the call). */
const out: { v: unknown; c: unknown } = { v: undefined, c: undefined };

type Node = { constructor: { name: string } } & Record<string, unknown>;

/** An arbitrary the compiler does not know: its own generate, its Value taken apart. */
function opaque(arb: fc.Arbitrary<unknown>): Draw {
  return (mrng, bias) => {
    const g = arb.generate(mrng, bias);
    // Cloneable values (fc.func, fc.context, ...) take other paths in fast-check's tuples and maps.
    if (g.hasToBeCloned) throw new SimulationUsageError("scenarioArbitrary: a part of the scenario generated a cloneable value (scenario parts must be plain data)");
    out.v = g.value;
    out.c = g.context;
  };
}

/**
 * Compiles a tree of fast-check arbitraries into one function that makes
 * the same draws, in the same order, and leaves the same value and context
 * as `arb.generate` would: integer, constant, noBias, map, tuple, array
 * (without custom slices or uniqueness) and oneof/option (frequency) are
 * drawn directly, without a `Value` per node; anything else by its own
 * `generate`. Reads fast-check 4's classes by name and fields (see
 * fc-parts.ts); a node it does not recognise is drawn by its own generate.
 */
function compile(arb: fc.Arbitrary<unknown>): Draw {
  const node = arb as unknown as Node;
  const name = node.constructor.name;
  if (name === "IntegerArbitrary") {
    const p = integerParts(arb);
    if (p) {
      return (mrng, bias) => {
        out.v = drawInteger(mrng, p, bias);
        out.c = undefined;
      };
    }
  }
  if (name === "ConstantArbitrary") {
    const values = constantValues(arb);
    if (values) {
      const n = values.length;
      return (mrng) => {
        const idx = n === 1 ? 0 : mrng.nextInt(0, n - 1);
        out.v = values[idx];
        out.c = idx;
      };
    }
  }
  if (name === "NoBiasArbitrary" && node.arb instanceof fc.Arbitrary) {
    const child = compile(node.arb);
    return (mrng) => child(mrng, undefined);
  }
  if (name === "MapArbitrary" && node.arb instanceof fc.Arbitrary && typeof node.mapper === "function") {
    const child = compile(node.arb);
    const mapper = node.mapper as (v: unknown) => unknown;
    return (mrng, bias) => {
      child(mrng, bias);
      const v = out.v;
      const c = out.c;
      const mapped = mapper(v);
      if (typeof mapped === "object" && mapped !== null && fc.cloneMethod in mapped) {
        throw new SimulationUsageError("scenarioArbitrary: a part of the scenario generated a cloneable value (scenario parts must be plain data)");
      }
      out.v = mapped;
      out.c = { originalValue: v, originalContext: c };
    };
  }
  if (name === "TupleArbitrary" && Array.isArray(node.arbs)) {
    const children = (node.arbs as fc.Arbitrary<unknown>[]).map(compile);
    const n = children.length;
    return (mrng, bias) => {
      const vs: unknown[] = [];
      const cs: unknown[] = [];
      for (let i = 0; i < n; i++) {
        children[i]!(mrng, bias);
        vs.push(out.v);
        cs.push(out.c);
      }
      out.v = vs;
      out.c = cs;
    };
  }
  if (
    name === "ArrayArbitrary" &&
    node.arb instanceof fc.Arbitrary &&
    node.setBuilder === undefined &&
    Array.isArray(node.customSlices) &&
    node.customSlices.length === 0 &&
    Number.isInteger(node.minLength) &&
    Number.isInteger(node.maxGeneratedLength) &&
    Number.isInteger(node.cachedBiasedMaxLength) &&
    typeof (node.depthContext as { depth?: unknown } | undefined)?.depth === "number"
  ) {
    const item = compile(node.arb);
    const min = node.minLength as number;
    const maxGen = node.maxGeneratedLength as number;
    const biasedMax = node.cachedBiasedMaxLength as number;
    const depth = node.depthContext as { depth: number };
    return (mrng, bias) => {
      // ArrayArbitrary.generate: the length, and whether the items are biased.
      drawArrayLength(mrng, min, maxGen, biasedMax, bias);
      const n = arrayDraw.n;
      const itemBias = arrayDraw.itemBias;
      // safeGenerateNItems: a long array counts as depth for its items; no custom slices: each item drawn plainly.
      const impact = n - biasedMax;
      if (impact > 0) depth.depth += impact;
      const vs: unknown[] = [];
      const cs: unknown[] = [];
      try {
        for (let i = 0; i < n; i++) {
          item(mrng, itemBias);
          vs.push(out.v);
          cs.push(out.c);
        }
      } finally {
        if (impact > 0) depth.depth -= impact;
      }
      out.v = vs;
      out.c = { shrunkOnce: false, lengthContext: undefined, itemsContexts: cs, startIndex: 0 };
    };
  }
  if (name === "FrequencyArbitrary") {
    const p = frequencyParts(arb);
    if (p) {
      const children = p.arbs.map((a) => compile(a as fc.Arbitrary<unknown>));
      const ctx = p.context as { depth: number };
      return (mrng, bias) => {
        let idx = 0;
        // FrequencyArbitrary.generate: the first arbitrary when too deep, else a draw past the depth benefit.
        if (!(p.maxDepth <= ctx.depth)) {
          let from = 0;
          if (!(p.depthBias <= 0 || p.weights[0] === 0)) {
            const benefit = Math.floor(Math.pow(1 + p.depthBias, ctx.depth)) - 1;
            from = -Math.min(p.total * benefit, Number.MAX_SAFE_INTEGER) || 0;
          }
          const selected = mrng.nextInt(from, p.total - 1);
          idx = -1;
          for (let i = 0; i < p.cumulated.length; i++) {
            if (selected < p.cumulated[i]!) {
              idx = i;
              break;
            }
          }
          if (idx < 0) throw new Error("Unable to generate from fc.frequency");
        }
        // safeGenerateForIndex: one level deeper while the picked arbitrary draws.
        ++ctx.depth;
        let cloned: fc.Random | null;
        try {
          children[idx]!(mrng, bias);
          cloned = idx !== 0 && p.withCrossShrink && p.weights[0] !== 0 ? mrng.clone() : null;
        } finally {
          --ctx.depth;
        }
        out.c = { selectedIndex: idx, originalBias: bias, originalContext: out.c, clonedMrngForFallbackFirst: cloned };
      };
    }
  }
  return opaque(arb);
}

/**
 * An arbitrary drawn by its compiled tree (see {@link compile}) and shrunk
 * by itself: values, contexts, draws and so shrinks are fast-check's.
 */
class OneStepArbitrary<T> extends fc.Arbitrary<T> {
  private readonly draw: Draw;

  constructor(private readonly reference: fc.Arbitrary<T>) {
    super();
    this.draw = compile(reference);
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    this.draw(mrng, biasFactor);
    const v = out.v as T;
    const c = out.c;
    out.v = out.c = undefined;
    return new fc.Value(v, c);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.reference.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.reference.shrink(value, context);
  }
}

/**
 * `arb` drawn in one step: the same draws, values, contexts and shrinks as
 * `arb` itself, with fewer objects per draw (scenario generation was a fifth
 * of a fuzz scenario's cost, most of it fast-check's `Value` and context per node).
 */
export function oneStep<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return new OneStepArbitrary(arb);
}

/** The arbitrary a {@link oneStep} arbitrary draws as (itself for any other), for specs that compare the two. */
export function drawnAs<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return arb instanceof OneStepArbitrary ? (arb as unknown as { reference: fc.Arbitrary<T> }).reference : arb;
}
