import type { SongFixture } from "../renoise/song/fixture.js";

/**
 * A scenario: hosts, scripted peers, built-in responders and faults to play
 * against a tool, as plain JSON (see docs/scenarios.md and
 * docs/scenario.schema.json).
 */
export interface Scenario {
  /** What the scenario is about (shown by the CLI). */
  description?: string;
  /** The tool to run it against (folder or .lua), relative to the scenario file; used by `renoise-sim replay`. */
  tool?: string;
  /** Seed of the simulation. Default 1. */
  seed?: number;
  /** Run until this virtual time (ms). Default: until the network is quiet. */
  until?: number;
  network?: { latency?: number; loopbackLatency?: number };
  /** Modelled choices of the double (docs/semantics.md), e.g. `{ "udpDummyCanSend": true }`. */
  /** Renoise's built-in OSC server (docs/builtin-osc.md); off when absent. */
  oscServer?: { protocol?: "udp" | "tcp"; port?: number; actions?: string };
  semantics?: { udpDummyCanSend?: boolean; connectionWrappers?: "fresh" | "stable"; unnamedSocket?: "nil" | "wrapper"; onCallbackError?: "throw" | "record" };
  /** Values the user saved earlier: set into `renoise.tool().preferences` when the tool assigns it. */
  preferences?: Record<string, boolean | number | string>;
  /** Menu entries and keybindings of the tool to invoke at virtual times. */
  invoke?: ScenarioInvoke[];
  hosts?: ScenarioHost[];
  peers?: ScenarioPeer[];
  faults?: ScenarioFault[];
  /** The song the tool sees (renoise.song()); default: a new song. */
  song?: SongFixture;
}

/** Invokes a menu entry (or a keybinding) of the tool at `at` (default 0) ms. */
export type ScenarioInvoke = { menu: string; at?: number } | { keybinding: string; at?: number };

/** A host; with `responder`, it runs a built-in server. */
export interface ScenarioHost {
  name: string;
  address?: string;
  aliases?: string[];
  responder?: Responder;
}

/** Built-in servers for hosts a tool talks to. */
export type Responder =
  | { kind: "http"; port?: number; status?: number; body?: string; contentType?: string }
  | { kind: "echo"; port: number; protocol?: "tcp" | "udp" }
  | { kind: "line-echo"; port: number; prefix?: string };

/** A scripted peer: it connects (or opens a UDP socket) and plays its steps. */
export interface ScenarioPeer {
  /**
   * The host the peer runs on (added if missing). The tool's own host
   * ("renoise") runs the peer beside the tool: connect to "127.0.0.1:<port>"
   * or "localhost:<port>" to reach a tool that binds localhost.
   */
  host: string;
  /** "host:port" to connect to; the tool host is "renoise" (or its address). */
  connect: string;
  protocol?: "tcp" | "udp";
  /** Virtual time (ms) at which the peer starts. Default 0. */
  at?: number;
  /** Connect timeout (ms). Default 1000. */
  timeout?: number;
  steps?: PeerStep[];
}

/** One step of a peer. Exactly one action key per step. */
export type PeerStep =
  | { send: string }
  | { sendHex: string }
  | { wait: number }
  | { receive: "*line" | "*l" | "*all" | number; timeout?: number; expect?: string }
  | { close: true }
  | { reset: true };

/** A fault or condition switched on at `at` (default 0) and off at `until` (default never). */
export interface ScenarioFault {
  /** A method of sim.faults (e.g. "partition") or sim.conditions (e.g. "conditions.latency"). */
  fault: string;
  args?: unknown[];
  at?: number;
  until?: number;
}
