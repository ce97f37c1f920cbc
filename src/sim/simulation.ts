import { CallbackError, SimulationLimitError, SimulationUsageError } from "../core/errors.js";
import { Rng } from "../core/rng.js";
import { Trace, traceShape, type TraceEvent, type TraceOptions } from "../core/trace.js";
import { isIpv4 } from "../net/address.js";
import type { BlockFrame } from "../net/gui-thread.js";
import type { Host } from "../net/host.js";
import { Network } from "../net/network.js";
import { createSocketApi, type SocketApi } from "../renoise/socket/socket-api.js";
import type { SemanticsOptions, SimContext } from "./context.js";
import { VirtualTime, type FakeClock, type ToolTimer } from "./time.js";
import { formatTrace, type FormatOptions } from "../trace/format.js";
import { createOscApi } from "../renoise/osc/index.js";
import { makePeer, PeerRunner, type Peer, type PeerScript } from "./peer.js";
import { Faults } from "../faults/faults.js";
import { Conditions } from "../faults/conditions.js";
import { toJsonl } from "../trace/jsonl.js";
import { newSong, type Song } from "../renoise/song/song.js";
import { buildSong, type SongFixture } from "../renoise/song/fixture.js";
import { songContext } from "./song-context.js";
import { emptyArray } from "../core/site-free.js";
import { FaultContextRecord, PeerHostRecord, RenoiseGlobalsRecord, SimContextRecord, SimHostRecord, type RenoiseGlobals } from "./records.js";

/** Options of {@link createSimulation}. */
export interface SimulationOptions {
  /** Seed of every random choice (ephemeral ports, jitter, faults). Default 1. */
  seed?: number;
  /** Name of the host the tool runs on. Default "renoise". */
  hostName?: string;
  /** The tool host's LAN address. Default "192.168.1.10". */
  hostAddress?: string;
  /** One-way latency in ms between different hosts. Default 0. */
  latency?: number;
  /** One-way latency in ms on a host's loopback. Default 0. */
  loopbackLatency?: number;
  /**
   * Install the fake clock globally, so the code under test's own
   * `setTimeout`/`setInterval`/`Date` run on virtual time. Default false.
   * `dispose()` uninstalls it.
   */
  installClock?: boolean;
  /** Largest number of events one `advance`/`runUntilIdle`/blocking call may process. Default 1,000,000. */
  maxEvents?: number;
  /** Modelled choices (see docs/semantics.md). */
  semantics?: Partial<SemanticsOptions>;
  /** What the trace stores. */
  trace?: TraceOptions;
  /**
   * A name nobody registered (no host, alias or `registerName`): `"allow"`
   * (default) gives Renoise's "host not found" error string; `"error"` raises
   * a usage error from the call instead, so a test cannot pass while the
   * tool talks to a host the test forgot (like MSW's `onUnhandledRequest: "error"`).
   * Either way the name is listed in `sim.unknownNames`.
   */
  onUnknownName?: "allow" | "error";
  /** See {@link Simulation.guiBlockBudget}. */
  guiBlockBudget?: number;
  /** The song: a compact description (see docs/song.md); default: a new song as Renoise creates one. */
  song?: SongFixture;
  /** Record song changes and calls (`song.set`, `song.call`) in the trace. Default true. */
  traceSong?: boolean;
  /** `song.lines` events also show each changed line in pattern text. Default false. */
  tracePatternCells?: boolean;
}

/** The longest single GUI-thread block of a host (see {@link Simulation.guiBlocks}). */
export interface GuiBlock {
  /** The blocking call: `SocketClient:receive`, `renoise.Socket.create_client` or `server:wait()`. */
  call: string;
  /** Virtual ms the call blocked the host's GUI thread. */
  ms: number;
  /** Virtual time (ms) the call began. */
  at: number;
  /** `"file:line"` of the Lua call, when a Lua tool made it. */
  where?: string;
}

