import fc from "fast-check";
import type { ByteString } from "../../core/bytes.js";
import { SimulationUsageError } from "../../core/errors.js";
import type {
  FuzzPeerScript,
  FuzzScenario,
  PlannedFault,
  PlannedFaultKind,
  FuzzMerge,
  FuzzProtocol,
  FuzzSplit,
  FuzzStep,
} from "../scenario.js";
import { faultPlanArbitrary } from "./fault-plan.js";
import { bytesPayload } from "./payloads.js";
import { oneStep } from "./one-step.js";
import { sendArbitrary, type RawSend } from "./send-arbitrary.js";

/** How a connection of a generated peer ends. */
export type SessionEnd = "open" | "close" | "reset";

/** Options of {@link scenarioArbitrary}. Every limit is an upper bound; shrinking goes toward the lower one. */
export interface FuzzScenarioOptions {
  /** Protocols to pick from (one per scenario). Default `["tcp"]`. */
  protocols?: readonly FuzzProtocol[];
  /** What peers send. Default `payloads.bytes()`. */
  payload?: fc.Arbitrary<ByteString>;
  /** Fewest peers. Default 1. */
  minPeers?: number;
  /** Most peers. Default 3. */
  maxPeers?: number;
  /** Most connections one peer opens, one after the other. Default 2. */
  maxConnections?: number;
  /**
   * Most sends on one connection: each connection sends 0..maxSends times, so
   * "connect, then leave without sending" (health checks, port scanners, a
   * phone that sleeps) is generated too. Default 4.
   */
  maxSends?: number;
  /** Longest gap (virtual ms) before a step. Default 50. */
  maxGap?: number;
  /** Let peers wait for replies (`receive`) after sends. Default true. */
  waits?: boolean;
  /** Longest wait (virtual ms). Default 100. */
  maxWait?: number;
  /** How connections may end. Default all of "open", "close", "reset". */
  ends?: readonly SessionEnd[];
  /** Cut TCP sends into pieces (R21). Default true. */
  splits?: boolean;
  /** Merge TCP sends with the one before (R21). Default true. */
  merges?: boolean;
  /** Most splits plus merges. Default 3. */
  maxCuts?: number;
  /** Faults beyond stream cuts to draw from (see {@link PlannedFault}). Default none. */
  faults?: readonly PlannedFaultKind[];
  /** Most such faults in one scenario. Default 2. */
  maxFaults?: number;
}

interface RawSession {
  gap: number;
  sends: RawSend[];
  end: { kind: SessionEnd; gap: number };
}
interface RawCut {
  peer: number;
  send: number;
  at: number[];
}
interface RawScenario {
  protocol: FuzzProtocol;
  seed: number;
  peers: RawSession[][];
  splits: RawCut[];
  merges: { peer: number; send: number }[];
  faults: PlannedFault[];
}

function positiveInt(name: string, v: number | undefined, dflt: number, min = 0): number {
  const n = v ?? dflt;
  if (!Number.isInteger(n) || n < min) {
    throw new SimulationUsageError(`scenarioArbitrary: ${name} must be an integer >= ${min}, got ${String(v)}`);
  }
  return n;
}

/**
 * The records below are built as `fc.record` builds them — a tuple of the
 * fields, in the same order, plus the boolean it draws to choose a null
 * prototype — mapped to plain objects: the same random draws, values and
 * shrinks (so the same seeds and replay paths), without the generic mapper
 * and without null-prototype objects (which V8 keeps in slow dictionary mode).
 *
 * Generates whole scenarios: peers on their own hosts, each connecting,
 * sending, waiting for replies and closing with virtual-time gaps, plus
 * where the TCP stream is cut and merged. Shrinks toward fewer peers, fewer
 * steps, shorter payloads, zero gaps and no cuts.
 */
