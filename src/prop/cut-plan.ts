import type { ByteString } from "../bytes.js";
import type { Scenario } from "./scenario.js";

/**
 * Where TCP streams are cut and merged, in the shape `sim.faults.cutStream`
 * takes: `conn` is the trace's connection number, `send` the 0-based index
 * of a send on that connection.
 */
export interface StreamCutPlan {
  splits?: { conn: number; send: number; at: number[]; from?: "client" | "server" }[];
  merges?: { conn: number; send: number; from?: "client" | "server" }[];
}

/** Cuts `data` at the given byte offsets (offsets outside 1..length-1 are ignored). */
export function cutPieces(data: ByteString, at: readonly number[]): ByteString[] {
  const offsets = [...new Set(at)].filter((a) => a > 0 && a < data.length).sort((a, b) => a - b);
  const pieces: ByteString[] = [];
  let from = 0;
  for (const a of offsets) {
    pieces.push(data.slice(from, a));
    from = a;
  }
  pieces.push(data.slice(from));
  return pieces;
}

/** What happens to one send of a peer: cut offsets, and whether it merges with the send before. */
export interface SendCut {
  at: readonly number[];
  merged: boolean;
}

/** The cuts of peer `peer`'s sends, by the peer's send index. */
export function peerCuts(s: Scenario, peer: number): Map<number, SendCut> {
  const out = new Map<number, SendCut>();
  const get = (send: number): SendCut => {
    let c = out.get(send);
    if (!c) out.set(send, (c = { at: [], merged: false }));
    return c;
  };
  for (const x of s.splits) if (x.peer === peer) get(x.send).at = x.at;
  for (const x of s.merges) if (x.peer === peer) get(x.send).merged = true;
  return out;
}

/**
 * The plan for one connection: `sends` are the peer's send indices that go
 * over that connection, in order; `conn` is its trace number.
 */
export function connectionCutPlan(cuts: Map<number, SendCut>, sends: readonly number[], conn: number): StreamCutPlan {
  const plan: StreamCutPlan = {};
  sends.forEach((peerSend, i) => {
    const c = cuts.get(peerSend);
    if (!c) return;
    if (c.at.length > 0) (plan.splits ??= []).push({ conn, send: i, at: [...c.at], from: "client" });
    if (c.merged && i > 0) (plan.merges ??= []).push({ conn, send: i, from: "client" });
  });
  return plan;
}