/** How long blocking calls froze one host's GUI thread (Renoise's UI freezes meanwhile). */
export interface GuiBlockReport {
  host: string;
  /** Virtual ms blocked in total (nested blocks counted once). */
  total: number;
  /** Number of blocking calls (outermost ones). */
  count: number;
  /** The longest single block, if any call blocked. */
  longest?: GuiBlock;
}

/** Options of {@link Simulation.addHost}. */
export interface HostOptions {
  /** IPv4 address; default: the next free 10.0.0.x. */
  address?: string;
  /** Extra DNS names that resolve to this host (its own name always does). */
  aliases?: string[];
}

/** A simulated host as seen by tests: its name, address and its own renoise.Socket API. */
export interface SimHost {
  readonly name: string;
  readonly address: string;
  /** A renoise.Socket API whose sockets live on this host. */
  readonly Socket: SocketApi;
}

/** A tool timer firing (and the idle observable's), recorded as a row (see Trace.row); `interval` and `late` only when they apply. */
const TIMER = traceShape("timer", ["timer", "interval", "late"]);

type Lifecycle = "active" | "disposed";

/**
 * One deterministic simulated world: a network of hosts on virtual time, a
 * trace of everything observable, and the renoise.Socket double of the tool
 * host. Create as many as you like; they share nothing.
 */
