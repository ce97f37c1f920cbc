import type { ByteString } from "../../core/bytes.js";
import { SimulationUsageError } from "../../core/errors.js";
import type { TraceEvent } from "../../core/trace.js";
import type { SocketApi } from "../../renoise/socket/socket-api.js";
import type { Song } from "../../renoise/song/song.js";
import type { SemanticsOptions } from "../../sim/context.js";
import { createSimulation, type Simulation } from "../../sim/simulation.js";
import type { StreamCutPlan } from "../../net/stream-cut.js";
import { peerCuts } from "../cut-plan.js";
import { isFaulted, peerName, type FuzzScenario, type FuzzProtocol } from "../scenario.js";
import { applyFaults } from "./apply-faults.js";
import type { CallRecord } from "./calls.js";
import { checkedEvents } from "./checked-events.js";
import { playPeer } from "./peer-script.js";
import type { PeersOn } from "../fuzz/coverage.js";

/** What the tool's start function gets: the simulation and where peers will connect. */
export interface ToolContext {
  readonly sim: Simulation;
  /** The tool host's `renoise.Socket`. */
  readonly Socket: SocketApi;
  readonly protocol: FuzzProtocol;
  /** The port peers connect to; the tool must serve on it. */
  readonly port: number;
}

/** Options of {@link runScenario}. */
export interface RunScenarioOptions<T> {
  /** Starts the tool on the tool host (creates and runs its server); its result is {@link FuzzScenarioRun.tool}. */
  start: (ctx: ToolContext) => T;
  /** Port peers connect to. Default 8000. */
  port?: number;
  /** One-way latency between hosts in virtual ms. Default 1. */
  latency?: number;
  /**
   * Where the peers run: "peer-hosts" (default) puts each on its own host
   * (peer1, peer2, ...) sending to the tool host's address; "tool-host" runs
   * them on the tool's own host, sending to 127.0.0.1 over loopback (for
   * tools that bind "localhost"). Partitions do not apply on one host.
   */
  peersOn?: PeersOn;
  /** Modelled choices of the double (R18, R25, ...). `onCallbackError` is always "record". */
  semantics?: Partial<Omit<SemanticsOptions, "onCallbackError">>;
  /** Virtual ms the run lasts; steps that would start later are not run. Default 10,000. */
  timeBudget?: number;
  /** Connect timeout peers use. Default 1000. */
  connectTimeout?: number;
  /** After each close and failed receive, make calls that must raise (R10, R13, R14). Default true. */
  probes?: boolean;
  /** Event limit of the simulation. Default 200,000. */
  maxEvents?: number;
  /**
   * What to do when the run aborts (a `SimulationLimitError` from a tool that
   * floods itself, or another error while time runs): "throw" (default), or
   * "record" it as {@link FuzzScenarioRun.aborted} and return the run so far.
   */
  onAbort?: "throw" | "record";
}

/** Everything observable about one scenario run. */
export interface FuzzScenarioRun<T> {
  readonly scenario: FuzzScenario;
  readonly sim: Simulation;
  /** What `start` returned (for example the notifier, to check its state). */
  readonly tool: T;
  readonly events: readonly TraceEvent[];
  /** Every socket call the peers made. */
  readonly calls: readonly CallRecord[];
  /** Bytes each peer received while waiting (index = peer index). */
  readonly received: readonly ByteString[];
  /** Host names of the peers (index = peer index). */
  readonly peers: readonly string[];
  /** Errors notifier callbacks raised (from the trace's `callback.error` events). */
  readonly callbackErrors: readonly { callback: string; message: string }[];
  /** True when faults other than stream cuts were injected (invariants about lossless delivery do not apply). */
  readonly faulted: boolean;
  /** True unless the run aborted: it was left to settle before it ended. */
  readonly settled: boolean;
  /** The error that aborted the run (only with `onAbort: "record"`). */
  readonly aborted?: unknown;
  /** The song at the end of the run (`sim.song`; built when first read). */
  readonly song: Song;
}

/**
 * The getters of a run's `events` and `song`, shared by every run: they read
 * `this.sim`. An object literal's `get events() { return sim.events }` makes
 * a getter closure per run, and V8 then gives every run object a hidden class
 * of its own in the old generation that holds that closure, and through it the
 * whole simulation: every scenario's simulation outlived the young-generation
 * collections, was copied and promoted, and was freed only by a full
 * collection (in one process: a third of all a fuzz run allocated was
 * promoted; with shared getters, ~2 %).
 */
const EVENTS_GETTER: PropertyDescriptor = {
  get(this: { readonly sim: Simulation }): readonly TraceEvent[] {
    return this.sim.events;
  },
  enumerable: true,
  configurable: true,
};
const SONG_GETTER: PropertyDescriptor = {
  get(this: { readonly sim: Simulation }): Song {
    return this.sim.song;
  },
  enumerable: true,
  configurable: true,
};

type Run = FuzzScenarioRun<unknown>;

