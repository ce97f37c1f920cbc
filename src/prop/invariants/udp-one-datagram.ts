import type { Invariant } from "./types.js";
import { escapeBytes } from "../../core/bytes.js";
import { at, callbackView, payloadOf, portOf, serverProto } from "./trace-view.js";

/**
 * R22, R17: a UDP server's socket_message carries exactly one datagram a
 * peer sent to it, whole (never split or merged), and a UDP server never
 * gets socket_accepted. Datagram matching is skipped under injected faults.
 */
export const udpOneDatagram: Invariant = {
  name: "udp-one-datagram-per-message",
  rule: "R22",
  description: "each UDP socket_message equals exactly one datagram a peer sent; no socket_accepted for UDP",
  kinds: ["udp.send", "callback"],
  check({ events, faulted }) {
    const out: string[] = [];
    const unmatched = new Map<string, string[]>(); // "port|from" -> payloads sent, not yet delivered
    for (const e of events) {
      if (e.kind === "udp.send") {
        const key = `${portOf(String(e.to))}|${String(e.from)}`;
        let list = unmatched.get(key);
        if (!list) unmatched.set(key, (list = []));
        list.push(payloadOf(e) ?? "");
        continue;
      }
      // Only callback events have views: skip the lookup for the others.
      if (e.kind !== "callback") continue;
      const c = callbackView(e);
      if (!c || serverProto(c.server) !== "udp") continue;
      if (c.callback === "socket_accepted") {
        out.push(`${at(e)} socket_accepted on UDP server ${c.server}`);
        continue;
      }
      if (c.callback !== "socket_message" || faulted) continue;
      const list = unmatched.get(c.key) ?? [];
      const i = list.indexOf(c.data ?? "");
      if (i < 0) {
        out.push(`${at(e)} UDP socket_message "${escapeBytes(c.data ?? "", 60)}" from ${c.peer} matches no datagram it sent`);
      } else list.splice(i, 1);
    }
    return out;
  },
};
