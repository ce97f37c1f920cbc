import { UsageError } from "./args.js";
import { cmdDemo, DEMO_HELP } from "./cmd-demo.js";
import { cmdFuzz, FUZZ_HELP } from "./cmd-fuzz.js";
import { cmdReplay, REPLAY_HELP } from "./cmd-replay.js";
import { cmdRun, RUN_HELP } from "./cmd-run.js";
import { cmdTest, TEST_HELP } from "./cmd-test.js";
import { packageVersion } from "./package-root.js";
import type { Term } from "./term.js";

export const MAIN_HELP = `renoise-sim — test Renoise tools' networking on a simulated network

Usage:
  renoise-sim [demo]                         run the bundled demo tool and show its trace
  renoise-sim run <tool> [--scenario f] ...  play a scenario against a tool
  renoise-sim fuzz <tool> --port p ...       property-based fuzzing of a tool's server
  renoise-sim replay <token | scenario>      rerun a failure exactly
  renoise-sim test <script.lua>              run a Renoise-style Lua test script
  renoise-sim --version                      print the version

<tool> is a Renoise tool folder (with main.lua) or a single .lua script.
Every command takes --help (or -h); options take their value as
"--port 8080" or "--port=8080". Exit codes: 0 success, 1 a property or script
failed, 2 usage or input error.
`;

const COMMANDS: Record<string, { run: (argv: string[], term: Term) => Promise<number>; help: string }> = {
  demo: { run: cmdDemo, help: DEMO_HELP },
  run: { run: cmdRun, help: RUN_HELP },
  fuzz: { run: cmdFuzz, help: FUZZ_HELP },
  replay: { run: cmdReplay, help: REPLAY_HELP },
  test: { run: cmdTest, help: TEST_HELP },
};

/** Runs the command line; returns the exit code. */
export async function runCli(argv: string[], term: Term): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) return await cmdDemo([], term);
    if (first === "--help" || first === "-h" || first === "help") {
      const topic = rest[0] && COMMANDS[rest[0]];
      term.out(topic ? topic.help : MAIN_HELP);
      return 0;
    }
    if (first === "--version" || first === "-v" || first === "-V" || first === "version") {
      term.out(`renoise-sim ${packageVersion()}\n`);
      return 0;
    }
    const cmd = COMMANDS[first];
    if (!cmd) throw new UsageError(`unknown command "${first}"; see renoise-sim --help`);
    return await cmd.run(rest, term);
  } catch (e) {
    if (e instanceof UsageError) {
      term.err(`renoise-sim ${e.message}\n`);
      return 2;
    }
    term.err(`renoise-sim: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
