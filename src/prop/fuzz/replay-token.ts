import { Buffer } from "node:buffer";
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type fc from "fast-check";
import type { ByteString } from "../../core/bytes.js";
import { payloads } from "../arbitraries/payloads.js";

/**
 * Everything needed to rerun one fuzz failure of a Lua tool exactly: what
 * `renoise-sim fuzz` prints after `renoise-sim replay`, and what a Lua
 * spec's `sim.fuzz_tool` prints. One format, so a token from either
 * replays with the other.
 */
export interface ReplayToken {
  /** The tool folder or script, relative to `cwd` (or absolute). */
  tool: string;
  /** The folder the campaign ran in (absolute), so that a token replays from any folder. */
  cwd?: string;
  port: number;
  protocol: "tcp" | "udp";
  /** What the peers sent: a key of {@link FUZZ_GRAMMARS}. */
  grammar: string;
  faults: string[];
  runs: number;
  seed: number;
  /** fast-check's path to the failing (shrunk) run. */
  path: string;
  /** `--max-gui-block`: the GUI-freeze budget in virtual ms, if any. */
  maxGuiBlock?: number;
  /** Where the peers ran (absent: their own hosts). */
  peersOn?: "peer-hosts" | "tool-host";
  /** Renoise's built-in OSC server ran beside the tool. */
  oscServer?: { protocol: "udp" | "tcp"; port: number };
}

/** What every replay token starts with (format version 1). */
export const REPLAY_TOKEN_PREFIX = "rs1.";

/** The payload grammars a campaign can name, by name. */
export const FUZZ_GRAMMARS: Readonly<Record<string, () => fc.Arbitrary<ByteString>>> = {
  lines: () => payloads.lines(),
  http: () => payloads.httpRequest(),
  osc: () => payloads.oscMessage(),
  bytes: () => payloads.bytes(),
};

/** Encodes a replay token: "rs1." + base64url(JSON). */
export function encodeReplayToken(t: ReplayToken): string {
  return REPLAY_TOKEN_PREFIX + Buffer.from(JSON.stringify(t), "utf8").toString("base64url");
}

/**
 * Reads a replay token: the token with defaults filled in, `"not-a-token"`
 * when it lacks the prefix, `"damaged"` when its body does not decode to a
 * token. Callers turn the two failures into their own usage errors.
 */
export function parseReplayToken(token: string): ReplayToken | "not-a-token" | "damaged" {
  if (!token.startsWith(REPLAY_TOKEN_PREFIX)) return "not-a-token";
  let t: Partial<ReplayToken>;
  try {
    t = JSON.parse(Buffer.from(token.slice(REPLAY_TOKEN_PREFIX.length), "base64url").toString("utf8")) as Partial<ReplayToken>;
  } catch {
    return "damaged";
  }
  if (typeof t !== "object" || t === null) return "damaged";
  if (typeof t.tool !== "string" || typeof t.port !== "number" || typeof t.seed !== "number" || typeof t.path !== "string") {
    return "damaged";
  }
  return {
    tool: t.tool,
    ...(typeof t.cwd === "string" ? { cwd: t.cwd } : {}),
    port: t.port,
    protocol: t.protocol === "udp" ? "udp" : "tcp",
    grammar: t.grammar ?? "bytes",
    faults: t.faults ?? ["split", "merge"],
    runs: t.runs ?? 100,
    seed: t.seed,
    path: t.path,
    ...(typeof t.maxGuiBlock === "number" ? { maxGuiBlock: t.maxGuiBlock } : {}),
    ...(t.peersOn === "tool-host" ? { peersOn: "tool-host" as const } : {}),
    ...(t.oscServer && typeof t.oscServer.port === "number"
      ? { oscServer: { protocol: t.oscServer.protocol === "tcp" ? ("tcp" as const) : ("udp" as const), port: t.oscServer.port } }
      : {}),
  };
}

/**
 * The tool a token names, as an absolute path: relative to the folder the
 * campaign ran in when that still holds it (replay from any folder), else
 * relative to `cwd` (a token from another machine, replayed from the same
 * checkout).
 */
export function replayTokenTool(t: ReplayToken, cwd: string): string {
  if (isAbsolute(t.tool)) return t.tool;
  if (t.cwd !== undefined) {
    const there = resolve(t.cwd, t.tool);
    if (existsSync(there)) return there;
  }
  return resolve(cwd, t.tool);
}
