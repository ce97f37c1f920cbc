import type { Trace } from "../core/trace.js";
import type { Rng } from "../core/rng.js";
import type { ScheduledEvent } from "../core/scheduler.js";
import type { FaultContext } from "../faults/context.js";
import type { BlockFrame } from "../net/gui-thread.js";
import type { Host } from "../net/host.js";
import type { Network } from "../net/network.js";
import type { OscApi } from "../renoise/osc/index.js";
import type { SocketApi } from "../renoise/socket/socket-api.js";
import type { Song } from "../renoise/song/song.js";
import type { SemanticsOptions, SimContext } from "./context.js";
import type { PeerHost } from "./peer.js";
import type { SimHost } from "./simulation.js";
import { plainInstances, type Mutable } from "../core/site-free.js";

// The records a simulation makes once and its parts keep. None is an object literal: V8 can decide that a literal's
// objects live long (a process that keeps many simulations) and from then on allocate that literal's objects in the
// old generation, where one of a finished simulation, holding on to the rest of it, keeps the whole simulation alive
// through young-generation collections (see core/site-free.ts). Those users read are plain objects made by
// constructors (`plainInstances`); the others are class instances.

/** A host added with `Simulation.addHost`: a plain object, as users read it (see `plainInstances`). */
export const SimHostRecord = plainInstances(function SimHostRecord(this: Mutable<SimHost>, name: string, address: string, Socket: SocketApi) {
  this.name = name;
  this.address = address;
  this.Socket = Socket;
});

/** What `sim.renoise` holds: the tool host's socket API, the OSC API and the song (a plain object, as above). */
export const RenoiseGlobalsRecord = plainInstances(function RenoiseGlobalsRecord(this: Mutable<RenoiseGlobals>, Socket: SocketApi, Osc: OscApi, song: () => Song) {
  this.Socket = Socket;
  this.Osc = Osc;
  this.song = song;
});

/** The type of `sim.renoise`. */
export interface RenoiseGlobals {
  readonly Socket: SocketApi;
  readonly Osc: OscApi;
  song(): Song;
}

/** The simulation as its sockets see it. */
export class SimContextRecord implements SimContext {
  constructor(
    readonly network: Network,
    readonly trace: Trace,
    readonly rng: Rng,
    readonly semantics: SemanticsOptions,
    readonly now: () => number,
    readonly block: (host: Host, frame: BlockFrame, deadline: number, done: () => boolean, settle?: boolean) => boolean,
    readonly assertActive: (call: string) => void,
    readonly callbackFailed: (host: Host, callback: string, error: unknown) => void,
  ) {}
}

/** The simulation as its faults and conditions see it. */
export class FaultContextRecord implements FaultContext {
  constructor(
    readonly network: Network,
    readonly trace: Trace,
    readonly toolHost: string,
    readonly now: () => number,
    readonly at: (time: number, fn: () => void) => () => void,
  ) {}
}

/** The simulation as its peer scripts see it. */
export class PeerHostRecord implements PeerHost {
  constructor(
    readonly now: () => number,
    readonly schedule: (delay: number, fn: () => void) => ScheduledEvent,
    readonly cancel: (ev: ScheduledEvent) => void,
    readonly work: () => void,
  ) {}
}
