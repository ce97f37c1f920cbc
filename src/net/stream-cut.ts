import type { Rng } from "../core/rng.js";
import { emptyArray } from "../core/site-free.js";

/** Which end of a TCP connection sends: the one that connected, or the one that accepted. */
export type StreamSide = "client" | "server";

/**
 * An explicit, data-only plan of how TCP streams are cut, for tests and
 * property generators (fast-check). Entries name a connection by its `conn`
 * number in the trace (1 for the first connection attempt of the
 * simulation, 2 for the next, ...) and a send by its 0-based count of
 * `send()` calls made on that connection by that side. `from` defaults to
 * `"client"` (the side that called create_client).
 *
 * ```ts
 * sim.faults.cutStream({
 *   splits: [{ conn: 1, send: 0, at: [4] }],   // "GET /x" arrives as "GET " + "/x"
 *   merges: [{ conn: 1, send: 2 }],            // send #2 arrives together with send #1
 * });
 * ```
 */
export interface StreamCutPlan {
  /**
   * Cut send #send of connection #conn at these byte offsets
   * (0 < at < length; others ignored). Each piece is its own segment, so a
   * server sees one `socket_message` per piece.
   */
  splits?: { conn: number; send: number; at: number[]; from?: StreamSide }[];
  /**
   * Deliver send #send of connection #conn in the same socket_message as the
   * previous send of that side (merge). It happens when the two sends are
   * made back to back (the sender does not wait in between: the earlier
   * bytes stay in the sender's buffer until the later send), or when the
   * earlier socket_message is still queued at the receiver when the later
   * bytes arrive; otherwise the merge cannot happen and is skipped. With a
   * split, the last piece of the earlier send joins the first piece of this one.
   */
  merges?: { conn: number; send: number; from?: StreamSide }[];
}

/**
 * How sends are split into segments when no plan says otherwise.
 * - `"never"` (default): one send, one segment.
 * - `{ sizes: [a, b, ...] }`: cut every send into pieces of a, b, ... bytes
 *   (cycling; the last piece takes the rest), e.g. `{ sizes: [1] }` byte by byte.
 * - `{ probability, maxPieces }`: each send of 2+ bytes is, with
 *   `probability`, cut at random byte boundaries into 2..maxPieces (default 3) pieces.
 */
export type SplitPolicy = "never" | { sizes: number[] } | { probability: number; maxPieces?: number };

/**
 * How consecutive sends are merged when no plan says otherwise.
 * - `"never"` (default): one segment, one socket_message.
 * - `"queued"`: bytes arriving while an earlier socket_message of the same
 *   connection still waits for the GUI thread are appended to it (a kernel
 *   socket buffer).
 * - `{ probability }`: each send (after the first) merges with the previous
 *   one with this probability (see {@link StreamCutPlan.merges} for when a
 *   merge can happen).
 */
export type MergePolicy = "never" | "queued" | { probability: number };

/** Stream cutting of a link: see {@link SplitPolicy} and {@link MergePolicy}. */
export interface StreamCutOptions {
  split?: SplitPolicy;
  merge?: MergePolicy;
}

const key = (conn: number, side: StreamSide, send: number): string => `${conn}/${side}/${send}`;

/** The installed {@link StreamCutPlan}s, indexed by connection, side and send. */
export class StreamPlans {
  /** Each plan's splits and merges by key, and the connections it names (most sends are on none: no key is made for them). */
  private readonly plans: { id: number; splits: Map<string, number[]>; merges: Set<string>; conns: Set<number> }[] = emptyArray();
  private nextId = 1;

  get size(): number {
    return this.plans.length;
  }

  /** Adds a plan; returns a function that removes it. */
  add(plan: StreamCutPlan): () => void {
    const id = this.nextId++;
    const splits = new Map<string, number[]>();
    for (const s of plan.splits ?? []) {
      const k = key(s.conn, s.from ?? "client", s.send);
      splits.set(k, [...(splits.get(k) ?? []), ...s.at]);
    }
    const merges = new Set((plan.merges ?? []).map((m) => key(m.conn, m.from ?? "client", m.send)));
    const conns = new Set([...(plan.splits ?? []), ...(plan.merges ?? [])].map((x) => x.conn));
    this.plans.push({ id, splits, merges, conns });
    return () => {
      const i = this.plans.findIndex((p) => p.id === id);
      if (i >= 0) this.plans.splice(i, 1);
    };
  }

