import type { Invariant } from "./types.js";

/**
 * R10, R13, R14: every call on a closed socket (after close(), or send /
 * receive after a receive error closed it) raises; it never returns an
 * error string. `is_open` of a socket a receive error closed reads false.
 */
export const closedSocketRaises: Invariant = {
  name: "closed-socket-raises",
  rule: "R14",
  description: "every call on a closed socket raises and never returns an error string",
  kinds: [],
  check({ calls }) {
    const out: string[] = [];
    for (const c of calls) {
      if (!c.probe) continue;
      const where = `${c.peer} step ${c.step} @${c.t}ms`;
      if (c.state === "failed" && c.call === "is_open") {
        if (c.outcome !== "ok" || c.isOpenAfter !== false) {
          out.push(`${where}: is_open after a failed receive should read false, got ${c.outcome === "ok" ? String(c.isOpenAfter) : `a raise (${c.error})`}`);
        }
        continue;
      }
      if (c.outcome !== "threw") {
        out.push(`${where}: ${c.call} on a ${c.state} socket should raise, but it ${c.outcome === "error" ? `returned the error "${c.error}"` : "returned normally"}`);
      }
    }
    return out;
  },
};