export class Simulation {
  /** The seed this simulation was created with. */
  readonly seed: number;
  readonly trace: Trace;
  readonly network: Network;
  /** `renoise`-shaped namespace of the tool host: `sim.renoise.Socket.create_server(...)`. */
  readonly renoise: RenoiseGlobals;
  /**
   * The song (`renoise.song()`): the same object Lua tools see. A song given
   * in the options is built with the simulation; the default new song is
   * built on first use (it is most of the cost of a simulation that never
   * touches it, such as a socket fuzz scenario).
   */
  get song(): Song {
    return (this.#song ??= this.attachSong(newSong()));
  }
  #song: Song | undefined;
  /** Whether song changes and calls are traced (`song.set`, `song.call`). */
  traceSong: boolean;
  /** Whether `song.lines` events show each changed line (see {@link SimulationOptions.tracePatternCells}). */
  tracePatternCells: boolean;
  /** The host the tool runs on. */
  readonly host: SimHost;
  /** Fault injection: partitions, holds, crashes, resets, stream cuts, custom rules (see docs/faults.md). */
  readonly faults: Faults;
  /** Network conditions: latency and jitter, bandwidth, UDP loss/duplication/reordering, stream cutting. */
  readonly conditions: Conditions;
  private readonly time: VirtualTime;
  private readonly rng: Rng;
  private readonly ctx: SimContext;
  private readonly maxEvents: number;
  private readonly semantics: SemanticsOptions;
  private readonly pendingErrors: CallbackError[] = emptyArray();
  private readonly simHosts = new Map<string, SimHost>();
  private state: Lifecycle = "active";
  private readonly callSites = new Map<string, () => string | undefined>();
  private readonly blockStats = new Map<string, GuiBlockReport>();
  /** The entry of {@link blockStats} written last. */
  private lastBlockStats: GuiBlockReport | undefined;
  /**
   * A GUI-freeze budget in virtual ms: a blocking call (receive, TCP
   * create_client, server:wait) that blocks a host's GUI thread longer than
   * this raises a {@link SimulationLimitError} from the call when it returns
   * (in a Lua tool: a Lua error at the call), so the scenario fails.
   * Undefined (default): no budget.
   */
  guiBlockBudget: number | undefined;
  private readonly peers: PeerRunner;
  /**
   * The innermost advance/runUntilIdle/blocking call counting its work (see
   * {@link work}): its name (undefined outside any), start time and steps so
   * far. Fields, saved and restored by each call, not an object per call (a
   * receive is one such call).
   */
  private budgetCall: string | undefined;
  private budgetStart = 0;
  private budgetSteps = 0;
  private readonly countWork = (): void => this.work();
  private nextAddress = 2;

  constructor(options: SimulationOptions = {}) {
    const seed = options.seed ?? 1;
    if (!Number.isSafeInteger(seed)) {
      throw new SimulationUsageError(
        `createSimulation: seed must be an integer between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${String(seed)}`,
      );
    }
    this.seed = seed;
    this.maxEvents = options.maxEvents ?? 1_000_000;
    this.semantics = {
      udpDummyCanSend: false,
      connectionWrappers: "fresh",
      unnamedSocket: "nil",
      onCallbackError: "throw",
      ...options.semantics,
    };
    this.rng = new Rng(seed);
    this.time = new VirtualTime(options.installClock ?? false);
    this.trace = new Trace(() => this.time.now, options.trace);
    this.network = new Network(this.time.scheduler, () => this.time.now, this.rng, this.trace);
    this.network.links.latency = options.latency ?? 0;
    this.network.links.loopbackLatency = options.loopbackLatency ?? 0;
    // Conditions and faults draw from their own stream, so switching one on leaves ports and the rest unchanged.
    this.network.links.rng = new Rng(Rng.derive(seed, 0x5eedfa17));
    const faultCtx = new FaultContextRecord(
      this.network,
      this.trace,
      options.hostName ?? "renoise",
      () => this.time.now,
      (time: number, fn: () => void) => {
        const ev = this.time.scheduler.schedule(Math.max(time, this.time.now), fn);
        return () => this.time.scheduler.cancel(ev);
      },
    );
    this.faults = new Faults(faultCtx);
    this.conditions = new Conditions(faultCtx);
    this.ctx = new SimContextRecord(
      this.network,
      this.trace,
      this.rng,
      this.semantics,
      () => this.time.now,
      (host, frame, deadline, done, settle) => this.block(host, frame, deadline, done, settle),
      (call) => this.assertActive(call),
      (host, callback, error) => this.callbackFailed(host, callback, error),
    );
    this.peers = new PeerRunner(
      new PeerHostRecord(
        () => this.time.now,
        (delay, fn) => this.time.scheduler.schedule(this.time.now + delay, fn),
        (ev) => this.time.scheduler.cancel(ev),
        this.countWork,
      ),
    );
    if (options.onUnknownName === "error") {
      this.network.dns.onUnknown = (name) => {
        throw new SimulationUsageError(
          `no host answers to the name "${name}" (createSimulation({ onUnknownName: "error" })): add it with sim.addHost("${name}") or sim.registerName("${name}", address), or allow unknown names to get Renoise's "host not found" error`,
        );
      };
    } else if (options.onUnknownName !== undefined && options.onUnknownName !== "allow") {
      throw new SimulationUsageError(`createSimulation: onUnknownName must be "allow" or "error", got ${String(options.onUnknownName)}`);
    }
    this.guiBlockBudget = options.guiBlockBudget;
    this.host = this.addHost(options.hostName ?? "renoise", { address: options.hostAddress ?? "192.168.1.10" });
    this.traceSong = options.traceSong ?? true;
    this.tracePatternCells = options.tracePatternCells ?? false;
    if (options.song) this.#song = this.attachSong(buildSong(options.song));
    this.renoise = new RenoiseGlobalsRecord(this.host.Socket, createOscApi(), () => this.song);
  }

  private attachSong(song: Song): Song {
    song.attach(songContext(this.trace, this.host.name, () => this.time.now, () => this.traceSong, () => this.tracePatternCells));
    return song;
  }

  /** Current virtual time in ms. */
  get now(): number {
    return this.time.now;
  }

  /** The @sinonjs/fake-timers clock the tool's timers run on. */
  get clock(): FakeClock {
    return this.time.clock;
  }

  /**
   * Arms a tool timer `ms` after virtual now, as `clock.setTimeout` would
   * (same id, due time and order), without making the fake clock until
   * someone reads {@link clock}. The fake clock lags behind `now` while a
   * late timer fires (it stands at the timer's due time), so the delay is
   * measured from `now`, not from the clock.
   *
   * @internal
   */
  toolTimeout(fn: () => void, ms: number): ToolTimer {
    return this.time.toolTimeout(fn, this.time.now + ms - this.time.clockNow);
  }

  /** Stops a timer of {@link toolTimeout} (nothing if it fired or was stopped). @internal */
  clearToolTimeout(timer: ToolTimer): void {
    this.time.clearToolTimeout(timer);
  }

  /**
   * All trace events so far, in order. Hot events are stored compactly and
   * made into these objects when `events` is read: an array kept from an
   * earlier read shows later events only after `sim.events` is read again
   * (it is the same array, grown).
   */
  get events(): readonly TraceEvent[] {
    return this.trace.events;
  }

  /** Every name the tool or a peer looked up that no host, alias or registered name provides, in order. */
  get unknownNames(): readonly string[] {
    return this.network.dns.unknown;
  }

  /** Adds a host; its name (and aliases) resolve to its address through the simulation's DNS. */
  addHost(name: string, options: HostOptions = {}): SimHost {
    this.assertActive("addHost");
    if (typeof name !== "string" || name === "") {
      throw new SimulationUsageError("addHost: name must be a non-empty string");
    }
    if (this.network.hosts.has(name)) throw new SimulationUsageError(`addHost: a host named "${name}" exists already`);
    const address = options.address ?? this.freeAddress();
    if (!isIpv4(address) || address.startsWith("127.") || address === "0.0.0.0") {
      throw new SimulationUsageError(`addHost: "${address}" is not a usable IPv4 host address`);
    }
    for (const h of this.network.hosts.values()) {
      if (h.address === address) throw new SimulationUsageError(`addHost: address ${address} belongs to host "${h.name}"`);
    }
    const host = this.network.addHost(name, address);
    this.network.dns.register(name, address);
    for (const alias of options.aliases ?? []) this.network.dns.register(alias, address);
    const simHost = new SimHostRecord(name, address, createSocketApi(this.ctx, host));
    this.simHosts.set(name, simHost);
    this.trace.record("host.add", name, { address });
    return simHost;
  }

  /** Looks up a host added with {@link addHost} (or the tool host). */
  getHost(name: string): SimHost {
    const h = this.simHosts.get(name);
    if (!h) throw new SimulationUsageError(`getHost: no host named "${name}"; add it with sim.addHost("${name}")`);
    return h;
  }

  /** Registers a DNS name for an address. */
  registerName(name: string, address: string): void {
    this.assertActive("registerName");
    this.network.dns.register(name, address);
  }

  private freeAddress(): string {
    for (;;) {
      const a = `10.0.0.${this.nextAddress++}`;
      let taken = false;
      for (const h of this.network.hosts.values()) if (h.address === a) taken = true;
      if (!taken) return a;
    }
  }

  // ------------------------------------------------------------------ driving

  /**
   * Runs `fn` after `delayMs` of virtual time, as an event of the network
   * (not a tool timer): use it to script peers on other hosts. `fn` may make
   * blocking calls on those hosts' sockets. Returns a function that cancels it.
   */
  schedule(delayMs: number, fn: () => void): () => void {
    this.assertActive("schedule");
    if (typeof delayMs !== "number" || !Number.isFinite(delayMs) || delayMs < 0) {
      throw new SimulationUsageError(`schedule: delayMs must be a finite number >= 0, got ${String(delayMs)}`);
    }
    if (typeof fn !== "function") throw new SimulationUsageError("schedule: fn must be a function");
    checkTime("schedule", this.time.now, delayMs);
    const ev = this.time.scheduler.schedule(this.time.now + delayMs, fn);
    return () => this.time.scheduler.cancel(ev);
  }

  /**
   * Starts a peer script on `host`: a generator function that uses
   * `yield* peer.connect(...)`, `yield* peer.receive(...)` and
   * `yield* peer.sleep(ms)` to wait in virtual time. Many peers can wait at
   * once and interleave exactly as their packets do. It starts at the next
   * step of virtual time.
   *
   * ```ts
   * sim.spawn("phone", function* (peer) {
   *   const [c] = yield* peer.connect("192.168.1.10", 8000);
   *   c!.send("hello\n");
   *   const [reply] = yield* peer.receive(c!, "*line", 500);
   * });
   * ```
   */
  spawn(host: string | SimHost, script: (peer: Peer) => PeerScript): void {
    this.assertActive("spawn");
    const h = typeof host === "string" ? this.getHost(host) : host;
    if (typeof script !== "function") throw new SimulationUsageError("spawn: script must be a generator function");
    const gen = script(makePeer(h.name, h.address, h.Socket, () => this.time.now));
    if (!gen || typeof (gen as { next?: unknown }).next !== "function") {
      throw new SimulationUsageError("spawn: script must be a generator function (function* (peer) { ... })");
    }
    this.peers.spawn(gen);
  }

  /** Like {@link schedule}, at an absolute virtual time (not before now). */
  at(time: number, fn: () => void): () => void {
    this.assertActive("at");
    if (typeof time === "number" && time > MAX_TIME) checkTime("at", 0, time);
    return this.schedule(Math.max(0, time - this.time.now), fn);
  }


  /**
   * Lets `ms` of virtual time pass: packets arrive, callbacks run on idle GUI
   * threads, the tool's timers fire, all in (time, sequence) order.
   */
  advance(ms: number): void {
    this.assertActive("advance");
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
      throw new SimulationUsageError(`advance: ms must be a finite number >= 0, got ${String(ms)}`);
    }
    checkTime("advance", this.time.now, ms);
    this.runTo(this.time.now + ms, "advance", false);
  }

