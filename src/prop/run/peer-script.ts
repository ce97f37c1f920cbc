import type { ByteString } from "../../core/bytes.js";
import { isClientCore, tcpConnOf, type ClientCore, type PendingReceive } from "../../renoise/socket/client.js";
import { identityOf } from "../../renoise/socket/handle.js";
import { internalsOf, type ClientStart, type PendingConnect, type SocketApiInternals } from "../../renoise/socket/socket-api.js";
import type { LuaResult, SendResult, SocketClient } from "../../renoise/socket/types.js";
import type { Peer, PeerScript, Wait } from "../../sim/peer.js";
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

/** Where a {@link PeerPlayer} resumes when the simulation calls `next()`. */
const enum Resume {
  /** At the step `i` (its gap not yet waited). */
  Step,
  /** After the gap of step `i`. */
  AfterGap,
  /** At the end of the TCP handshake of step `i` (a connect). */
  Connected,
  /** When the receive of step `i` (a wait) can finish. */
  Received,
  /** Nothing left: every further `next()` is done. */
  Done,
}

const DONE: IteratorReturnResult<void> = Object.freeze({ value: undefined, done: true });

/**
 * Plays one peer's steps (run with `sim.spawn`): the script `playPeer` used
 * to be as a generator function, written as an iterator object. It makes the
 * same socket calls, waits and call records, in the same order.
 *
 * Why not a generator: V8 keeps a suspended generator's frame in an object
 * the scavenger could not collect young, so every simulation a peer script
 * ever touched was copied and promoted to the old generation and only freed
 * by a full collection (in one process, a `sim.spawn` script that slept once
 * and then connected promoted ~40 % of everything allocated, against ~1.5 %
 * for the same calls made from a plain iterator). The blocking calls are
 * made the way `peer.connect` and `peer.receive` make them (the tool host's
 * non-blocking `begin_client`, the client's `beginReceive`/`finishReceive`),
 * without their generators.
 */
class PeerPlayer implements PeerScript {
  private readonly proto: 1 | 2;
  private readonly plans: Map<number, number[]>;
  private readonly internals: SocketApiInternals;
  private client: SocketClient | undefined;
  private state: PeerSocketState = "none";
  /** The step being played, and where it resumes. */
  private i = 0;
  private resume = Resume.Step;
  /** A connect in progress: its handshake, and the state before it. */
  private pending: PendingConnect | undefined;
  private before: PeerSocketState = "none";
  /** A receive in progress: its client, the client's core and the receive. */
  private receiving: { c: SocketClient; core: ClientCore; r: PendingReceive } | undefined;

  constructor(
    private readonly ctx: PeerScriptContext,
    private readonly peer: Peer,
  ) {
    this.proto = ctx.protocol === "tcp" ? 1 : 2;
    this.plans = sendsByConnect(ctx.steps);
    this.internals = internalsOf(peer.Socket);
  }

  [Symbol.iterator](): this {
    return this;
  }

  return(): IteratorResult<Wait, void> {
    this.resume = Resume.Done;
    return DONE;
  }

  throw(e: unknown): IteratorResult<Wait, void> {
    this.resume = Resume.Done;
    throw e;
  }

  /** Plays on until the script waits (a gap, a handshake, a receive) or ends; an error ends it, as it ends a generator. */
  next(): IteratorResult<Wait, void> {
    try {
      const w = this.run();
      if (w !== undefined) return { value: w, done: false };
      this.resume = Resume.Done;
      return DONE;
    } catch (e) {
      this.resume = Resume.Done;
      throw e;
    }
  }

