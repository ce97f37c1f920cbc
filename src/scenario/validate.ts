import { buildSong } from "../renoise/song/fixture.js";
import type { Scenario } from "./types.js";

/** A scenario file that does not match the format; `path` points at the field. */
export class ScenarioError extends Error {
  override name = "ScenarioError";
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** sim.faults methods a scenario may call. */
export const FAULTS = ["partition", "heal", "hold", "blackhole", "crash", "reset", "closeByPeer", "halfOpen", "serverError", "cutStream"];
/** sim.conditions methods a scenario may call (prefixed "conditions."). */
export const CONDITIONS = ["latency", "bandwidth", "udp", "streamCut", "tcp"];

type Json = unknown;

function isObj(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function keys(path: string, v: Record<string, Json>, allowed: string[]): void {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) throw new ScenarioError(`${path}.${k}`, `unknown field; expected one of ${allowed.join(", ")}`);
  }
}

function num(path: string, v: Json, min = 0): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min) throw new ScenarioError(path, `expected a number >= ${min}, got ${JSON.stringify(v)}`);
  return v;
}

function str(path: string, v: Json): string {
  if (typeof v !== "string") throw new ScenarioError(path, `expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function opt<T>(path: string, v: Json, check: (p: string, x: Json) => T): T | undefined {
  return v === undefined ? undefined : check(path, v);
}

const STEP_KEYS = ["send", "sendHex", "wait", "receive", "close", "reset"];

function step(path: string, s: Json): void {
  if (!isObj(s)) throw new ScenarioError(path, "expected an object like {\"send\": \"...\"}");
  const actions = Object.keys(s).filter((k) => STEP_KEYS.includes(k));
  if (actions.length !== 1) throw new ScenarioError(path, `expected exactly one of ${STEP_KEYS.join(", ")}`);
  const a = actions[0]!;
  if (a === "send") str(`${path}.send`, s.send);
  if (a === "sendHex") {
    const h = str(`${path}.sendHex`, s.sendHex);
    if (!/^([0-9a-fA-F]{2})*$/.test(h.replace(/\s+/g, ""))) throw new ScenarioError(`${path}.sendHex`, "expected pairs of hex digits");
  }
  if (a === "wait") num(`${path}.wait`, s.wait);
  if (a === "receive") {
    const m = s.receive;
    if (!(m === "*line" || m === "*l" || m === "*all" || (typeof m === "number" && Number.isInteger(m) && m > 0))) {
      throw new ScenarioError(`${path}.receive`, 'expected "*line", "*all" or a byte count > 0');
    }
    opt(`${path}.timeout`, s.timeout, (p, x) => num(p, x));
    opt(`${path}.expect`, s.expect, str);
  }
  if ((a === "close" || a === "reset") && s[a] !== true) throw new ScenarioError(`${path}.${a}`, "expected true");
  keys(path, s, [a, ...(a === "receive" ? ["timeout", "expect"] : [])]);
}

/** Checks a parsed scenario; throws {@link ScenarioError} pointing at the first bad field. */
export function validateScenario(v: Json): Scenario {
  const p = "scenario";
  if (!isObj(v)) throw new ScenarioError(p, "expected a JSON object");
  keys(p, v, ["$schema", "seed", "until", "network", "hosts", "peers", "faults", "description", "tool", "song"]);
  if (v.song !== undefined) checkSong(`${p}.song`, v.song);
  opt(`${p}.description`, v.description, str);
  opt(`${p}.tool`, v.tool, str);
  opt(`${p}.seed`, v.seed, (q, x) => {
    if (!Number.isInteger(x)) throw new ScenarioError(q, "expected an integer");
    return x;
  });
  opt(`${p}.until`, v.until, (q, x) => num(q, x));
  if (v.network !== undefined) {
    if (!isObj(v.network)) throw new ScenarioError(`${p}.network`, "expected an object");
    keys(`${p}.network`, v.network, ["latency", "loopbackLatency"]);
    opt(`${p}.network.latency`, v.network.latency, (q, x) => num(q, x));
    opt(`${p}.network.loopbackLatency`, v.network.loopbackLatency, (q, x) => num(q, x));
  }
  if (v.hosts !== undefined) {
    if (!Array.isArray(v.hosts)) throw new ScenarioError(`${p}.hosts`, "expected an array");
    v.hosts.forEach((h: Json, i) => {
      const q = `${p}.hosts[${i}]`;
      if (!isObj(h)) throw new ScenarioError(q, "expected an object");
      keys(q, h, ["name", "address", "aliases", "responder"]);
      str(`${q}.name`, h.name);
      opt(`${q}.address`, h.address, str);
      if (h.aliases !== undefined) {
        if (!Array.isArray(h.aliases)) throw new ScenarioError(`${q}.aliases`, "expected an array of names");
        h.aliases.forEach((a: Json, j) => str(`${q}.aliases[${j}]`, a));
      }
      if (h.responder !== undefined) {
        const r = h.responder;
        const rq = `${q}.responder`;
        if (!isObj(r)) throw new ScenarioError(rq, "expected an object");
        if (r.kind === "http") keys(rq, r, ["kind", "port", "status", "body", "contentType"]);
        else if (r.kind === "echo") keys(rq, r, ["kind", "port", "protocol"]);
        else if (r.kind === "line-echo") keys(rq, r, ["kind", "port", "prefix"]);
        else throw new ScenarioError(`${rq}.kind`, 'expected "http", "echo" or "line-echo"');
        if (r.kind !== "http" || r.port !== undefined) num(`${rq}.port`, r.port, 1);
        if (r.protocol !== undefined && r.protocol !== "tcp" && r.protocol !== "udp") {
          throw new ScenarioError(`${rq}.protocol`, 'expected "tcp" or "udp"');
        }
      }
    });
  }
  if (v.peers !== undefined) {
    if (!Array.isArray(v.peers)) throw new ScenarioError(`${p}.peers`, "expected an array");
    v.peers.forEach((peer: Json, i) => {
      const q = `${p}.peers[${i}]`;
      if (!isObj(peer)) throw new ScenarioError(q, "expected an object");
      keys(q, peer, ["host", "connect", "protocol", "at", "timeout", "steps"]);
      str(`${q}.host`, peer.host);
      const c = str(`${q}.connect`, peer.connect);
      if (!/^[^:\s]+:\d+$/.test(c)) throw new ScenarioError(`${q}.connect`, 'expected "host:port"');
      if (peer.protocol !== undefined && peer.protocol !== "tcp" && peer.protocol !== "udp") {
        throw new ScenarioError(`${q}.protocol`, 'expected "tcp" or "udp"');
      }
      opt(`${q}.at`, peer.at, (r, x) => num(r, x));
      opt(`${q}.timeout`, peer.timeout, (r, x) => num(r, x, 1));
      if (peer.steps !== undefined) {
        if (!Array.isArray(peer.steps)) throw new ScenarioError(`${q}.steps`, "expected an array");
        peer.steps.forEach((s: Json, j) => step(`${q}.steps[${j}]`, s));
      }
    });
  }
  if (v.faults !== undefined) {
    if (!Array.isArray(v.faults)) throw new ScenarioError(`${p}.faults`, "expected an array");
    v.faults.forEach((f: Json, i) => {
      const q = `${p}.faults[${i}]`;
      if (!isObj(f)) throw new ScenarioError(q, "expected an object");
      keys(q, f, ["fault", "args", "at", "until"]);
      const name = str(`${q}.fault`, f.fault);
      const ok = FAULTS.includes(name) || (name.startsWith("conditions.") && CONDITIONS.includes(name.slice(11)));
      if (!ok) {
        throw new ScenarioError(
          `${q}.fault`,
          `unknown fault "${name}"; expected one of ${[...FAULTS, ...CONDITIONS.map((c) => `conditions.${c}`)].join(", ")}`,
        );
      }
      if (f.args !== undefined && !Array.isArray(f.args)) throw new ScenarioError(`${q}.args`, "expected an array");
      opt(`${q}.at`, f.at, (r, x) => num(r, x));
      opt(`${q}.until`, f.until, (r, x) => num(r, x));
    });
  }
  return v;
}

/** Parses and validates scenario JSON text. */
export function parseScenario(json: string): Scenario {
  let v: Json;
  try {
    v = JSON.parse(json);
  } catch (e) {
    throw new ScenarioError("scenario", `not valid JSON: ${(e as Error).message}`);
  }
  return validateScenario(v);
}

/** A song fixture is checked by building it (the model's own checks name the bad field). */
function checkSong(path: string, song: Json): void {
  if (!isObj(song)) throw new ScenarioError(path, "expected an object (a song fixture)");
  try {
    buildSong(song);
  } catch (e) {
    throw new ScenarioError(path, (e as Error).message.replace(/^song fixture: /, ""));
  }
}
