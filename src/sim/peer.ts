import type { ByteString } from "../core/bytes.js";
import type { ScheduledEvent } from "../core/scheduler.js";
import { SimulationUsageError } from "../core/errors.js";
import { isClientCore } from "../renoise/socket/client.js";
import { identityOf } from "../renoise/socket/handle.js";
import { internalsOf, type SocketApi } from "../renoise/socket/socket-api.js";
import type { LuaResult, Protocol, ReceiveMode, SocketClient } from "../renoise/socket/types.js";
import { emptyArray, plainInstances, type Mutable } from "../core/site-free.js";

/** What a peer script yields: resume when `ready()` holds, or at virtual time `until`. */
export interface Wait {
  readonly until: number;
  readonly ready: () => boolean;
}

/** A peer script: a generator that yields {@link Wait}s (use `yield*` on the {@link Peer} operations). */
export type PeerScript = Generator<Wait, void, void>;

/**
 * What a peer script works with: its host's renoise.Socket API for
 * everything that does not block (send, close, servers, UDP clients), and
 * `yield*`-able versions of the calls that block, so that many peers can wait
 * at once and interleave in virtual time — unlike blocking calls, which in
 * one JavaScript thread can only nest.
 */
export interface Peer {
  readonly name: string;
  readonly address: string;
  readonly Socket: SocketApi;
  /** `yield* peer.connect(...)`: create_client that waits in virtual time instead of blocking. */
  connect(address: string, port: number, protocol?: Protocol, timeout_ms?: number): Generator<Wait, LuaResult<SocketClient>, void>;
  /** `yield* peer.receive(client, mode, timeout)`: receive that waits in virtual time instead of blocking. */
  receive(client: SocketClient, mode: ReceiveMode, timeout_ms: number): Generator<Wait, LuaResult<ByteString>, void>;
  /** `yield* peer.sleep(ms)`: lets `ms` of virtual time pass. */
  sleep(ms: number): Generator<Wait, void, void>;
}

/** What the simulation gives the peer runner. */
export interface PeerHost {
  now(): number;
  /** Runs `fn` as a network event after `delay` ms; returns the event, for {@link cancel}. */
  schedule(delay: number, fn: () => void): ScheduledEvent;
  /** Cancels an event from {@link schedule} (nothing if it ran or was cancelled). */
  cancel(ev: ScheduledEvent): void;
  /** Counts one unit of work (one resumption of a script); throws when the run is over its limit. */
  work(): void;
}

/** One running peer script. */
class Runner {
  waiting: Wait | undefined;
  finished = false;
  /** The event that resumes the script (at its wait's time, or after it went over the work limit). */
  private wake: ScheduledEvent | undefined;
  /** The wait {@link wake} ends (it resumes the script only if it still waits for that). */
  private wakeFor: Wait | undefined;
  /** What {@link wake} runs: made once per script, not once per wait. */
  private readonly onWake = (): void => {
    this.wake = undefined;
    if (this.waiting === this.wakeFor) this.step();
  };
  private readonly onRetry = (): void => {
    this.wake = undefined;
    this.step();
  };

  constructor(
    private readonly gen: PeerScript,
    private readonly host: PeerHost,
    /** The scripts waiting, in the order they started to wait (this one is in it exactly while `waiting` is set). */
    private readonly waiters: Runner[],
  ) {}

  /** Resumes the script until it waits for something not ready yet, or ends. */
  step(): void {
    if (this.finished) return;
    if (this.waiting !== undefined) removeFrom(this.waiters, this);
    this.waiting = undefined;
    if (this.wake !== undefined) {
      this.host.cancel(this.wake);
      this.wake = undefined;
    }
    for (;;) {
      try {
        this.host.work();
      } catch (e) {
        // Over the limit: the script stays where it is and resumes at the next step of the simulation.
        this.wake = this.host.schedule(0, this.onRetry);
        throw e;
      }
      const r = this.gen.next();
      if (r.done) {
        this.finished = true;
        return;
      }
      const w = r.value;
      if (!w || typeof w.ready !== "function" || typeof w.until !== "number") {
        throw new SimulationUsageError(
          "sim.spawn: a peer script yielded something that is not a Wait; use yield* peer.connect/receive/sleep",
        );
      }
      if (w.ready() || w.until <= this.host.now()) continue;
      this.waiting = w;
      this.waiters.push(this);
      if (w.until !== Infinity) {
        this.wakeFor = w;
        this.wake = this.host.schedule(w.until - this.host.now(), this.onWake);
      }
      return;
    }
  }