  /**
   * Runs until the network is quiet: no packet in flight and no callback
   * that could run. Tool timers due before that moment fire; later ones (for
   * example an endless interval) do not. Returns the virtual time reached.
   */
  runUntilIdle(): number {
    this.assertActive("runUntilIdle");
    this.runTo(Infinity, "runUntilIdle", true);
    return this.time.now;
  }

  private runTo(target: number, call: string, untilQuiet: boolean): void {
    const outerCall = this.budgetCall;
    const outerStart = this.budgetStart;
    const outerSteps = this.budgetSteps;
    this.budgetCall = call;
    this.budgetStart = this.time.now;
    this.budgetSteps = 0;
    try {
      this.runLoop(target, untilQuiet);
    } finally {
      this.budgetCall = outerCall;
      this.budgetStart = outerStart;
      this.budgetSteps = outerSteps;
    }
    this.throwPending();
  }

  private runLoop(target: number, untilQuiet: boolean): void {
    this.drainAll();
    for (;;) {
      const tNet = this.time.scheduler.peekTime();
      if (untilQuiet && tNet === Infinity && !this.anyRunnable()) break;
      const tTimer = this.time.nextTimer();
      const t = Math.min(tNet, tTimer);
      if (t > target || (untilQuiet && tNet === Infinity)) break;
      this.work();
      if (tTimer <= tNet) {
        this.time.now = Math.max(this.time.now, tTimer);
        const timer = this.time.peekTimer()!;
        this.trace.row(TIMER, this.host.name, timer.id, timer.interval, this.time.now > timer.callAt ? this.time.now - timer.callAt : undefined);
        this.time.fireNextTimer();
      } else {
        this.time.now = tNet;
        this.time.syncClock(tNet);
        this.time.scheduler.pop()!.run();
      }
      this.drainAll();
    }
    if (target !== Infinity) {
      this.time.now = Math.max(this.time.now, target);
      this.time.syncClock(target);
    }
  }

