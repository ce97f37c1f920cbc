import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { starterSpec, starterSpecName, surveyTool } from "../spec-runner/init.js";
import { parseArgs, UsageError } from "./args.js";
import { writeOut } from "./output.js";
import type { Term } from "./term.js";

export const INIT_HELP = `renoise-sim init <tool-dir> [options]

Writes a starter Lua spec for a Renoise tool folder: it loads the tool in
the simulation and writes spec/<tool>_spec.lua with tests that the tool
loads, adds its menu entries and keybindings, and accepts a connection on
each port it listens on once started. Run it with renoise-sim test spec/
(from the tool folder). Guide: docs/lua-testing.md.

Options:
  --force       overwrite an existing spec file
  --help        this text

Exit codes: 0 written, 2 usage error (no tool folder, the tool fails to load, the spec exists).
`;

export async function cmdInit(argv: string[], term: Term): Promise<number> {
  const args = parseArgs(argv, [], ["help", "force"], "init");
  if (args.flags.has("help")) {
    term.out(INIT_HELP);
    return 0;
  }
  const dirArg = args.positional[0];
  if (!dirArg || args.positional.length > 1) throw new UsageError("init: expected one tool folder (see renoise-sim init --help)");
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`init: no such tool folder: ${dirArg}`);
  if (!existsSync(join(dir, "main.lua"))) throw new UsageError(`init: ${dirArg} has no main.lua; a Renoise tool folder needs one`);
  const name = starterSpecName(dir);
  const target = join(dir, name);
  if (existsSync(target) && !args.flags.has("force")) {
    throw new UsageError(`init: ${relative(process.cwd(), target)} exists already; use --force to overwrite it`);
  }
  let survey;
  try {
    survey = await surveyTool(dir);
  } catch (e) {
    throw new UsageError(`init: the tool fails to load, fix this first: ${(e as Error).message.split("\n")[0]}`);
  }
  writeOut(target, starterSpec(survey));
  const ports = [...survey.tcpPorts.map((p) => `TCP ${p}`), ...survey.udpPorts.map((p) => `UDP ${p}`)];
  term.out(`wrote ${relative(process.cwd(), target)}: ${survey.name}, ${survey.menuEntries.length} menu entries, ${ports.length ? `ports ${ports.join(", ")}` : "no listening ports"}${survey.startedBy ? ` (started by "${survey.startedBy}")` : ""}\n`);
  term.out(`run it: renoise-sim test ${relative(process.cwd(), join(dir, "spec")) || "spec"}\n`);
  return 0;
}
