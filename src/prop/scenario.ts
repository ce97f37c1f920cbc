import type { ByteString } from "../bytes.js";

/** Transport of a scenario: every peer talks to the tool's server over it. */
export type ScenarioProtocol = "tcp" | "udp";

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
export type ScenarioStep =
  | { readonly op: "connect"; readonly gap: number }
  | { readonly op: "send"; readonly gap: number; readonly data: ByteString }
  | { readonly op: "wait"; readonly gap: number; readonly ms: number; readonly mode: WaitMode }
  | { readonly op: "close"; readonly gap: number }
  | { readonly op: "reset"; readonly gap: number };

/** The script of one peer, which runs on its own host (`peer1`, `peer2`, ...). */
export interface PeerScriptSpec {
  readonly steps: readonly ScenarioStep[];
}

/**
 * Cut the peer's `send`-th send (0-based, counting all `send` steps of that
 * peer) at byte offsets `at`: the tool sees one `socket_message` per piece
 * (R21). TCP only.
 */
export interface ScenarioSplit {
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
export interface ScenarioMerge {
  readonly peer: number;
  readonly send: number;
}

/** A whole generated run: who connects, what they send and when, how the stream is cut. */
export interface Scenario {
  readonly protocol: ScenarioProtocol;
  /** Seed of the simulation (ephemeral ports and other random choices of the network). */
  readonly seed: number;
  readonly peers: readonly PeerScriptSpec[];
  readonly splits: readonly ScenarioSplit[];
  readonly merges: readonly ScenarioMerge[];
}

/** How big a scenario is; shrinking makes every number smaller. */
export interface ScenarioSize {
  peers: number;
  steps: number;
  sends: number;
  bytes: number;
  cuts: number;
  /** One number to compare sizes: steps + bytes + cuts. */
  total: number;
}

/** Measures a scenario (see {@link ScenarioSize}). */
export function scenarioSize(s: Scenario): ScenarioSize {
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
  return { peers: s.peers.length, steps, sends, bytes, cuts, total: steps + bytes + cuts };
}

/** The name of the host peer `i` (0-based) runs on. */
export function peerName(i: number): string {
  return `peer${i + 1}`;
}