  /**
   * How long blocking calls froze `host`'s GUI thread (default: the tool
   * host): total, count and the longest single block with its Lua file and
   * line. Nested blocks (a receive inside a callback run by `server:wait`)
   * count once, as part of the outer one.
   */
  guiBlocks(host: string = this.host.name): GuiBlockReport {
    const r = this.blockStats.get(host);
    return r ? { ...r, ...(r.longest ? { longest: { ...r.longest } } : {}) } : { host, total: 0, count: 0 };
  }

  /**
   * Names the code making blocking calls on `host` (a Lua tool passes the
   * caller's "file:line"); undefined removes it. For tool hosts, not tests.
   */
  setCallSite(host: string, where: (() => string | undefined) | undefined): void {
    if (where) this.callSites.set(host, where);
    else this.callSites.delete(host);
  }

  private block(host: Host, frame: BlockFrame, deadline: number, done: () => boolean, settle = false): boolean {
    if (host.gui.frames.length > 0) return this.blockFor(host, frame, deadline, done, settle);
    const start = this.time.now;
    const where = this.callSites.size === 0 ? undefined : this.callSites.get(host.name)?.();
    const ok = this.blockFor(host, frame, deadline, done, settle);
    const ms = this.time.now - start;
    // The host blocked last, again (a client's receives, one after another): no look-up by name.
    let stats = this.lastBlockStats;
    if (stats === undefined || stats.host !== host.name) {
      stats = this.blockStats.get(host.name);
      if (stats === undefined) this.blockStats.set(host.name, (stats = { host: host.name, total: 0, count: 0 }));
      this.lastBlockStats = stats;
    }
    stats.total += ms;
    stats.count++;
    // The block's record is made only when it is the longest so far (a receive is a hot path).
    if (!stats.longest || ms > stats.longest.ms) stats.longest = { call: blockName(frame), ms, at: start, ...(where !== undefined ? { where } : {}) };
    const budget = this.guiBlockBudget;
    if (budget !== undefined && ms > budget) {
      throw new SimulationLimitError(
        `renoise-sim: ${blockName(frame)}${where !== undefined ? ` at ${where}` : ""} blocked the GUI thread of "${host.name}" for ${ms} ms, ` +
          `over the budget of ${budget} ms (guiBlockBudget); Renoise's UI would freeze that long`,
      );
    }
    return ok;
  }