export function scenarioArbitrary(options: FuzzScenarioOptions = {}): fc.Arbitrary<FuzzScenario> {
  const protocols = options.protocols ?? ["tcp"];
  if (protocols.length === 0 || protocols.some((p) => p !== "tcp" && p !== "udp")) {
    throw new SimulationUsageError(`scenarioArbitrary: protocols must be a non-empty list of "tcp" / "udp"`);
  }
  const minPeers = positiveInt("minPeers", options.minPeers, 1, 1);
  const maxPeers = positiveInt("maxPeers", options.maxPeers, 3, minPeers);
  const maxConnections = positiveInt("maxConnections", options.maxConnections, 2, 1);
  const maxSends = positiveInt("maxSends", options.maxSends, 4);
  const maxGap = positiveInt("maxGap", options.maxGap, 50);
  const maxWait = positiveInt("maxWait", options.maxWait, 100);
  const maxCuts = positiveInt("maxCuts", options.maxCuts, 3);
  const ends = options.ends ?? ["open", "close", "reset"];
  if (ends.length === 0) throw new SimulationUsageError("scenarioArbitrary: ends must not be empty");
  const payload = options.payload ?? bytesPayload();
  const gap = fc.integer({ min: 0, max: maxGap });

  // fc.tuple(gap, payload, wait, fc.boolean()) mapped to a record, wait an fc.option of a receive (see sendArbitrary).
  const send = sendArbitrary(gap, payload, maxWait, options.waits !== false);
  const end = fc.tuple(fc.constantFrom(...ends), gap, fc.boolean()).map(([kind, gap]) => ({ kind, gap }));
  const session: fc.Arbitrary<RawSession> = fc
    .tuple(gap, fc.array(send, { minLength: 0, maxLength: maxSends }), end, fc.boolean())
    .map(([gap, sends, end]) => ({ gap, sends, end }));
  const peer = fc.array(session, { minLength: 1, maxLength: maxConnections });
  const cut: fc.Arbitrary<RawCut> = fc
    .tuple(fc.nat({ max: 15 }), fc.nat({ max: 63 }), fc.array(fc.nat({ max: 4095 }), { minLength: 1, maxLength: 2 }), fc.boolean())
    .map(([peer, send, at]) => ({ peer, send, at }));
  const merge = fc.tuple(fc.nat({ max: 15 }), fc.nat({ max: 63 }), fc.boolean()).map(([peer, send]) => ({ peer, send }));

  const raw: fc.Arbitrary<RawScenario> = fc
    .tuple(
      fc.constantFrom(...protocols),
      fc.nat({ max: 0xffff }),
      fc.array(peer, { minLength: minPeers, maxLength: maxPeers }),
      options.splits === false || maxCuts === 0 ? fc.constant<RawCut[]>([]) : fc.array(cut, { maxLength: maxCuts }),
      options.merges === false || maxCuts === 0 ? fc.constant<RawScenario["merges"]>([]) : fc.array(merge, { maxLength: maxCuts }),
      faultPlanArbitrary({ kinds: options.faults ?? [], maxFaults: options.maxFaults ?? 2, peers: 16 }),
      fc.boolean(),
    )
    .map(([protocol, seed, peers, splits, merges, faults]) => ({ protocol, seed, peers, splits, merges, faults }));
  // Drawn in one step (oneStep): the same draws, values, contexts and shrinks as fast-check's own tree.
  return oneStep(raw.map((r) => normalize(r)));
}

/** Where one peer's sends are, by the peer's send index: the session each belongs to and its payload length. */
interface PeerSends {
  session: number[];
  length: number[];
}

function peerSends(sessions: readonly RawSession[]): PeerSends {
  const session: number[] = [];
  const length: number[] = [];
  for (let si = 0; si < sessions.length; si++) {
    const sends = sessions[si]!.sends;
    for (let k = 0; k < sends.length; k++) {
      session.push(si);
      length.push(sends[k]!.data.length);
    }
  }
  return { session, length };
}

/** True when `merges` holds the peer's send. */
function isMerged(merges: readonly FuzzMerge[], peer: number, send: number): boolean {
  for (let i = 0; i < merges.length; i++) if (merges[i]!.peer === peer && merges[i]!.send === send) return true;
  return false;
}

/** Distinct offsets in ascending order (what `[...new Set(list)].sort((a, b) => a - b)` gives). */
function distinctSorted(list: number[]): number[] {
  const out: number[] = [];
  for (const a of list) if (!out.includes(a)) out.push(a);
  return out.sort((a, b) => a - b);
}