/**
 * Adds a run's fields after `sim` (and `tool`, if `run` has it) in their key
 * order: events, calls, received, peers, callbackErrors, faulted, song,
 * settled, then aborted if the run aborted. `events` and `song` are the
 * shared getters above (the trace is made, and the song built, only if
 * someone reads them), each added where the next key goes: adding a getter as
 * a new key costs less than half of turning a placeholder field into one
 * (which reconfigures the object's hidden class), and a run is made every scenario.
 */
export function addRunFields(
  run: Record<string, unknown>,
  calls: Run["calls"],
  received: Run["received"],
  peers: Run["peers"],
  callbackErrors: Run["callbackErrors"],
  faulted: boolean,
  aborted: unknown,
): void {
  Object.defineProperty(run, "events", EVENTS_GETTER);
  run.calls = calls;
  run.received = received;
  run.peers = peers;
  run.callbackErrors = callbackErrors;
  run.faulted = faulted;
  Object.defineProperty(run, "song", SONG_GETTER);
  run.settled = aborted === undefined;
  if (aborted !== undefined) run.aborted = aborted;
}

/**
 * Runs a scenario: creates a simulation with the scenario's seed, starts the
 * tool, adds one host per peer, installs the scenario's faults, and plays
 * each peer's script with `sim.spawn` (stream cuts go through
 * `sim.faults.cutStream`), then lets in-flight packets and callbacks settle.
 */
export function runScenario<T>(scenario: FuzzScenario, options: RunScenarioOptions<T>): FuzzScenarioRun<T> {
  if (typeof options?.start !== "function") {
    throw new SimulationUsageError("runScenario: options.start must be a function that starts the tool");
  }
  const sim = scenarioSimulation(scenario, options);
  const tool = options.start({ sim, Socket: sim.renoise.Socket, protocol: scenario.protocol, port: options.port ?? 8000 });
  return playScenarioOn(sim, scenario, options, tool);
}

/** The simulation {@link runScenario} plays a scenario in (seeded by the scenario). */
export function scenarioSimulation(scenario: FuzzScenario, options: Omit<RunScenarioOptions<unknown>, "start">): Simulation {
  return createSimulation({
    seed: scenario.seed,
    latency: options.latency ?? 1,
    maxEvents: options.maxEvents ?? 200_000,
    trace: { payloadLimit: Infinity },
    semantics: { ...options.semantics, onCallbackError: "record" },
  });
}

/**
 * The second half of {@link runScenario}: plays the scenario's peers and
 * faults against a tool already started in `sim` (for tools that start
 * asynchronously, such as Lua tools, which need a fresh VM).
 */
export function playScenarioOn<T>(
  sim: Simulation,
  scenario: FuzzScenario,
  options: Omit<RunScenarioOptions<T>, "start">,
  tool: T,
): FuzzScenarioRun<T> {
  const port = options.port ?? 8000;
  const budget = options.timeBudget ?? 10_000;
  const calls: CallRecord[] = [];
  const received: ByteString[] = scenario.peers.map(() => "");
  const onTool = options.peersOn === "tool-host";
  const peers = scenario.peers.map((_, i) => (onTool ? sim.host.name : peerName(i)));
  const hosts = onTool ? peers.map(() => sim.host) : peers.map((name) => sim.addHost(name));
  // One host cannot be partitioned from itself: partitions do not apply to peers on the tool host.
  const faults = onTool ? (scenario.faults ?? []).filter((f) => f.kind !== "partition") : (scenario.faults ?? []);
  applyFaults(sim, faults, peers, { port, protocol: scenario.protocol });
  scenario.peers.forEach((p, i) => {
    const host = hosts[i]!;
    const ctx = {
      sim,
      name: onTool ? `${peerName(i)}@${host.name}` : host.name,
      steps: p.steps,
      protocol: scenario.protocol,
      address: onTool ? "127.0.0.1" : sim.host.address,
      port,
      connectTimeout: options.connectTimeout ?? 1000,
      cuts: peerCuts(scenario, i),
      installCuts: (plan: StreamCutPlan) => void sim.faults.cutStream(plan),
      probes: options.probes ?? true,
      deadline: budget,
      calls,
      onReceive: (data: ByteString) => {
        received[i] += data;
      },
    };
    sim.spawn(host, (peer) => playPeer(ctx, peer));
  });
  let aborted: unknown;
  try {
    sim.advance(budget);
    sim.runUntilIdle();
  } catch (e) {
    if (options.onAbort !== "record") throw e;
    aborted = e;
  }
  // Read from the checked kinds: the whole trace is made only if someone reads `events`.
  const callbackErrors: { callback: string; message: string }[] = [];
  for (const e of checkedEvents(sim)) {
    if (e.kind === "callback.error") callbackErrors.push({ callback: String(e.callback), message: String(e.error) });
  }
  const faulted = isFaulted(scenario);
  const run: Record<string, unknown> = { scenario, sim, tool };
  addRunFields(run, calls, received, peers, callbackErrors, faulted, aborted);
  return run as unknown as FuzzScenarioRun<T>;
}