  private blockFor(host: Host, frame: BlockFrame, deadline: number, done: () => boolean, settle: boolean): boolean {
    const start = this.time.now;
    this.assertActive(blockName(frame));
    if (deadline !== Infinity) checkTime(blockName(frame), start, deadline - start);
    const outerCall = this.budgetCall;
    const outerStart = this.budgetStart;
    const outerSteps = this.budgetSteps;
    this.budgetCall = blockName(frame);
    this.budgetStart = start;
    this.budgetSteps = 0;
    host.gui.frames.push(frame);
    try {
      this.drainAll();
      let ok = done();
      while (!ok) {
        const tNet = this.time.scheduler.peekTime();
        if (tNet > deadline) break;
        this.work();
        this.time.now = tNet;
        this.time.syncClock(tNet);
        this.time.scheduler.pop()!.run();
        this.drainAll();
        ok = done();
      }
      if (ok && settle) {
        // Deliver what arrives at this same instant too ("whatever is queued now").
        while (this.time.scheduler.peekTime() === this.time.now) {
          this.work();
          this.time.scheduler.pop()!.run();
          this.drainAll();
        }
      }
      if (!ok && deadline !== Infinity) {
        this.time.now = Math.max(this.time.now, deadline);
        this.time.syncClock(this.time.now);
      }
      return ok;
    } finally {
      host.gui.frames.pop();
      this.budgetCall = outerCall;
      this.budgetStart = outerStart;
      this.budgetSteps = outerSteps;
    }
  }

  /**
   * Counts one unit of work of the current advance/runUntilIdle/blocking
   * call: a delivery or other network event, a timer, a notifier callback, a
   * peer script resuming. Zero-time loops do all their work at one instant,
   * so counting queued events alone would never stop them.
   */
  private work(): void {
    if (this.budgetCall !== undefined && ++this.budgetSteps > this.maxEvents) this.limit(this.budgetCall, this.budgetStart, this.budgetSteps);
  }

