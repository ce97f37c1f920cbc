import type { TraceEvent } from "../../core/trace.js";
import { escapeBytes } from "../../core/bytes.js";
import type { Invariant } from "./types.js";
import { at, callbackView, payloadCut, payloadOf, portOf, serverProto } from "./trace-view.js";

interface Conn {
  conn: number;
  client: string;
  sent: string;
  delivered: string;
  /** Delivery may legitimately stop early (tool closed it, server stopped, data dropped). */
  mayBeShort: boolean;
  uncheckable: boolean;
  first: TraceEvent;
}

function show(s: string): string {
  return `"${escapeBytes(s, 60)}" (${s.length} B)`;
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
    const current = new Map<string, Conn>(); // "port|client endpoint" -> connection being served
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
          if (c) current.set(`${portOf(String(e.to))}|${c.client}`, c);
          break;
        }
        case "tcp.send": {
          const c = conns.get(Number(e.conn));
          if (!c || e.from !== c.client) break;
          if (payloadCut(e)) c.uncheckable = true;
          c.sent += payloadOf(e) ?? "";
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
          const v = callbackView(e);
          if (v.callback !== "socket_message" || serverProto(v.server) !== "tcp") break;
          const c = current.get(v.key);
          if (!c) break;
          if (payloadCut(e)) c.uncheckable = true;
          c.delivered += v.data ?? "";
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
