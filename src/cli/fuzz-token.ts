import { Buffer } from "node:buffer";
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { UsageError } from "./args.js";
import type { Term } from "./term.js";

/** Everything needed to rerun one fuzz failure exactly. */
export interface FuzzToken {
  /** The tool as given on the command line (relative to `cwd`, or absolute). */
  tool: string;
  /** The folder the campaign ran in (absolute), so that a token replays from any folder. */
  cwd?: string;
  port: number;
  protocol: "tcp" | "udp";
  grammar: string;
  faults: string[];
  runs: number;
  seed: number;
  path: string;
  /** `--max-gui-block`: the GUI-freeze budget in virtual ms, if any. */
  maxGuiBlock?: number;
  /** Where the peers ran (absent: their own hosts). */
  peersOn?: "peer-hosts" | "tool-host";
  /** `--osc-server`: Renoise's built-in OSC server ran beside the tool. */
  oscServer?: { protocol: "udp" | "tcp"; port: number };
}

const PREFIX = "rs1.";

/** Encodes a replay token: "rs1." + base64url(JSON). */
export function encodeToken(t: FuzzToken): string {
  return PREFIX + Buffer.from(JSON.stringify(t), "utf8").toString("base64url");
}

/** Decodes a replay token, or throws a usage error saying what is wrong with it. */
export function decodeToken(token: string): FuzzToken {
  if (!token.startsWith(PREFIX)) throw new UsageError(`replay: "${token}" is not a renoise-sim replay token (they start with ${PREFIX})`);
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(token.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    throw new UsageError("replay: the token is damaged (copy it whole from the fuzz report)");
  }
  const t = v as Partial<FuzzToken>;
  if (typeof t.tool !== "string" || typeof t.port !== "number" || typeof t.seed !== "number" || typeof t.path !== "string") {
    throw new UsageError("replay: the token is damaged (copy it whole from the fuzz report)");
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
 * relative to the current folder (a token from another machine, replayed
 * from the same checkout).
 */
export function tokenTool(t: FuzzToken): string {
  if (isAbsolute(t.tool)) return t.tool;
  if (t.cwd !== undefined) {
    const there = resolve(t.cwd, t.tool);
    if (existsSync(there)) return there;
  }
  return resolve(t.tool);
}

/** Reruns the failure a token names and prints it like the fuzz run did. */
export async function replayToken(token: string, term: Term, out: { trace?: string; diagram?: string }): Promise<number> {
  const { fuzzWith } = await import("./cmd-fuzz.js");
  const t = decodeToken(token);
  return fuzzWith(t, term, { replay: true, trace: out.trace, diagram: out.diagram });
}
