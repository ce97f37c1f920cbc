import type { Invariant } from "./types.js";

/** R9: expected failures (refused, reset, disconnected, timeout, ...) come back as error strings and never raise. */
export const expectedFailuresReturn: Invariant = {
  name: "expected-failures-never-raise",
  rule: "R9",
  description: "a valid call on a socket that is not closed never raises; failures come back as error strings",
  kinds: [],
  check({ calls }) {
    return calls
      .filter((c) => !c.probe && c.outcome === "threw" && c.state !== "closed" && c.state !== "failed")
      .map((c) => `${c.peer} step ${c.step} @${c.t}ms: ${c.call} raised ${c.errorName ?? "an error"}: ${c.error ?? ""}`);
  },
};