  /** The next wait, or undefined at the end of the script. */
  private run(): Wait | undefined {
    const { ctx } = this;
    const { sim } = ctx;
    for (; this.i < ctx.steps.length; this.i++, this.resume = Resume.Step) {
      const i = this.i;
      const step = ctx.steps[i]!;
      switch (this.resume) {
        case Resume.Done:
          return undefined;
        case Resume.Connected:
          this.finishConnect(i);
          continue;
        case Resume.Received: {
          const w = this.finishReceive(i, step as Extract<FuzzStep, { op: "wait" }>);
          if (w !== undefined) return w;
          continue;
        }
        case Resume.Step:
          if (step.gap > 0) {
            this.resume = Resume.AfterGap;
            const until = sim.now + step.gap;
            if (typeof step.gap === "number" && step.gap !== Infinity && until <= Number.MAX_SAFE_INTEGER) return { until, ready: never };
            // An odd gap: peer.sleep raises its usage error (or, for a gap it accepts, waits the same).
            const sleep = this.peer.sleep(step.gap).next();
            if (!sleep.done) return sleep.value;
          }
          break;
        case Resume.AfterGap:
          break;
      }
      // After the gap.
      if (sim.now > ctx.deadline) return undefined;
      const w = this.play(i, step);
      if (w !== undefined) return w;
    }
    return undefined;
  }

  private log(r: Omit<CallRecord, "peer" | "t" | "probe"> & { probe?: boolean }): void {
    this.ctx.calls.push({ peer: this.ctx.name, t: this.ctx.sim.now, probe: false, ...r });
  }

  /** Plays step `i` after its gap; returns a wait when the step blocks. */
  private play(i: number, step: FuzzStep): Wait | undefined {
    const { ctx } = this;
    const { sim, name, calls } = ctx;
    switch (step.op) {
      case "connect": {
        const before = this.state;
        let started: ClientStart;
        try {
          started = this.internals.begin_client(ctx.address, ctx.port, this.proto, ctx.connectTimeout);
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          this.log({ step: i, call: "create_client", state: before, outcome: "threw", error: err.message, errorName: err.name });
          return undefined;
        }
        if (started.done) {
          this.connected(i, before, started.done);
          return undefined;
        }
        const p = started.pending;
        this.pending = p;
        this.before = before;
        this.resume = Resume.Connected;
        return { until: p.deadline, ready: p.settled };
      }
      case "send": {
        const state = this.state;
        const client = this.client;
        if (state !== "open" || !client) {
          this.log({ step: i, call: "send", state, outcome: "skipped" });
          return undefined;
        }
        // The record is built in place (the hottest call of a scenario): the same fields, in the same order, as log() makes.
        let r: SendResult;
        try {
          r = client.send(step.data);
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          calls.push({ peer: name, t: sim.now, probe: false, step: i, call: "send", state, outcome: "threw", error: err.message, errorName: err.name });
          return undefined;
        }
        calls.push(
          r[0]
            ? { peer: name, t: sim.now, probe: false, step: i, call: "send", state, outcome: "ok" }
            : { peer: name, t: sim.now, probe: false, step: i, call: "send", state, outcome: "error", error: r[1] },
        );
        return undefined;
      }
      case "wait": {
        const state = this.state;
        const c = this.client;
        if (state !== "open" || !c) {
          this.log({ step: i, call: "receive", state, mode: step.mode, outcome: "skipped" });
          return undefined;
        }
        let result: LuaResult<ByteString>;
        try {
          // What peer.receive does: a receive that can finish now finishes, else it waits for data or its timeout.
          const core = identityOf(c);
          if (!isClientCore(core)) {
            result = c.receive(step.mode, step.ms);
          } else {
            const r = core.beginReceive(step.mode, step.ms);
            if (!core.ready(r.mode)) {
              this.receiving = { c, core, r };
              this.resume = Resume.Received;
              return { until: r.start + r.timeout, ready: () => core.ready(r.mode) };
            }
            result = core.finishReceive(r);
          }
        } catch (e) {
          const x = e instanceof Error ? e : new Error(String(e));
          this.log({ step: i, call: "receive", state, mode: step.mode, outcome: "threw", error: x.message, errorName: x.name });
          return undefined;
        }
        this.received(i, step, c, result);
        return undefined;
      }
      case "close":
      case "reset": {
        const state = this.state;
        if (!this.client || state === "closed" || state === "none") {
          this.log({ step: i, call: step.op, state, outcome: "skipped" });
          return undefined;
        }
        const c = this.client;
        const o = attempt(() => {
          if (step.op === "reset" && ctx.protocol === "tcp") resetClient(sim, c);
          c.close();
        });
        // Built in place (once per connection): the same fields, in the same order, as log() makes.
        calls.push(
          o.outcome === "threw"
            ? { peer: name, t: sim.now, probe: false, step: i, call: step.op, state, outcome: o.outcome, error: o.error, errorName: o.errorName }
            : { peer: name, t: sim.now, probe: false, step: i, call: step.op, state, outcome: o.outcome },
        );
        this.state = "closed";
        this.probeDead(i, "closed");
        return undefined;
      }
    }
  }

