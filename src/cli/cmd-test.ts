import { resolve } from "node:path";
import { existsSync } from "node:fs";
import { createSimulation } from "../sim/simulation.js";
import { runLuaScript } from "../tool/index.js";
import { startResponder } from "../scenario/responders.js";
import { intFlag, parseArgs, UsageError } from "./args.js";
import type { Term } from "./term.js";

export const TEST_HELP = `renoise-sim test <script.lua> [options]

Runs a Lua script the way Renoise's own test scripts run (top-level code,
assert, print) against the simulation, with an HTTP responder at
httpbin.org:80 and nothing at other names. Exit code 0 only if the script
completes without error.

Options:
  --seed <n>    seed (default 1)
  --latency <ms>  one-way latency between hosts (default 5)
  --help        this text
`;

export async function cmdTest(argv: string[], term: Term): Promise<number> {
  const args = parseArgs(argv, ["seed", "latency"], ["help"], "test");
  if (args.flags.has("help")) {
    term.out(TEST_HELP);
    return 0;
  }
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError("test: expected one .lua script (see renoise-sim test --help)");
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`test: no such script: ${file}`);
  const sim = createSimulation({ seed: intFlag(args, "seed", "test", 1), latency: intFlag(args, "latency", "test", 5, { min: 0 }) });
  startResponder(sim.addHost("httpbin.org", { address: "203.0.113.80" }), { kind: "http", port: 80 });
  try {
    const tool = await runLuaScript(sim, path);
    for (const line of tool.printed) term.out(`${line}\n`);
    term.err(term.green(`✓ ${file} passed (${sim.now} ms of virtual time)\n`));
    return 0;
  } catch (e) {
    term.err(term.red(`✗ ${file} failed: ${(e as Error).message}\n`));
    return 1;
  }
}
