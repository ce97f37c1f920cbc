import {
  encodeReplayToken,
  parseReplayToken,
  REPLAY_TOKEN_PREFIX,
  replayTokenTool,
  type ReplayToken,
} from "../prop/fuzz/replay-token.js";
import { UsageError } from "./args.js";
import type { Term } from "./term.js";

/** Everything needed to rerun one fuzz failure exactly (the format shared with Lua specs' `sim.fuzz_tool`). */
export type FuzzToken = ReplayToken;

/** Encodes a replay token: "rs1." + base64url(JSON). */
export function encodeToken(t: FuzzToken): string {
  return encodeReplayToken(t);
}

/** Decodes a replay token, or throws a usage error saying what is wrong with it. */
export function decodeToken(token: string): FuzzToken {
  const t = parseReplayToken(token);
  if (t === "not-a-token") throw new UsageError(`replay: "${token}" is not a renoise-sim replay token (they start with ${REPLAY_TOKEN_PREFIX})`);
  if (t === "damaged") throw new UsageError("replay: the token is damaged (copy it whole from the fuzz report)");
  return t;
}

/**
 * The tool a token names, as an absolute path: relative to the folder the
 * campaign ran in when that still holds it (replay from any folder), else
 * relative to the current folder.
 */
export function tokenTool(t: FuzzToken): string {
  return replayTokenTool(t, process.cwd());
}

/** Reruns the failure a token names and prints it like the fuzz run did. */
export async function replayToken(token: string, term: Term, out: { trace?: string; diagram?: string }): Promise<number> {
  const { fuzzWith } = await import("./cmd-fuzz.js");
  const t = decodeToken(token);
  return fuzzWith(t, term, { replay: true, trace: out.trace, diagram: out.diagram });
}
