import { existsSync } from "node:fs";
import type fc from "fast-check";
import type { ByteString } from "../core/bytes.js";
import { loadLuaTool, type LuaTool } from "../tool/index.js";
import { createSimulation } from "../sim/simulation.js";
import { describeCoverage, FuzzNothingDeliveredError, type PeersOn } from "../prop/fuzz/coverage.js";
import { isFuzzSeed, MAX_SEED, MIN_SEED } from "../prop/fuzz/common.js";
import { loadTarget } from "./load.js";
import { startOscServer } from "../tool/osc-server.js";
import { parseOscServerFlag } from "./osc-server-flag.js";
import type { Simulation } from "../sim/simulation.js";
import { encodeReplayToken, FUZZ_GRAMMARS, replayTokenTool, type ReplayToken } from "../prop/fuzz/replay-token.js";
import { FAULT_KINDS } from "../prop/arbitraries/fault-plan.js";
import { fuzzToolDetails, type FuzzToolDetails } from "../prop/fuzz/fuzz-tool.js";
import type { FuzzFault } from "../prop/fuzz/fuzz-notifier.js";
import { intFlag, parseArgs, strFlag, UsageError } from "./args.js";
import { GuiFreezeTally, writeDiagram, writeOut } from "./output.js";
import { startProgress } from "./progress.js";
import type { Term } from "./term.js";

export const FUZZ_HELP = `renoise-sim fuzz <tool> --port <p> [options]

Property-based fuzzing of a tool's server: generated peers connect, send,
wait, close and reset, over TCP streams that are cut and merged at any byte
boundary; each scenario runs against a fresh copy of the tool. A scenario
fails when a notifier raises, the run never settles, or a built-in invariant
of renoise.Socket breaks. A failure is shrunk to a minimal scenario and
printed with its trace, a Mermaid diagram and the exact replay command.

Options:
  --port <p>              the port the tool serves on (required)
  --protocol tcp|udp      default tcp
  --runs <n>              scenarios to try (default 100)
  --seed <n>              seed (default 1); printed either way
  --grammar <g>           what peers send: lines, http, osc or bytes (default bytes)
  --faults <list>         comma-separated: split, merge, ${FAULT_KINDS.join(", ")}
                          (default split,merge)
  --osc-server <p[:port]> run Renoise's built-in OSC server (udp or tcp, port 8000 unless
                          given) beside the tool; with --port set to its port, the
                          campaign fuzzes the server itself (--grammar osc)
  --peers-on <where>      peer-hosts: peers on their own hosts send to the tool host's
                          address (default); tool-host: peers on the tool's own host
                          send to 127.0.0.1 over loopback (tools that bind "localhost")
  --shard <i>/<n>         run shard i of n (1-based): its own seed and runs/n scenarios,
                          so a campaign spreads over CI machines deterministically
  --diagram <file>        where to write the failure's diagram (default: a new temporary
                          folder; the path is printed)
  --trace <file>          also write the failure's trace as JSON Lines
  --max-gui-block <ms>    fail a scenario in which one blocking call (receive,
                          create_client, server:wait) freezes Renoise's GUI longer than this
  --help                  this text

Every campaign prints its coverage: scenarios that reached a notifier
callback, callbacks by kind, bytes delivered, faults that fired. A campaign
that delivered no byte to the tool's notifier tested nothing: it exits 2 and
says where the tool listens, where the peers sent and how to fix it.

Exit codes: 0 no failure found, 1 a failure was found, 2 usage or input error
(including a tool that fails to load and a campaign that delivered nothing).
`;

/** Seed of shard `i` (1-based) of a campaign with seed `seed`. */
export function shardSeed(seed: number, i: number): number {
  return (seed + Math.imul(i - 1, 0x9e3779b1)) | 0;
}

/**
 * Loads the tool once in a throwaway simulation: a tool that fails to load is
 * reported with its own error (file and line), a missing main.lua or an
 * unserved port as a usage error, before any scenario runs.
 */