/**
 * Turns the raw, freely shrinkable record into a valid scenario (cuts
 * resolved to real sends). Runs once per generated scenario and per shrink
 * step, so it loops instead of building intermediate arrays and sets.
 */
function normalize(r: RawScenario): FuzzScenario {
  const udp = r.protocol === "udp";
  const rawPeers = r.peers;
  const peerCount = rawPeers.length;
  const splits: FuzzSplit[] = [];
  const merges: FuzzMerge[] = [];
  if (!udp && (r.splits.length > 0 || r.merges.length > 0)) {
    // Where each peer's sends are, made for the peers a cut names.
    const sends: (PeerSends | undefined)[] = [];
    const sendsOf = (p: number): PeerSends => (sends[p] ??= peerSends(rawPeers[p]!));
    for (const c of r.splits) {
      const p = c.peer % peerCount;
      const list = sendsOf(p);
      const n = list.length.length;
      if (n === 0) continue;
      const s = c.send % n;
      const len = list.length[s]!;
      if (len < 2) continue;
      let existing = -1;
      for (let x = 0; x < splits.length; x++) {
        if (splits[x]!.peer === p && splits[x]!.send === s) {
          existing = x;
          break;
        }
      }
      const at: number[] = existing >= 0 ? [...splits[existing]!.at] : [];
      for (const a of c.at) at.push(1 + (a % (len - 1)));
      const all = distinctSorted(at);
      if (existing >= 0) splits[existing] = { peer: p, send: s, at: all };
      else splits.push({ peer: p, send: s, at: all });
    }
    for (const m of r.merges) {
      const p = m.peer % peerCount;
      const session = sendsOf(p).session;
      // Sends that follow another send of the same connection.
      let count = 0;
      for (let i = 1; i < session.length; i++) if (session[i - 1] === session[i]) count++;
      if (count === 0) continue;
      let pick = m.send % count;
      let s = -1;
      for (let i = 1; i < session.length; i++) {
        if (session[i - 1] === session[i] && pick-- === 0) {
          s = i;
          break;
        }
      }
      if (!isMerged(merges, p, s)) merges.push({ peer: p, send: s });
    }
  }
  const peers: FuzzPeerScript[] = [];
  for (let p = 0; p < peerCount; p++) {
    const sessions = rawPeers[p]!;
    let send = 0;
    const steps: FuzzStep[] = [];
    for (const s of sessions) {
      steps.push({ op: "connect", gap: s.gap });
      const list = s.sends;
      for (let k = 0; k < list.length; k++) {
        const x = list[k]!;
        // A merge can only happen to sends made back to back: no gap, no wait in between.
        const mergesNext = k + 1 < list.length && merges.length > 0 && isMerged(merges, p, send + 1);
        steps.push({ op: "send", gap: merges.length > 0 && isMerged(merges, p, send) ? 0 : x.gap, data: x.data });
        if (x.wait && !mergesNext) steps.push({ op: "wait", gap: x.wait.gap, ms: x.wait.ms, mode: x.wait.mode });
        send++;
      }
      if (s.end.kind !== "open") steps.push({ op: udp ? "close" : s.end.kind, gap: s.end.gap });
    }
    peers.push({ steps });
  }
  return { protocol: r.protocol, seed: r.seed, peers, splits, merges, faults: applicableFaults(r.faults, udp, peerCount) };
}

/** Keeps the faults that apply to the protocol (one latency and one UDP setting at most), peers taken modulo the peer count. */
function applicableFaults(faults: readonly PlannedFault[], udp: boolean, peerCount: number): PlannedFault[] {
  const out: PlannedFault[] = [];
  for (const f of faults) {
    if (f.kind === "udp" && !udp) continue;
    if ((f.kind === "reset" || f.kind === "close-by-peer" || f.kind === "half-open") && udp) continue;
    if ((f.kind === "jitter" || f.kind === "udp") && out.some((x) => x.kind === f.kind)) continue;
    out.push("peer" in f ? { ...f, peer: f.peer % peerCount } : f);
  }
  return out;
}
