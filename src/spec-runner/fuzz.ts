import { relative } from "node:path";
import { SimulationUsageError } from "../core/errors.js";
import { FAULT_KINDS } from "../prop/arbitraries/fault-plan.js";
import { fuzzToolDetails } from "../prop/fuzz/fuzz-tool.js";
import type { FuzzFault } from "../prop/fuzz/fuzz-notifier.js";
import { encodeReplayToken, FUZZ_GRAMMARS, parseReplayToken, type ReplayToken } from "../prop/fuzz/replay-token.js";
import type { Simulation } from "../sim/simulation.js";
import { loadLuaTool } from "../tool/index.js";

/** Reads a replay token, or throws a usage error. */
export function decodeReplayToken(token: string): ReplayToken {
  const t = parseReplayToken(token);
  if (typeof t === "string") {
    throw new SimulationUsageError(`sim.replay: "${token.slice(0, 20)}…" is not a whole renoise-sim replay token (rs1.…); copy it from the report`);
  }
  return t;
}

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
export function fuzzTokenOf(o: SpecFuzzOptions, toolDir: string, seed: number, cwd: string): ReplayToken {
  const call = "sim.fuzz_tool";
  if (!Number.isInteger(o.port) || o.port! < 1 || o.port! > 65535) throw new SimulationUsageError(`${call}: port must be 1..65535: the port the tool serves on`);
  const protocol = o.protocol ?? "tcp";
  if (protocol !== "tcp" && protocol !== "udp") throw new SimulationUsageError(`${call}: protocol must be "tcp" or "udp", got ${protocol}`);
  const grammar = o.grammar ?? "bytes";
  if (!FUZZ_GRAMMARS[grammar]) throw new SimulationUsageError(`${call}: unknown grammar "${grammar}"; use lines, http, osc or bytes`);
  const faults = o.faults ?? ["split", "merge"];
  for (const f of faults) {
    if (f !== "split" && f !== "merge" && !(FAULT_KINDS as readonly string[]).includes(f)) {
      throw new SimulationUsageError(`${call}: unknown fault "${f}"; use split, merge, ${FAULT_KINDS.join(", ")}`);
    }
  }
  const runs = o.runs ?? 100;
  if (!Number.isInteger(runs) || runs < 1) throw new SimulationUsageError(`${call}: runs must be a whole number >= 1`);
  return { tool: relative(cwd, toolDir) || ".", cwd, port: o.port!, protocol, grammar, faults, runs, seed: o.seed ?? seed, path: "" };
}

/** The outcome of a campaign: undefined when nothing failed, else the report (with the replay command). */
export interface SpecFuzzOutcome {
  runs: number;
  seed: number;
  report?: string;
  token?: string;
}

/** Runs (or, with `replay`, reruns) the campaign of `t` against the tool folder `toolDir`. */
export async function fuzzCampaign(t: ReplayToken, toolDir: string, replay: boolean): Promise<SpecFuzzOutcome> {
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
    payload: FUZZ_GRAMMARS[t.grammar]!(),
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
