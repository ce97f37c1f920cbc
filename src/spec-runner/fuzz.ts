import { Buffer } from "node:buffer";
import { relative } from "node:path";
import type fc from "fast-check";
import type { ByteString } from "../core/bytes.js";
import { SimulationUsageError } from "../core/errors.js";
import { payloads } from "../prop/arbitraries/payloads.js";
import { FAULT_KINDS } from "../prop/arbitraries/fault-plan.js";
import { fuzzToolDetails } from "../prop/fuzz/fuzz-tool.js";
import type { FuzzFault } from "../prop/fuzz/fuzz-notifier.js";
import type { Simulation } from "../sim/simulation.js";
import { loadLuaTool } from "../tool/index.js";

/**
 * What `sim.fuzz_tool` fuzzes, and what a replay token holds: the same
 * fields and encoding as the CLI's tokens (`renoise-sim replay rs1.…`), so
 * a token printed by a Lua spec replays with the CLI and back.
 */
export interface SpecFuzzToken {
  tool: string;
  port: number;
  protocol: "tcp" | "udp";
  grammar: string;
  faults: string[];
  runs: number;
  seed: number;
  path: string;
}

const PREFIX = "rs1.";

/** "rs1." + base64url(JSON), as the CLI writes them. */
export function encodeReplayToken(t: SpecFuzzToken): string {
  return PREFIX + Buffer.from(JSON.stringify(t), "utf8").toString("base64url");
}

/** Reads a replay token, or throws a usage error. */
export function decodeReplayToken(token: string): SpecFuzzToken {
  let t: Partial<SpecFuzzToken> | undefined;
  if (token.startsWith(PREFIX)) {
    try {
      t = JSON.parse(Buffer.from(token.slice(PREFIX.length), "base64url").toString("utf8")) as Partial<SpecFuzzToken>;
    } catch {
      t = undefined;
    }
  }
  if (!t || typeof t.tool !== "string" || typeof t.port !== "number" || typeof t.seed !== "number" || typeof t.path !== "string") {
    throw new SimulationUsageError(`sim.replay: "${token.slice(0, 20)}…" is not a whole renoise-sim replay token (rs1.…); copy it from the report`);
  }
  return {
    tool: t.tool,
    port: t.port,
    protocol: t.protocol === "udp" ? "udp" : "tcp",
    grammar: t.grammar ?? "bytes",
    faults: t.faults ?? ["split", "merge"],
    runs: t.runs ?? 100,
    seed: t.seed,
    path: t.path,
  };
}

const GRAMMARS: Record<string, () => fc.Arbitrary<ByteString>> = {
  lines: () => payloads.lines(),
  http: () => payloads.httpRequest(),
  osc: () => payloads.oscMessage(),
  bytes: () => payloads.bytes(),
};

/** Options of `sim.fuzz_tool` after JSON decoding (keys camelCased). */
export interface SpecFuzzOptions {
  dir?: string;
  port?: number;
  protocol?: string;
  grammar?: string;
  faults?: string[];
  runs?: number;
  seed?: number;
}

/** Checks `sim.fuzz_tool` options and builds the token of the campaign. */
export function fuzzTokenOf(o: SpecFuzzOptions, toolDir: string, seed: number, cwd: string): SpecFuzzToken {
  const call = "sim.fuzz_tool";
  if (!Number.isInteger(o.port) || o.port! < 1 || o.port! > 65535) throw new SimulationUsageError(`${call}: port must be 1..65535: the port the tool serves on`);
  const protocol = o.protocol ?? "tcp";
  if (protocol !== "tcp" && protocol !== "udp") throw new SimulationUsageError(`${call}: protocol must be "tcp" or "udp", got ${protocol}`);
  const grammar = o.grammar ?? "bytes";
  if (!GRAMMARS[grammar]) throw new SimulationUsageError(`${call}: unknown grammar "${grammar}"; use lines, http, osc or bytes`);
  const faults = o.faults ?? ["split", "merge"];
  for (const f of faults) {
    if (f !== "split" && f !== "merge" && !(FAULT_KINDS as readonly string[]).includes(f)) {
      throw new SimulationUsageError(`${call}: unknown fault "${f}"; use split, merge, ${FAULT_KINDS.join(", ")}`);
    }
  }
  const runs = o.runs ?? 100;
  if (!Number.isInteger(runs) || runs < 1) throw new SimulationUsageError(`${call}: runs must be a whole number >= 1`);
  return { tool: relative(cwd, toolDir) || ".", port: o.port!, protocol, grammar, faults, runs, seed: o.seed ?? seed, path: "" };
}

/** The outcome of a campaign: undefined when nothing failed, else the report (with the replay command). */
export interface SpecFuzzOutcome {
  runs: number;
  seed: number;
  report?: string;
  token?: string;
}

/** Runs (or, with `replay`, reruns) the campaign of `t` against the tool folder `toolDir`. */
export async function fuzzCampaign(t: SpecFuzzToken, toolDir: string, replay: boolean): Promise<SpecFuzzOutcome> {
  const isDir = !toolDir.endsWith(".lua");
  const start = async (ctx: { sim: Simulation }) => {
    const tool = await loadLuaTool(ctx.sim, isDir ? { dir: toolDir } : { file: toolDir });
    return { dispose: () => tool.unload() };
  };
  const details = await fuzzToolDetails(start, {
    runs: replay ? 1 : t.runs,
    seed: t.seed,
    ...(replay ? { path: t.path } : {}),
    protocols: [t.protocol],
    port: t.port,
    payload: GRAMMARS[t.grammar]!(),
    faults: t.faults as FuzzFault[],
  });
  if (details.ok) return { runs: details.runs, seed: details.seed };
  const f = details.failure;
  const token = encodeReplayToken({ ...t, seed: details.seed, path: details.path });
  const report =
    `${replay ? "Replayed failure" : "Fuzzing found a failure"} (seed ${details.seed}, path ${details.path})\n` +
    `Why:\n  ${f.reason.split("\n").join("\n  ")}\n` +
    `Minimal scenario (shrunk from size ${f.sizeBefore.total} to ${f.sizeAfter.total}):\n  ${f.readable.split("\n").join("\n  ")}\n` +
    `Replay it:\n  renoise-sim replay ${token}`;
  return { runs: details.runs, seed: details.seed, report, token };
}
