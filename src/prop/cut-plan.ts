import type { StreamCutPlan } from "../net/stream-cut.js";
import type { FuzzScenario } from "./scenario.js";

/** What happens to one send of a peer: cut offsets, and whether it merges with the send before. */
export interface SendCut {
  at: readonly number[];
  merged: boolean;
}

/** The cuts of peer `peer`'s sends, by the peer's send index. */
export function peerCuts(s: FuzzScenario, peer: number): Map<number, SendCut> {
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
