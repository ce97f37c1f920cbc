import type { ByteString } from "../../core/bytes.js";
import { tcpConnOf } from "../../renoise/socket/client.js";
import type { LuaResult, SendResult, SocketClient } from "../../renoise/socket/types.js";
import type { Peer, PeerScript } from "../../sim/peer.js";
import type { Simulation } from "../../sim/simulation.js";
import type { StreamCutPlan } from "../../net/stream-cut.js";
import { connectionCutPlan, type SendCut } from "../cut-plan.js";
import type { FuzzProtocol, FuzzStep } from "../scenario.js";
import type { CallRecord, PeerSocketState } from "./calls.js";

/** Everything one peer's script needs. */
export interface PeerScriptContext {
  readonly sim: Simulation;
  readonly name: string;
  readonly steps: readonly FuzzStep[];
  readonly protocol: FuzzProtocol;
  readonly address: string;
  readonly port: number;
  readonly connectTimeout: number;
  /** Cuts of this peer's sends, by send index. */
  readonly cuts: Map<number, SendCut>;
  /** Installs a cut plan through the fault layer. */
  readonly installCuts: (plan: StreamCutPlan) => void;
  readonly probes: boolean;
  /** Steps starting after this virtual time are not run. */
  readonly deadline: number;
  readonly calls: CallRecord[];
  /** Appends what a wait received. */
  readonly onReceive: (data: ByteString) => void;
}

type Outcome = Pick<CallRecord, "outcome" | "error" | "errorName">;

function attempt(fn: () => void): Outcome {
  try {
    fn();
    return { outcome: "ok" };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { outcome: "threw", error: err.message, errorName: err.name };
  }
}

