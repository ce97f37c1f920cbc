import type { ByteString } from "../core/bytes.js";
import type { TraceEvent } from "../core/trace.js";
import { payloadOf } from "./invariants/trace-view.js";

/** One TCP connection as a trace shows it. */
export interface TcpStreamView {
  /** The trace's connection number. */
  readonly conn: number;
  /** Host that connected. */
  readonly host: string;
  /** Its endpoint, "address:port". */
  readonly client: string;
  /** Where it connected to. */
  readonly server: string;
  /** Every byte the connecting side sent, in order. */
  readonly sent: ByteString;
  /** Every byte the other side sent back, in order. */
  readonly replies: ByteString;
}

/**
 * The TCP connections of a trace with the bytes each side sent — handy in
 * invariants ("every complete request sent got handled"). Needs whole
 * payloads in the trace (scenario runs keep them).
 */
export function tcpStreams(events: readonly TraceEvent[]): TcpStreamView[] {
  const byConn = new Map<number, { conn: number; host: string; client: string; server: string; sent: string; replies: string }>();
  for (const e of events) {
    if (e.kind === "tcp.connect") {
      byConn.set(Number(e.conn), { conn: Number(e.conn), host: e.host, client: String(e.from), server: String(e.to), sent: "", replies: "" });
    } else if (e.kind === "tcp.send") {
      const s = byConn.get(Number(e.conn));
      if (!s) continue;
      if (e.from === s.client) s.sent += payloadOf(e) ?? "";
      else s.replies += payloadOf(e) ?? "";
    }
  }
  return [...byConn.values()];
}

/** One UDP datagram a trace shows being sent. */
export interface DatagramView {
  readonly host: string;
  readonly from: string;
  readonly to: string;
  readonly data: ByteString;
}

/** Every UDP datagram sent, in order (optionally only those sent by `host`). */
export function udpDatagrams(events: readonly TraceEvent[], host?: string): DatagramView[] {
  return events
    .filter((e) => e.kind === "udp.send" && (host === undefined || e.host === host))
    .map((e) => ({ host: e.host, from: String(e.from), to: String(e.to), data: payloadOf(e) ?? "" }));
}