  /**
   * Runs every GUI thread's runnable callbacks, host by host in the order
   * hosts were added, then lets peer scripts move; again while they did.
   * Unless `Network.guiPending.all` says to visit every host, only threads
   * with something queued are visited: the same threads in the same order
   * as visiting every host, since an empty queue runs nothing (a callback
   * that queues work on an earlier host leaves it, as before, to the next
   * pass).
   */
  private drainAll(): void {
    const hosts = this.network.hostList;
    const pending = this.network.guiPending;
    let again = true;
    while (again) {
      if (pending.all) {
        for (let i = 0; i < hosts.length; i++) hosts[i]!.gui.drain(this.countWork);
      } else {
        // The lowest pending bit at index i or above, read again after each drain (a callback may queue work on a later host).
        for (let i = 0; ; i++) {
          const m = pending.mask & (-1 << i);
          if (m === 0) break;
          i = 31 - Math.clz32(m & -m);
          const gui = hosts[i]!.gui;
          gui.drain(this.countWork);
          if (gui.empty) pending.mask &= ~(1 << i);
        }
      }
      again = this.peers.poke();
    }
  }

  private anyRunnable(): boolean {
    const hosts = this.network.hostList;
    const pending = this.network.guiPending;
    for (let i = 0; i < hosts.length; i++) {
      if ((pending.all || (pending.mask & (1 << i)) !== 0) && hosts[i]!.gui.hasRunnable()) return true;
    }
    return false;
  }

  private limit(call: string, start: number, steps: number): never {
    throw new SimulationLimitError(
      `renoise-sim: ${call} aborted after ${steps - 1} events, from ${start} ms to ${this.time.now} ms of virtual time ` +
        `(events: deliveries, callbacks, timers and peer-script steps); a callback, timer or peer script probably ` +
        `keeps the simulation busy forever (at one instant, if the times are equal). If the run is legitimately this long, ` +
        `raise maxEvents in createSimulation().`,
    );
  }

  private callbackFailed(host: Host, callback: string, error: unknown): void {
    const msg = error instanceof Error ? error.message : String(error);
    this.trace.record("callback.error", host.name, { callback, error: msg });
    if (this.semantics.onCallbackError === "throw") {
      this.pendingErrors.push(
        new CallbackError(`renoise-sim: notifier callback ${callback} on host "${host.name}" threw: ${msg}`, callback, {
          cause: error,
        }),
      );
    }
  }

  private throwPending(): void {
    const e = this.pendingErrors.shift();
    this.pendingErrors.length = 0;
    if (e) throw e;
  }

  // ------------------------------------------------------------------ output

  /** The trace as compact text, one event a line; long payloads are shortened (see {@link FormatOptions}). */
  formatTrace(options?: FormatOptions): string {
    return formatTrace(this.trace.events, options);
  }

  /** The trace as JSON Lines. */
  traceJsonl(): string {
    return toJsonl(this.trace.events);
  }

  /** Number of packets in flight plus callbacks waiting on GUI threads. */
  pendingWork(): { events: number; callbacks: number; timers: number } {
    let callbacks = 0;
    for (const h of this.network.hosts.values()) callbacks += h.gui.pending;
    return { events: this.time.scheduler.size, callbacks, timers: this.time.timerCount() };
  }

  /** Releases the fake clock (uninstalling it if it was installed globally). Idempotent. */
  dispose(): void {
    if (this.state === "disposed") return;
    this.state = "disposed";
    this.time.dispose();
  }

  private assertActive(call: string): void {
    if (this.state !== "active") {
      throw new SimulationUsageError(`${call}: this simulation is disposed; create a new one with createSimulation()`);
    }
  }
}

/** The latest virtual time (ms) that is still an exact integer: Number.MAX_SAFE_INTEGER. */
export const MAX_TIME = Number.MAX_SAFE_INTEGER;

/** Refuses a wait of `ms` from `now` that would move virtual time past {@link MAX_TIME}. */
export function checkTime(call: string, now: number, ms: number): void {
  if (now + ms > MAX_TIME) {
    throw new SimulationUsageError(
      `${call}: ${String(ms)} ms from ${now} ms would move virtual time past ${MAX_TIME} ms, ` +
        `the largest exact virtual time; use a timeout of at most ${MAX_TIME - now} ms`,
    );
  }
}

function blockName(frame: BlockFrame): string {
  return frame.kind === "wait" ? "server:wait()" : frame.call;
}

/** Creates an independent simulation. Same seed and same scenario give a byte-identical trace. */
export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new Simulation(options);
}
