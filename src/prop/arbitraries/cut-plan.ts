import fc from "fast-check";
import { SimulationUsageError } from "../../core/errors.js";
import type { StreamCutPlan } from "../../net/stream-cut.js";

/** One connection whose stream a cut plan may cut: its trace `conn` number and the byte length of each send. */
export interface CutShape {
  readonly conn: number;
  /** Byte length of each send on this connection, in order. */
  readonly sends: readonly number[];
  /** Whose sends: the connecting client's (default) or the server's. */
  readonly from?: "client" | "server";
}

/** Options of {@link streamCutPlanArbitrary}. */
export interface StreamCutPlanOptions {
  /** Most splits. Default 3. */
  maxSplits?: number;
  /** Most cut offsets in one split. Default 2. */
  maxOffsets?: number;
  /** Most merges. Default 3. */
  maxMerges?: number;
}

/**
 * Generates plans for `sim.faults.cutStream` over known connections: which
 * sends are cut at which byte offsets, and which sends are merged with the
 * one before. Shrinks toward the empty plan ("no cuts"), then toward cuts of
 * the first send at its first byte.
 */
export function streamCutPlanArbitrary(
  shapes: readonly CutShape[],
  options: StreamCutPlanOptions = {},
): fc.Arbitrary<StreamCutPlan> {
  for (const s of shapes) {
    if (!Number.isInteger(s.conn) || s.sends.some((n) => !Number.isInteger(n) || n < 0)) {
      throw new SimulationUsageError("streamCutPlanArbitrary: each shape needs an integer conn and byte lengths >= 0");
    }
  }
  // Only sends of 2+ bytes can be split; only sends after the first can merge.
  const splittable = shapes.flatMap((s) =>
    s.sends.flatMap((len, send) => (len >= 2 ? [{ conn: s.conn, send, len, from: s.from }] : [])),
  );
  const mergeable = shapes.flatMap((s) =>
    s.sends.flatMap((_len, send) => (send > 0 ? [{ conn: s.conn, send, from: s.from }] : [])),
  );
  const split =
    splittable.length === 0
      ? fc.constant(undefined)
      : fc
          .record({
            which: fc.nat({ max: splittable.length - 1 }),
            at: fc.array(fc.nat({ max: 1 << 16 }), { minLength: 1, maxLength: options.maxOffsets ?? 2 }),
          })
          .map(({ which, at }) => {
            const t = splittable[which]!;
            const offsets = [...new Set(at.map((a) => 1 + (a % (t.len - 1))))].sort((a, b) => a - b);
            return { conn: t.conn, send: t.send, at: offsets, ...(t.from ? { from: t.from } : {}) };
          });
  const merge =
    mergeable.length === 0
      ? fc.constant(undefined)
      : fc.nat({ max: mergeable.length - 1 }).map((i) => {
          const m = mergeable[i]!;
          return { conn: m.conn, send: m.send, ...(m.from ? { from: m.from } : {}) };
        });
  return fc
    .record({
      splits: fc.array(split, { maxLength: splittable.length === 0 ? 0 : (options.maxSplits ?? 3) }),
      merges: fc.array(merge, { maxLength: mergeable.length === 0 ? 0 : (options.maxMerges ?? 3) }),
    })
    .map(({ splits, merges }) => {
      const plan: StreamCutPlan = {};
      const s = dedupe(splits.filter((x) => x !== undefined), (x) => `${x.from ?? "client"}/${x.conn}/${x.send}`);
      const m = dedupe(merges.filter((x) => x !== undefined), (x) => `${x.from ?? "client"}/${x.conn}/${x.send}`);
      if (s.length > 0) plan.splits = s;
      if (m.length > 0) plan.merges = m;
      return plan;
    });
}

function dedupe<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
