import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs, strFlag, UsageError } from "./args.js";
import { readScenario } from "./load.js";
import { playWithTool, report } from "./cmd-run.js";
import { emitRun } from "./output.js";
import type { Term } from "./term.js";
import { replayToken } from "./fuzz-token.js";

export const REPLAY_HELP = `renoise-sim replay <token | scenario.json> [options]

Reruns a failure exactly: either the token a failed "renoise-sim fuzz" printed,
or a scenario file whose "tool" field names the tool (relative to the file).

Options:
  --trace <file>     also write the trace as JSON Lines
  --diagram <file>   also write a Mermaid sequence diagram (Markdown)
  --help             this text
`;

export async function cmdReplay(argv: string[], term: Term): Promise<number> {
  const args = parseArgs(argv, ["trace", "diagram"], ["help"], "replay");
  if (args.flags.has("help")) {
    term.out(REPLAY_HELP);
    return 0;
  }
  const what = args.positional[0];
  if (!what || args.positional.length > 1) throw new UsageError("replay: expected a replay token or a scenario file (see renoise-sim replay --help)");
  if (!existsSync(what) && what.startsWith("rs1.")) return replayToken(what, term, { trace: strFlag(args, "trace"), diagram: strFlag(args, "diagram") });
  const { scenario, dir } = readScenario(what, "replay");
  if (!scenario.tool) throw new UsageError(`replay: ${what} has no "tool" field naming the tool to run it against`);
  const played = await playWithTool(resolve(dir, scenario.tool), scenario, undefined, undefined);
  emitRun(term, played.sim, { trace: strFlag(args, "trace"), diagram: strFlag(args, "diagram"), title: `renoise-sim replay ${what}` });
  return report(term, played);
}
