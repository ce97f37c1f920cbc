import type { FuzzPeerScript, FuzzScenario, PlannedFault } from "../scenario.js";

/** Most candidate runs the second shrinking stage tries. */
export const MAX_MINIMIZE_RUNS = 200;

function withoutPeer(s: FuzzScenario, p: number): FuzzScenario {
  const shift = <T extends { peer: number }>(xs: readonly T[]): T[] =>
    xs.filter((x) => x.peer !== p).map((x) => (x.peer > p ? { ...x, peer: x.peer - 1 } : x));
  const faults = (s.faults ?? []).flatMap((f): PlannedFault[] => {
    if (!("peer" in f)) return [f];
    if (f.peer === p) return [];
    return [f.peer > p ? { ...f, peer: f.peer - 1 } : f];
  });
  return { ...s, peers: s.peers.filter((_, i) => i !== p), splits: shift(s.splits), merges: shift(s.merges), faults };
}

function withoutStep(s: FuzzScenario, p: number, i: number): FuzzScenario | undefined {
  const steps = s.peers[p]!.steps;
  const step = steps[i]!;
  const mergesOfPeer = s.merges.filter((m) => m.peer === p);
  // Connects delimit the connections merges rely on.
  if (step.op === "connect" && mergesOfPeer.length > 0) return undefined;
  let splits = s.splits;
  let merges = s.merges;
  if (step.op === "send") {
    const n = steps.slice(0, i).filter((x) => x.op === "send").length;
    if (s.splits.some((c) => c.peer === p && c.send === n)) return undefined;
    if (mergesOfPeer.some((m) => m.send === n || m.send === n + 1)) return undefined;
    splits = s.splits.map((c) => (c.peer === p && c.send > n ? { ...c, send: c.send - 1 } : c));
    merges = s.merges.map((m) => (m.peer === p && m.send > n ? { ...m, send: m.send - 1 } : m));
  }
  const peers: FuzzPeerScript[] = s.peers.map((x, j) => (j === p ? { steps: x.steps.filter((_, k) => k !== i) } : x));
  return { ...s, peers, splits, merges };
}

/** Scenarios one removal smaller than `s`: a peer, a step, a fault or a cut less. */
export function* smallerScenarios(s: FuzzScenario): Generator<FuzzScenario> {
  if (s.peers.length > 1) for (let p = s.peers.length - 1; p >= 0; p--) yield withoutPeer(s, p);
  for (let p = 0; p < s.peers.length; p++) {
    const steps = s.peers[p]!.steps;
    if (steps.length <= 1) continue;
    for (let i = steps.length - 1; i >= 0; i--) {
      const c = withoutStep(s, p, i);
      if (c) yield c;
    }
  }
  for (let f = (s.faults ?? []).length - 1; f >= 0; f--) yield { ...s, faults: s.faults!.filter((_, i) => i !== f) };
  for (let c = s.splits.length - 1; c >= 0; c--) yield { ...s, splits: s.splits.filter((_, i) => i !== c) };
  for (let c = s.merges.length - 1; c >= 0; c--) yield { ...s, merges: s.merges.filter((_, i) => i !== c) };
}

/**
 * The second stage of shrinking, after fast-check's: removes peers, steps,
 * faults and cuts one at a time while the scenario still fails, until no
 * single removal keeps it failing (fast-check's array shrinking keeps
 * prefixes of a list it cannot shorten from the front, and can stop at a
 * scenario with a removable trailing step). Deterministic: same input, same
 * result. Returns the scenario and how many removals were kept.
 */
export function minimizeScenario(s: FuzzScenario, fails: (c: FuzzScenario) => boolean): { scenario: FuzzScenario; removed: number } {
  let current = s;
  let removed = 0;
  let budget = MAX_MINIMIZE_RUNS;
  for (let progress = true; progress && budget > 0; ) {
    progress = false;
    for (const c of smallerScenarios(current)) {
      if (--budget < 0) break;
      if (fails(c)) {
        current = c;
        removed++;
        progress = true;
        break;
      }
    }
  }
  return { scenario: current, removed };
}

/** {@link minimizeScenario} for scenarios that run asynchronously (Lua tools). */
export async function minimizeScenarioAsync(
  s: FuzzScenario,
  fails: (c: FuzzScenario) => Promise<boolean>,
): Promise<{ scenario: FuzzScenario; removed: number }> {
  let current = s;
  let removed = 0;
  let budget = MAX_MINIMIZE_RUNS;
  for (let progress = true; progress && budget > 0; ) {
    progress = false;
    for (const c of smallerScenarios(current)) {
      if (--budget < 0) break;
      if (await fails(c)) {
        current = c;
        removed++;
        progress = true;
        break;
      }
    }
  }
  return { scenario: current, removed };
}