async function checkTool(t: ReplayToken, target: string, cmd: string): Promise<void> {
  const sim = createSimulation();
  let tool: LuaTool;
  try {
    if (t.oscServer) await startOscServer(sim, t.oscServer);
    tool = await loadTarget(sim, target, cmd);
  } catch (e) {
    sim.dispose();
    if (e instanceof UsageError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new UsageError(
      `${cmd}: the tool failed to load: ${msg}\n  fix the tool, then fuzz again (renoise-sim run ${t.tool} shows the same error with the trace)`,
    );
  }
  const host = sim.network.hosts.get(sim.host.name)!;
  const bound = t.protocol === "tcp" ? host.tcpPorts.has(t.port) : host.udpPorts.has(t.port);
  tool.unload();
  sim.dispose();
  if (!bound) throw new UsageError(`${cmd}: ${t.tool} does not serve ${t.protocol} port ${t.port} after loading; check --port and --protocol`);
}

/** Runs (or replays) a fuzz campaign described by `t`. */
export async function fuzzWith(t: ReplayToken, term: Term, opts: { replay?: boolean; trace?: string; diagram?: string }): Promise<number> {
  const cmd = opts.replay ? "replay" : "fuzz";
  const target = replayTokenTool(t, process.cwd());
  if (!existsSync(target)) throw new UsageError(`${cmd}: no such tool folder or script: ${t.tool}`);
  const grammar = FUZZ_GRAMMARS[t.grammar];
  if (!grammar) throw new UsageError(`${cmd}: unknown grammar "${t.grammar}"; use lines, http, osc or bytes`);
  await checkTool(t, target, cmd);
  const isDir = !target.endsWith(".lua");
  const freeze = new GuiFreezeTally();
  const start = async (ctx: { sim: Simulation }) => {
    await term.tick(); // lets Ctrl-C through between scenarios
    ctx.sim.guiBlockBudget = t.maxGuiBlock;
    const server = t.oscServer ? await startOscServer(ctx.sim, t.oscServer) : undefined;
    const tool = await loadLuaTool(ctx.sim, isDir ? { dir: target } : { file: target });
    return {
      dispose: () => {
        freeze.add(ctx.sim.guiBlocks());
        tool.unload();
        server?.stop();
      },
    };
  };
  const peersOn = t.peersOn ?? "peer-hosts";
  if (!opts.replay) {
    term.err(
      `fuzz: ${t.tool}, ${t.protocol} port ${t.port}, ${t.runs} scenarios, grammar ${t.grammar}, faults ${t.faults.join(",")}, ` +
        `peers on ${peersOn}, seed ${t.seed}\n`,
    );
  }
  const progress = opts.replay ? undefined : startProgress(term, { what: cmd, seed: t.seed, total: t.runs });
  let details: FuzzToolDetails;
  try {
    details = await fuzzCampaign(t, start, grammar, peersOn, progress?.update, opts.replay === true);
  } catch (e) {
    if (e instanceof FuzzNothingDeliveredError) throw new UsageError(e.message.replace(/^fuzzTool: /, `${cmd}: `));
    throw e;
  } finally {
    progress?.end();
  }
  if (!opts.replay) term.err(`coverage: ${describeCoverage(details.coverage)}\n`);
  for (const w of details.warnings) term.err(`${w.replace(/^fuzzTool:/, `${cmd}:`)}\n`);
  return report(t, term, opts, details, freeze);
}

function fuzzCampaign(
  t: ReplayToken,
  start: (ctx: { sim: Simulation }) => Promise<{ dispose: () => void }>,
  grammar: () => fc.Arbitrary<ByteString>,
  peersOn: PeersOn,
  onProgress: ((done: number, total: number) => void) | undefined,
  replay: boolean,
): Promise<FuzzToolDetails> {
  return fuzzToolDetails(start, {
    runs: replay ? 1 : t.runs,
    seed: t.seed,
    ...(replay ? { path: t.path } : {}),
    protocols: [t.protocol],
    port: t.port,
    payload: grammar(),
    faults: t.faults as FuzzFault[],
    peersOn,
    // A replayed failure ran before: it reached the tool then, whatever it delivers now.
    requireDelivery: !replay,
    ...(onProgress ? { onProgress } : {}),
  });
}

async function report(
  t: ReplayToken,
  term: Term,
  opts: { replay?: boolean; trace?: string; diagram?: string },
  details: FuzzToolDetails,
  freeze: GuiFreezeTally,
): Promise<number> {
  if (details.ok) {
    if (opts.replay) {
      term.err(term.green("replay: the scenario passes now (the tool or renoise-sim changed since the token was made)\n"));
      return 0;
    }
    term.err(`${freeze.line()}\n`);
    term.err(term.green(`✓ ${details.runs} scenarios passed (seed ${details.seed})\n`));
    return 0;
  }
  const f = details.failure;
  const token = encodeReplayToken({ ...t, cwd: t.cwd ?? process.cwd(), seed: details.seed, path: details.path });
  term.out(`${term.red(term.bold(opts.replay ? "Replayed failure" : "Failure found"))} (seed ${details.seed}, path ${details.path})\n\n`);
  term.out(`Why:\n  ${f.reason.split("\n").join("\n  ")}\n\n`);
  term.out(`Minimal scenario (shrunk from size ${f.sizeBefore.total} to ${f.sizeAfter.total}):\n  ${f.readable.split("\n").join("\n  ")}\n\n`);
  term.out(`Trace:\n${f.trace}\n\n`);
  term.out(`${freeze.line()}\n`);
  const diagram = writeDiagram(opts.diagram, "fuzz-failure.md", `# renoise-sim fuzz failure\n\n${f.reason}\n\n\`\`\`mermaid\n${f.mermaid}\n\`\`\`\n`);
  term.out(`Diagram: ${diagram}\n`);
  if (opts.trace) {
    const { toJsonl } = await import("../trace/jsonl.js");
    writeOut(opts.trace, toJsonl(details.events));
  }
  term.out(`\nReplay it:\n  renoise-sim replay ${token}\n`);
  return 1;
}

export async function cmdFuzz(argv: string[], term: Term): Promise<number> {
  const args = parseArgs(
    argv,
    ["port", "protocol", "runs", "seed", "grammar", "faults", "shard", "diagram", "trace", "max-gui-block", "peers-on", "osc-server"],
    ["help"],
    "fuzz",
  );
  if (args.flags.has("help")) {
    term.out(FUZZ_HELP);
    return 0;
  }
  const tool = args.positional[0];
  if (!tool || args.positional.length > 1) throw new UsageError("fuzz: expected one tool folder or .lua script (see renoise-sim fuzz --help)");
  const port = intFlag(args, "port", "fuzz", undefined, { min: 1, max: 65535 });
  if (port === undefined) throw new UsageError("fuzz: --port <1..65535> is required: the port the tool serves on");
  const protocol = strFlag(args, "protocol") ?? "tcp";
  if (protocol !== "tcp" && protocol !== "udp") throw new UsageError(`fuzz: --protocol must be tcp or udp, got ${protocol}`);
  let runs = intFlag(args, "runs", "fuzz", 100, { min: 1 })!;
  let seed = intFlag(args, "seed", "fuzz", 1)!;
  if (!isFuzzSeed(seed)) throw new UsageError(`fuzz: --seed must be a whole number from ${MIN_SEED} to ${MAX_SEED}, got ${seed}`);
  const shard = strFlag(args, "shard");
  if (shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shard);
    const i = m ? Number(m[1]) : 0;
    const n = m ? Number(m[2]) : 0;
    if (!m || n < 1 || i < 1 || i > n) throw new UsageError(`fuzz: --shard must be i/n with 1 <= i <= n, got ${shard}`);
    seed = shardSeed(seed, i);
    runs = Math.ceil(runs / n);
  }
  const faults = (strFlag(args, "faults") ?? "split,merge").split(",").map((s) => s.trim()).filter(Boolean);
  for (const f of faults) {
    if (f !== "split" && f !== "merge" && !(FAULT_KINDS as readonly string[]).includes(f)) {
      throw new UsageError(`fuzz: unknown fault "${f}"; use split, merge, ${FAULT_KINDS.join(", ")}`);
    }
  }
  const osc = strFlag(args, "osc-server");
  const peersOn = strFlag(args, "peers-on") ?? "peer-hosts";
  if (peersOn !== "peer-hosts" && peersOn !== "tool-host") throw new UsageError(`fuzz: --peers-on must be peer-hosts or tool-host, got ${peersOn}`);
  return fuzzWith(
    {
      tool,
      port,
      protocol,
      grammar: strFlag(args, "grammar") ?? "bytes",
      faults,
      runs,
      seed,
      path: "",
      maxGuiBlock: intFlag(args, "max-gui-block", "fuzz", undefined, { min: 0 }),
      ...(osc !== undefined ? { oscServer: parseOscServerFlag(osc, "fuzz") } : {}),
      ...(peersOn === "tool-host" ? { peersOn } : {}),
    },
    term,
    { diagram: strFlag(args, "diagram"), trace: strFlag(args, "trace") },
  );
}
