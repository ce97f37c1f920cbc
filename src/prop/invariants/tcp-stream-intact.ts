import type { TraceEvent } from "../../core/trace.js";
import { escapeBytes, unescapeBytes } from "../../core/bytes.js";
import type { Invariant } from "./types.js";
import { at, payloadCut, peerOf, PortPeerMap, serverProto } from "./trace-view.js";

interface Conn {
  conn: number;
  client: string;
  /** The bytes sent and delivered, as the trace writes them (escaped: see {@link escapedOf}). */
  sent: string;
  delivered: string;
  /** Delivery may legitimately stop early (tool closed it, server stopped, data dropped). */
  mayBeShort: boolean;
  uncheckable: boolean;
  first: TraceEvent;
}

/** Bytes as a violation message shows them, from their trace text. */
function show(escaped: string): string {
  const s = unescapeBytes(escaped);
  return `"${escapeBytes(s, 60)}" (${s.length} B)`;
}

/**
 * An event's payload as the trace writes it (escapeBytes, not cut): the
 * bytes are compared in that form, without decoding each payload.
 * escapeBytes writes each byte on its own as a code no other byte's code
 * begins with (a printable character other than `\\` and `"`, `\\` plus
 * one of `\\ n r t 0 "`, or `\\x` plus two hex digits), so the text of
 * concatenated bytes is the concatenated texts, and one text is equal to, or
 * a prefix of, another exactly when the bytes are.
 */
function escapedOf(e: TraceEvent): string {
  return typeof e.data === "string" ? e.data : "";
}

/**
 * R21, R23: per TCP connection, the bytes the tool's socket_message calls
 * received, concatenated, equal the bytes the peer sent, concatenated: cut
 * and merged anywhere, but never lost, duplicated, reordered or altered.
 * Only a prefix is required unless the run settled with the server running
 * and data was neither dropped nor cut off by the tool closing the
 * connection. Skipped under injected faults.
 */
export const tcpStreamIntact: Invariant = {
  name: "tcp-stream-intact",
  rule: "R21",
  description: "per TCP connection, concatenated socket_message data equals the peer's concatenated sends",
  kinds: ["tcp.connect", "tcp.accept", "tcp.send", "tcp.close", "tcp.reset", "drop", "callback.dropped", "server.create", "server.run", "server.stop", "server.close", "callback"],
  check({ events, faulted, settled }) {
    if (faulted) return [];
    const conns = new Map<number, Conn>();
    const current = new PortPeerMap<Conn>(); // "port|client endpoint" -> connection being served
    const running = new Map<string, boolean>();
    for (const e of events) {
      switch (e.kind) {
        case "tcp.connect":
          conns.set(Number(e.conn), {
            conn: Number(e.conn),
            client: String(e.from),
            sent: "",
            delivered: "",
            mayBeShort: false,
            uncheckable: false,
            first: e,
          });
          break;
        case "tcp.accept": {
          const c = conns.get(Number(e.conn));
          if (c) current.set(current.port(String(e.to)), c.client, c);
          break;
        }
        case "tcp.send": {
          const c = conns.get(Number(e.conn));
          if (!c || e.from !== c.client) break;
          if (payloadCut(e)) c.uncheckable = true;
          c.sent += escapedOf(e);
          break;
        }
        case "tcp.close":
        case "tcp.reset": {
          const c = conns.get(Number(e.conn));
          if (c && e.from !== c.client) c.mayBeShort = true;
          break;
        }
        case "drop":
          for (const c of conns.values()) if (e.from === c.client) c.mayBeShort = true;
          break;
        case "callback.dropped":
          for (const c of conns.values()) if (e.peer === c.client) c.mayBeShort = true;
          break;
        case "server.create":
        case "server.run":
        case "server.stop":
        case "server.close":
          running.set(String(e.server), e.kind === "server.run");
          break;
        case "callback": {
          // What callbackView(e) reads (server, callback, peer, key), without making the view.
          if (String(e.callback) !== "socket_message") break;
          const server = String(e.server);
          if (serverProto(server) !== "tcp") break;
          const c = current.get(current.port(server), peerOf(e));
          if (!c) break;
          if (payloadCut(e)) c.uncheckable = true;
          c.delivered += escapedOf(e);
          break;
        }
      }
    }
    const anyStopped = [...running.values()].some((r) => !r);
    const out: string[] = [];
    for (const c of conns.values()) {
      if (c.uncheckable) continue;
      const short = !settled || c.mayBeShort || anyStopped;
      const ok = short ? c.sent.startsWith(c.delivered) : c.sent === c.delivered;
      if (!ok) {
        out.push(
          `${at(c.first)} conn ${c.conn} from ${c.client}: the tool received ${show(c.delivered)} ` +
            `but the peer sent ${show(c.sent)}${short ? " (expected a prefix)" : ""}`,
        );
      }
    }
    return out;
  },
};