  /** The handshake of step `i` ended (or timed out): finish the connect. */
  private finishConnect(i: number): void {
    const p = this.pending!;
    const before = this.before;
    this.pending = undefined;
    let result: LuaResult<SocketClient>;
    try {
      result = p.finish();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      this.log({ step: i, call: "create_client", state: before, outcome: "threw", error: err.message, errorName: err.name });
      return;
    }
    this.connected(i, before, result);
  }

  private connected(i: number, before: PeerSocketState, [c, err]: LuaResult<SocketClient>): void {
    const { ctx } = this;
    if (c) {
      this.client = c;
      this.state = "open";
      // Built in place (once per connection): the same fields, in the same order, as log() makes.
      ctx.calls.push({ peer: ctx.name, t: ctx.sim.now, probe: false, step: i, call: "create_client", state: before, outcome: "ok" });
      const conn = ctx.protocol === "tcp" ? tcpConnOf(c) : undefined;
      if (conn !== undefined) {
        const plan = connectionCutPlan(ctx.cuts, this.plans.get(i) ?? [], conn);
        if (plan.splits || plan.merges) ctx.installCuts(plan);
      }
    } else {
      this.client = undefined;
      this.state = "none";
      this.log({ step: i, call: "create_client", state: before, outcome: "error", error: err });
    }
  }

  /** The receive of step `i` can finish (data, or its timeout): finish it. */
  private finishReceive(i: number, step: Extract<FuzzStep, { op: "wait" }>): undefined {
    const { c, core, r } = this.receiving!;
    this.receiving = undefined;
    let result: LuaResult<ByteString>;
    try {
      result = core.finishReceive(r);
    } catch (e) {
      const x = e instanceof Error ? e : new Error(String(e));
      this.log({ step: i, call: "receive", state: this.state, mode: step.mode, outcome: "threw", error: x.message, errorName: x.name });
      return undefined;
    }
    this.received(i, step, c, result);
    return undefined;
  }

  /** Records what the receive of step `i` returned. */
  private received(i: number, step: Extract<FuzzStep, { op: "wait" }>, c: SocketClient, [data, err]: LuaResult<ByteString>): void {
    const { ctx } = this;
    const { sim, name, calls } = ctx;
    const state = this.state;
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
        this.state = "failed";
        this.probeDead(i, "failed");
      }
    }
  }

  private probeDead(step: number, how: "closed" | "failed"): void {
    if (!this.ctx.probes || !this.client) return;
    const c = this.client;
    // The probes raise on purpose; their stack traces are never shown, and capturing them is most of a probe's cost.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      this.log({ step, call: "send", state: how, probe: true, ...attempt(() => c.send("probe")) });
      this.log({ step, call: "receive", state: how, probe: true, ...attempt(() => c.receive("*all", 0)) });
      if (how === "closed") {
        this.log({ step, call: "is_open", state: how, probe: true, ...attempt(() => c.is_open) });
        this.log({ step, call: "local_port", state: how, probe: true, ...attempt(() => c.local_port) });
        this.log({ step, call: "close", state: how, probe: true, ...attempt(() => c.close()) });
      } else {
        let open: boolean | undefined;
        const r = attempt(() => {
          open = c.is_open;
        });
        this.log({ step, call: "is_open", state: how, probe: true, ...r, ...(open !== undefined ? { isOpenAfter: open } : {}) });
      }
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** The script that plays one peer's steps (run with `sim.spawn`). */
export function playPeer(ctx: PeerScriptContext, peer: Peer): PeerScript {
  return new PeerPlayer(ctx, peer);
}

/** Aborts a TCP client's connection with a reset: the tool's side sees the connection reset. */
function resetClient(sim: Simulation, client: SocketClient): void {
  const conn = tcpConnOf(client);
  if (conn !== undefined) sim.faults.reset({ conn, from: "client" });
}
