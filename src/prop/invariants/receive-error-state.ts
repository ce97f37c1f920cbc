import type { Invariant } from "./types.js";

/** R13: a "timeout" leaves the socket open; any other receive error leaves it closed (is_open false). */
export const receiveErrorState: Invariant = {
  name: "receive-error-state",
  rule: "R13",
  description: 'after receive fails, is_open is true for "timeout" and false for any other error',
  kinds: [],
  check({ calls }) {
    const out: string[] = [];
    for (const c of calls) {
      if (c.call !== "receive" || c.probe || c.outcome !== "error" || c.isOpenAfter === undefined) continue;
      const expected = c.error === "timeout";
      if (c.isOpenAfter !== expected) {
        out.push(`${c.peer} step ${c.step} @${c.t}ms: after receive error "${c.error}" is_open is ${String(c.isOpenAfter)}, expected ${String(expected)}`);
      }
    }
    return out;
  },
};
