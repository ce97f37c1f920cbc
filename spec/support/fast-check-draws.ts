import fc from "fast-check";

const { Random } = fc;

/**
 * Helpers of the specs that check an arbitrary drawn "in one step" against
 * the fast-check composition it replaces (same draws, values, contexts and
 * shrinks).
 */

/** A small seeded generator in the shape fast-check's Random accepts (clone, next, jump, getState). */
export function generator(seed: number): { clone(): ReturnType<typeof generator>; next(): number; jump(): void; getState(): number[] } {
  let s = seed | 0 || 1;
  const g = {
    clone: () => generator(s),
    next: () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return s | 0;
    },
    jump: () => {
      for (let i = 0; i < 7; i++) g.next();
    },
    getState: () => [s],
  };
  return g;
}

/** A context with each kept generator (fast-check's Random) replaced by its state: generators hold closures. */
export function comparable(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(comparable);
  if (x === null || typeof x !== "object") return x;
  const rng = (x as { internalRng?: { getState(): unknown } }).internalRng;
  if (rng) return { generatorState: rng.getState() };
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, comparable(v)]));
}

/** The first `n` shrinks of a value, then the first shrink's own first shrinks (fast-check walks them depth first). */
export function shrinks<T>(arb: fc.Arbitrary<T>, v: fc.Value<T>, n: number): unknown[] {
  const out: unknown[] = [];
  let first: fc.Value<T> | undefined;
  for (const s of arb.shrink(v.value, v.context).take(n)) {
    first ??= s;
    out.push(s.value);
  }
  if (first) for (const s of arb.shrink(first.value, first.context).take(n)) out.push(s.value);
  return out;
}

/**
 * Draws once from `ours` and once from `theirs`, each with its own fast-check
 * Random over the same seeded generator: the two values, then the two
 * Randoms (to compare the draws that follow).
 */
export function drawBoth<T>(
  ours: fc.Arbitrary<T>,
  theirs: fc.Arbitrary<T>,
  seed: number,
  bias: number | undefined,
): [fc.Value<T>, fc.Value<T>, fc.Random, fc.Random] {
  const source = generator(seed);
  const a = new Random(source);
  const b = new Random(source);
  return [ours.generate(a, bias), theirs.generate(b, bias), a, b];
}