  /** Offsets planned for this send, or undefined if no plan names it. */
  splits(conn: number, side: StreamSide, send: number): number[] | undefined {
    let out: number[] | undefined;
    let k: string | undefined;
    for (const p of this.plans) {
      if (!p.conns.has(conn)) continue;
      const at = p.splits.get((k ??= key(conn, side, send)));
      if (at) out = [...(out ?? []), ...at];
    }
    return out;
  }

  /** True if a plan merges this send into the previous one. */
  merges(conn: number, side: StreamSide, send: number): boolean {
    let k: string | undefined;
    return this.plans.some((p) => p.conns.has(conn) && p.merges.has((k ??= key(conn, side, send))));
  }
}

/** Sorted, distinct offsets strictly inside a message of `length` bytes. */
export function validOffsets(at: readonly number[], length: number): number[] {
  const ok = at.filter((o) => Number.isInteger(o) && o > 0 && o < length);
  return [...new Set(ok)].sort((a, b) => a - b);
}

/** No cut: shared (callers only read offsets), so a send without a split policy allocates nothing. */
const NO_CUT: readonly number[] = Object.freeze([]);

/** Split offsets a policy chooses for one send of `length` bytes. */
export function policyOffsets(policy: SplitPolicy | undefined, length: number, rng: Rng): readonly number[] {
  if (policy === undefined || policy === "never" || length < 2) return NO_CUT;
  if ("sizes" in policy) {
    const out: number[] = [];
    let pos = 0;
    for (let i = 0; ; i++) {
      pos += policy.sizes[i % policy.sizes.length]!;
      if (pos >= length) return out;
      out.push(pos);
    }
  }
  if (!rng.chance(policy.probability)) return NO_CUT;
  const maxPieces = Math.max(2, Math.min(policy.maxPieces ?? 3, length));
  const cuts = rng.int(1, maxPieces - 1);
  const chosen = new Set<number>();
  while (chosen.size < cuts) chosen.add(rng.int(1, length - 1));
  return [...chosen].sort((a, b) => a - b);
}

/** Cuts `data` at sorted, valid offsets. */
export function cutAt(data: string, offsets: readonly number[]): string[] {
  if (offsets.length === 0) return [data];
  const out: string[] = [];
  let prev = 0;
  for (const o of offsets) {
    out.push(data.slice(prev, o));
    prev = o;
  }
  out.push(data.slice(prev));
  return out;
}

/** Checks a {@link SplitPolicy} / {@link MergePolicy}; throws a message naming `call`. */
export function checkStreamCut(call: string, o: StreamCutOptions): void {
  const s = o.split;
  if (s !== undefined && s !== "never") {
    if (typeof s !== "object" || s === null) throw new TypeError(`${call}: split must be "never", { sizes } or { probability }`);
    if ("sizes" in s) {
      if (!Array.isArray(s.sizes) || s.sizes.length === 0 || !s.sizes.every((n) => Number.isInteger(n) && n > 0)) {
        throw new TypeError(`${call}: split.sizes must be a non-empty list of integers > 0`);
      }
    } else if (!(s.probability >= 0 && s.probability <= 1)) {
      throw new TypeError(`${call}: split.probability must be in [0, 1], got ${String(s.probability)}`);
    } else if (s.maxPieces !== undefined && !(Number.isInteger(s.maxPieces) && s.maxPieces >= 2)) {
      throw new TypeError(`${call}: split.maxPieces must be an integer >= 2`);
    }
  }
  const m = o.merge;
  if (m !== undefined && m !== "never" && m !== "queued") {
    if (typeof m !== "object" || m === null || !(m.probability >= 0 && m.probability <= 1)) {
      throw new TypeError(`${call}: merge must be "never", "queued" or { probability } with a probability in [0, 1]`);
    }
  }
}
