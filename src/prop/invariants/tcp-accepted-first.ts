import type { Invariant } from "./types.js";
import { at, callbackView, portOf, serverProto } from "./trace-view.js";

/** R17: `socket_accepted` runs once per TCP connection, before any `socket_message` of it. */
export const tcpAcceptedFirst: Invariant = {
  name: "tcp-accepted-before-message",
  rule: "R17",
  description: "socket_accepted runs once per TCP connection, before any socket_message of that connection",
  kinds: ["tcp.accept", "callback"],
  check({ events }) {
    const out: string[] = [];
    const waiting = new Map<string, number>(); // accepted by the network, callback not yet run
    const accepted = new Set<string>();
    for (const e of events) {
      if (e.kind === "tcp.accept") {
        const key = `${portOf(String(e.to))}|${String(e.from)}`;
        waiting.set(key, (waiting.get(key) ?? 0) + 1);
        accepted.delete(key);
        continue;
      }
      // Only callback events have views: skip the lookup for the others.
      if (e.kind !== "callback") continue;
      const c = callbackView(e);
      if (!c || serverProto(c.server) !== "tcp") continue;
      const key = c.key;
      if (c.callback === "socket_accepted") {
        const n = waiting.get(key) ?? 0;
        if (n === 0) out.push(`${at(e)} socket_accepted for ${c.peer} on ${c.server} without a new connection`);
        else waiting.set(key, n - 1);
        accepted.add(key);
      } else if (c.callback === "socket_message" && !accepted.has(key)) {
        out.push(`${at(e)} socket_message from ${c.peer} on ${c.server} before its socket_accepted`);
      }
    }
    return out;
  },
};
