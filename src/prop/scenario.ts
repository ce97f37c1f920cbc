import type { ByteString } from "../core/bytes.js";

/** Transport of a scenario: every peer talks to the tool's server over it. */
export type FuzzProtocol = "tcp" | "udp";

/** Receive modes a peer uses when it waits for the tool's replies. */
export type WaitMode = "*all" | "*line" | number;

/**
 * One step of a peer's script. `gap` is the virtual time (ms) the peer lets
 * pass after its previous step finished (for the first step: after the run
 * started).
 *
 * - `connect`: `create_client` to the tool's server (for UDP: a UDP client).
 * - `send`: one `send(data)` on the current connection.
 * - `wait`: one `receive(mode, ms)` for the tool's reply; what arrives is recorded.
 * - `close`: `close()` on the current connection.
 * - `reset`: an abortive close (TCP RST); for UDP the same as `close`.
 */
export type FuzzStep =
  | { readonly op: "connect"; readonly gap: number }
  | { readonly op: "send"; readonly gap: number; readonly data: ByteString }
  | { readonly op: "wait"; readonly gap: number; readonly ms: number; readonly mode: WaitMode }
  | { readonly op: "close"; readonly gap: number }
  | { readonly op: "reset"; readonly gap: number };

/** The script of one peer, which runs on its own host (`peer1`, `peer2`, ...). */
export interface FuzzPeerScript {
  readonly steps: readonly FuzzStep[];
}

/**
 * Cut the peer's `send`-th send (0-based, counting all `send` steps of that
 * peer) at byte offsets `at`: the tool sees one `socket_message` per piece
 * (R21). TCP only.
 */
export interface FuzzSplit {
  readonly peer: number;
  readonly send: number;
  readonly at: readonly number[];
}

/**
 * Deliver the peer's `send`-th send in the same `socket_message` as the send
 * before it on the same connection (R21). Generated scenarios make the two
 * sends back to back (no gap, no wait between), the only case in which a
 * stream can merge them. TCP only.
 */
export interface FuzzMerge {
  readonly peer: number;
  readonly send: number;
}

/**
 * A fault injected through `sim.faults` / `sim.conditions` while the
 * scenario runs (`peer` is a peer index, `at` a virtual time in ms):
 *
 * - `jitter`: one-way latency `fixed` ms plus uniform jitter up to `jitter` ms.
 * - `udp`: per-datagram loss, duplication and reordering probabilities (UDP only).
 * - `partition`: the peer's host and the tool host cannot reach each other from `at` for `ms`.
 * - `reset` / `close-by-peer` / `half-open`: the peer's open connections abort,
 *   close in order, or vanish silently at `at` (TCP only).
 * - `server-error`: the tool's server gets `socket_error` at `at` (R19).
 */
export type PlannedFault =
  | { readonly kind: "jitter"; readonly fixed: number; readonly jitter: number }
  | { readonly kind: "udp"; readonly loss: number; readonly duplicate: number; readonly reorder: number }
  | { readonly kind: "partition"; readonly peer: number; readonly at: number; readonly ms: number }
  | { readonly kind: "reset" | "close-by-peer" | "half-open"; readonly peer: number; readonly at: number }
  | { readonly kind: "server-error"; readonly at: number };

/** Kinds of {@link PlannedFault}. */
export type PlannedFaultKind = PlannedFault["kind"];

/** A whole generated run: who connects, what they send and when, how the stream is cut, what breaks. */
export interface FuzzScenario {
  readonly protocol: FuzzProtocol;
  /** Seed of the simulation (ephemeral ports and other random choices of the network). */
  readonly seed: number;
  readonly peers: readonly FuzzPeerScript[];
  readonly splits: readonly FuzzSplit[];
  readonly merges: readonly FuzzMerge[];
  /** Faults beyond stream cuts (absent: none). */
  readonly faults?: readonly PlannedFault[];
}

/**
 * True when a scenario has faults that may lose, duplicate or cut off data
 * (everything but latency jitter): invariants about lossless delivery do not apply.
 */
export function isFaulted(s: FuzzScenario): boolean {
  return (s.faults ?? []).some((f) => f.kind !== "jitter");
}

/** How big a scenario is; shrinking makes every number smaller. */
export interface FuzzScenarioSize {
  peers: number;
  steps: number;
  sends: number;
  bytes: number;
  cuts: number;
  faults: number;
  /** One number to compare sizes: steps + bytes + cuts + faults. */
  total: number;
}

/** Measures a scenario (see {@link FuzzScenarioSize}). */
export function scenarioSize(s: FuzzScenario): FuzzScenarioSize {
  let steps = 0;
  let sends = 0;
  let bytes = 0;
  for (const p of s.peers) {
    steps += p.steps.length;
    for (const st of p.steps) {
      if (st.op === "send") {
        sends++;
        bytes += st.data.length;
      }
    }
  }
  const cuts = s.splits.reduce((n, c) => n + c.at.length, 0) + s.merges.length;
  const faults = s.faults?.length ?? 0;
  return { peers: s.peers.length, steps, sends, bytes, cuts, faults, total: steps + bytes + cuts + faults };
}

/** The name of the host peer `i` (0-based) runs on. */
export function peerName(i: number): string {
  return `peer${i + 1}`;
}