/** Peer send indices per connect step: which sends go over which connection. */
function sendsByConnect(steps: readonly FuzzStep[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let current: number[] | undefined;
  let send = 0;
  steps.forEach((s, i) => {
    if (s.op === "connect") out.set(i, (current = []));
    else if (s.op === "send") current?.push(send++);
  });
  return out;
}


/** The condition of a sleep: only its time ends it. */
const never = (): boolean => false;

/** The generator that plays one peer's steps (run with `sim.spawn`). */
export function* playPeer(ctx: PeerScriptContext, peer: Peer): PeerScript {
  const { sim, name, calls } = ctx;
  const proto = ctx.protocol === "tcp" ? 1 : 2;
  const plans = sendsByConnect(ctx.steps);
  let client: SocketClient | undefined;
  let state: PeerSocketState = "none";
  const log = (r: Omit<CallRecord, "peer" | "t" | "probe"> & { probe?: boolean }): void => {
    calls.push({ peer: name, t: sim.now, probe: false, ...r });
  };
  const probeDead = (step: number, how: "closed" | "failed"): void => {
    if (!ctx.probes || !client) return;
    const c = client;
    // The probes raise on purpose; their stack traces are never shown, and capturing them is most of a probe's cost.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      log({ step, call: "send", state: how, probe: true, ...attempt(() => c.send("probe")) });
      log({ step, call: "receive", state: how, probe: true, ...attempt(() => c.receive("*all", 0)) });
      if (how === "closed") {
        log({ step, call: "is_open", state: how, probe: true, ...attempt(() => c.is_open) });
        log({ step, call: "local_port", state: how, probe: true, ...attempt(() => c.local_port) });
        log({ step, call: "close", state: how, probe: true, ...attempt(() => c.close()) });
      } else {
        let open: boolean | undefined;
        const r = attempt(() => {
          open = c.is_open;
        });
        log({ step, call: "is_open", state: how, probe: true, ...r, ...(open !== undefined ? { isOpenAfter: open } : {}) });
      }
    } finally {
      Error.stackTraceLimit = limit;
    }
  };

  for (let i = 0; i < ctx.steps.length; i++) {
    const step = ctx.steps[i]!;
    if (step.gap > 0) {
      const until = sim.now + step.gap;
      // The Wait peer.sleep would yield, without its generator; odd gaps go through it for its usage error.
      if (typeof step.gap === "number" && step.gap !== Infinity && until <= Number.MAX_SAFE_INTEGER) yield { until, ready: never };
      else yield* peer.sleep(step.gap);
    }
    if (sim.now > ctx.deadline) return;
    switch (step.op) {
      case "connect": {
        let result: LuaResult<SocketClient>;
        const before = state;
        try {
          result = yield* peer.connect(ctx.address, ctx.port, proto, ctx.connectTimeout);
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          log({ step: i, call: "create_client", state: before, outcome: "threw", error: err.message, errorName: err.name });
          break;
        }
        const [c, err] = result;
        if (c) {
          client = c;
          state = "open";
          log({ step: i, call: "create_client", state: before, outcome: "ok" });
          const conn = ctx.protocol === "tcp" ? tcpConnOf(c) : undefined;
          if (conn !== undefined) {
            const plan = connectionCutPlan(ctx.cuts, plans.get(i) ?? [], conn);
            if (plan.splits || plan.merges) ctx.installCuts(plan);
          }
        } else {
          client = undefined;
          state = "none";
          log({ step: i, call: "create_client", state: before, outcome: "error", error: err });
        }
        break;
      }
      case "send": {
        if (state !== "open" || !client) {
          log({ step: i, call: "send", state, outcome: "skipped" });
          break;
        }
        // The record is built in place (the hottest call of a scenario): the same fields, in the same order, as log() makes.
        let r: SendResult;
        try {
          r = client.send(step.data);
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          calls.push({ peer: name, t: sim.now, probe: false, step: i, call: "send", state, outcome: "threw", error: err.message, errorName: err.name });
          break;
        }
        calls.push(
          r[0]
            ? { peer: name, t: sim.now, probe: false, step: i, call: "send", state, outcome: "ok" }
            : { peer: name, t: sim.now, probe: false, step: i, call: "send", state, outcome: "error", error: r[1] },
        );
        break;
      }
      case "wait": {
        if (state !== "open" || !client) {
          log({ step: i, call: "receive", state, mode: step.mode, outcome: "skipped" });
          break;
        }
        const c = client;
        let data: ByteString | undefined;
        let err: string | undefined;
        try {
          [data, err] = yield* peer.receive(c, step.mode, step.ms);
        } catch (e) {
          const x = e instanceof Error ? e : new Error(String(e));
          log({ step: i, call: "receive", state, mode: step.mode, outcome: "threw", error: x.message, errorName: x.name });
          break;
        }
        let open: boolean | undefined;
        try {
          open = c.is_open;
        } catch {
          // is_open raised: the record has no isOpenAfter.
        }
        // Records built in place (one per wait): the same fields, in the same order, as log() makes.
        const mode = step.mode;
        if (data !== undefined) {
          ctx.onReceive(data);
          calls.push(
            open !== undefined
              ? { peer: name, t: sim.now, probe: false, step: i, call: "receive", state, mode, outcome: "ok", data, isOpenAfter: open }
              : { peer: name, t: sim.now, probe: false, step: i, call: "receive", state, mode, outcome: "ok", data },
          );
        } else {
          calls.push(
            open !== undefined
              ? { peer: name, t: sim.now, probe: false, step: i, call: "receive", state, mode, outcome: "error", error: err, isOpenAfter: open }
              : { peer: name, t: sim.now, probe: false, step: i, call: "receive", state, mode, outcome: "error", error: err },
          );
          if (err !== "timeout") {
            state = "failed";
            probeDead(i, "failed");
          }
        }
        break;
      }
      case "close":
      case "reset": {
        if (!client || state === "closed" || state === "none") {
          log({ step: i, call: step.op, state, outcome: "skipped" });
          break;
        }
        const c = client;
        const before = state;
        const o = attempt(() => {
          if (step.op === "reset" && ctx.protocol === "tcp") resetClient(sim, c);
          c.close();
        });
        log({ step: i, call: step.op, state: before, ...o });
        state = "closed";
        probeDead(i, "closed");
        break;
      }
    }
  }
}

/** Aborts a TCP client's connection with a reset: the tool's side sees the connection reset. */
function resetClient(sim: Simulation, client: SocketClient): void {
  const conn = tcpConnOf(client);
  if (conn !== undefined) sim.faults.reset({ conn, from: "client" });
}
