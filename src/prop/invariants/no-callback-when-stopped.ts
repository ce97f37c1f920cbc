import type { Invariant } from "./types.js";
import { at } from "./trace-view.js";

/** R16, R20: no notifier callback of a server runs after its stop() or close(), until run() again. */
export const noCallbackWhenStopped: Invariant = {
  name: "no-callback-after-stop-or-close",
  rule: "R16",
  description: "no callback runs after stop() returned or after close(), until run() is called again",
  kinds: ["server.create", "server.run", "server.stop", "server.close", "callback"],
  check({ events }) {
    const out: string[] = [];
    const state = new Map<string, string>();
    for (const e of events) {
      const server = typeof e.server === "string" ? e.server : undefined;
      if (!server) continue;
      if (e.kind === "server.create") state.set(server, "created");
      else if (e.kind === "server.run") state.set(server, "running");
      else if (e.kind === "server.stop") state.set(server, "stopped");
      else if (e.kind === "server.close") state.set(server, "closed");
      else if (e.kind === "callback" && state.get(server) !== "running") {
        out.push(`${at(e)} ${String(e.callback)} ran on ${server} while it was ${state.get(server) ?? "unknown"}`);
      }
    }
    return out;
  },
};
