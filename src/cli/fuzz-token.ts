import { parseReplayToken, REPLAY_TOKEN_PREFIX, type ReplayToken } from "../prop/fuzz/replay-token.js";
import { UsageError } from "./args.js";
import type { Term } from "./term.js";

/** Decodes a replay token, or throws a usage error saying what is wrong with it. */
export function decodeToken(token: string): ReplayToken {
  const t = parseReplayToken(token);
  if (t === "not-a-token") throw new UsageError(`replay: "${token}" is not a renoise-sim replay token (they start with ${REPLAY_TOKEN_PREFIX})`);
  if (t === "damaged") throw new UsageError("replay: the token is damaged (copy it whole from the fuzz report)");
  return t;
}

/** Reruns the failure a token names and prints it like the fuzz run did. */
export async function replayToken(token: string, term: Term, out: { trace?: string; diagram?: string }): Promise<number> {
  const { fuzzWith } = await import("./cmd-fuzz.js");
  const t = decodeToken(token);
  return fuzzWith(t, term, { replay: true, trace: out.trace, diagram: out.diagram });
}