  /** Resumes if what it waits for is ready. */
  poke(): boolean {
    if (this.waiting && this.waiting.ready()) {
      this.step();
      return true;
    }
    return false;
  }
}

/** Runs peer scripts of one simulation. */
export class PeerRunner {
  /**
   * Scripts waiting for something, in the order they started to wait. An
   * array, not a Set: a Set that empties reallocates its table, and the
   * waiters empty and fill again at every step of a script.
   */
  private readonly waiters: Runner[] = emptyArray();
  /** The copy of the waiters {@link poke} goes through (reused; a nested poke takes a fresh array). */
  private scratch: Runner[] | undefined = emptyArray();

  constructor(private readonly host: PeerHost) {}

  spawn(gen: PeerScript): void {
    const r = new Runner(gen, this.host, this.waiters);
    this.host.schedule(0, () => r.step());

  }

  /** Resumes every waiting script whose condition now holds. Returns true if any resumed. */
  poke(): boolean {
    const waiters = this.waiters;
    const n = waiters.length;
    if (n === 0) return false;
    // A copy: resuming a script takes it out of the waiters and may put it (or another) back.
    // Entries past `n` are stale runners of this simulation; they are never read.
    const list = this.scratch ?? emptyArray<Runner>();
    this.scratch = undefined;
    for (let i = 0; i < n; i++) list[i] = waiters[i]!;
    let any = false;
    try {
      for (let i = 0; i < n; i++) if (list[i]!.poke()) any = true;
    } finally {
      this.scratch = list;
    }
    return any;
  }
}

/** Removes `r` from `list`, keeping the order of the others. */
function removeFrom(list: Runner[], r: Runner): void {
  const i = list.indexOf(r);
  if (i < 0) return;
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j]!;
  list.pop();
}

/** The condition of a sleep: only its time ends it. */
const never = (): boolean => false;

/**
 * Builds the {@link Peer} API of one host: a plain object made without a
 * literal (see core/site-free.ts), since its operations are closures over
 * the host's socket internals and so hold on to the whole simulation. Its
 * keys in the order the literal had them.
 */
export function makePeer(name: string, address: string, Socket: SocketApi, now: () => number): Peer {
  const internals = internalsOf(Socket);
  const connect: Peer["connect"] = function* connect(addr, port, protocol, timeout_ms) {
    const started = internals.begin_client(addr, port, protocol, timeout_ms);
    if (started.done) return started.done;
    const p = started.pending;
    yield new WaitFor(p.deadline, p.settled);
    return p.finish();
  };
  const receive: Peer["receive"] = function* receive(client, mode, timeout_ms) {
    const core = identityOf(client);
    if (!isClientCore(core)) {
      // Not a create_client socket: let the real call raise its logic error.
      return client.receive(mode, timeout_ms);
    }
    const r = core.beginReceive(mode, timeout_ms);
    if (!core.ready(r.mode)) {
      yield new WaitFor(r.start + r.timeout, () => core.ready(r.mode));
    }
    return core.finishReceive(r);
  };
  const sleep: Peer["sleep"] = function* sleep(ms) {
    if (typeof ms !== "number" || !(ms >= 0) || ms === Infinity) {
      throw new SimulationUsageError(`peer.sleep: ms must be a finite number >= 0, got ${String(ms)}`);
    }
    if (now() + ms > Number.MAX_SAFE_INTEGER) {
      throw new SimulationUsageError(
        `peer.sleep: ${ms} ms from ${now()} ms would move virtual time past ${Number.MAX_SAFE_INTEGER} ms, the largest exact virtual time`,
      );
    }
    const until = now() + ms;
    yield new WaitFor(until, never);
  };
  return new PeerObject(name, address, Socket, connect, receive, sleep);
}

/** What {@link makePeer} makes (see `plainInstances`). */
const PeerObject = plainInstances(function PeerObject(
  this: Mutable<Peer>,
  name: string,
  address: string,
  Socket: SocketApi,
  connect: Peer["connect"],
  receive: Peer["receive"],
  sleep: Peer["sleep"],
) {
  this.name = name;
  this.address = address;
  this.Socket = Socket;
  this.connect = connect;
  this.receive = receive;
  this.sleep = sleep;
});

/** A {@link Wait} of a peer operation; its condition may hold on to a socket (a class instance for the same reason). */
class WaitFor implements Wait {
  constructor(
    readonly until: number,
    readonly ready: () => boolean,
  ) {}
}
