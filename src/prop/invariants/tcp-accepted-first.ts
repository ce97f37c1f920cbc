import type { Invariant } from "./types.js";
import { at, peerOf, PortPeerMap, serverProto } from "./trace-view.js";

/** R17: `socket_accepted` runs once per TCP connection, before any `socket_message` of it. */
export const tcpAcceptedFirst: Invariant = {
  name: "tcp-accepted-before-message",
  rule: "R17",
  description: "socket_accepted runs once per TCP connection, before any socket_message of that connection",
  kinds: ["tcp.accept", "callback"],
  check({ events }) {
    const out: string[] = [];
    // By "port|peer": accepted by the network and callback not yet run; accepted by a callback.
    const waiting = new PortPeerMap<number>();
    const accepted = new PortPeerMap<true>();
    for (const e of events) {
      if (e.kind === "tcp.accept") {
        const port = waiting.port(String(e.to));
        const from = String(e.from);
        waiting.set(port, from, (waiting.get(port, from) ?? 0) + 1);
        accepted.delete(port, from);
        continue;
      }
      if (e.kind !== "callback") continue;
      // What callbackView(e) reads (server, callback, peer, key), without making the view.
      const server = String(e.server);
      if (serverProto(server) !== "tcp") continue;
      const callback = String(e.callback);
      if (callback !== "socket_accepted" && callback !== "socket_message") continue;
      const peer = peerOf(e);
      const port = waiting.port(server);
      if (callback === "socket_accepted") {
        const n = waiting.get(port, peer) ?? 0;
        if (n === 0) out.push(`${at(e)} socket_accepted for ${peer} on ${server} without a new connection`);
        else waiting.set(port, peer, n - 1);
        accepted.set(port, peer, true);
      } else if (accepted.get(port, peer) === undefined) {
        out.push(`${at(e)} socket_message from ${peer} on ${server} before its socket_accepted`);
      }
    }
    return out;
  },
};
