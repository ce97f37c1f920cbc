import { unescapeBytes, type ByteString } from "../../core/bytes.js";
import type { TraceEvent } from "../../core/trace.js";

/** A notifier callback as the trace records it. */
export interface CallbackView {
  readonly event: TraceEvent;
  readonly server: string;
  readonly callback: string;
  readonly peer: string;
  readonly data: ByteString | undefined;
  /** "port|peer endpoint": the server's port and the peer, what the invariants match connections by. */
  readonly key: string;
}

/** A view whose payload is decoded, and key built, when first read. */
class View implements CallbackView {
  readonly server: string;
  readonly callback: string;
  readonly peer: string;
  private decoded: ByteString | undefined | null = null;
  private keyText: string | undefined;

  constructor(readonly event: TraceEvent) {
    this.server = String(event.server);
    this.callback = String(event.callback);
    this.peer = peerOf(event);
  }

  get data(): ByteString | undefined {
    if (this.decoded === null) this.decoded = payloadOf(this.event);
    return this.decoded;
  }

  get key(): string {
    return (this.keyText ??= `${portOf(this.server)}|${this.peer}`);
  }
}

/** The peer endpoint of a `callback` event ("" when it has none), as {@link CallbackView.peer} reads it. */
export function peerOf(e: TraceEvent): string {
  return typeof e.peer === "string" ? e.peer : "";
}

/** The port of an endpoint or server label ("tcp 0.0.0.0:8000" -> "8000"). */
export function portOf(endpointOrLabel: string): string {
  return endpointOrLabel.slice(endpointOrLabel.lastIndexOf(":") + 1);
}

/** The payload of an event (traces made by scenario runs keep whole payloads). */
export function payloadOf(e: TraceEvent): ByteString | undefined {
  return typeof e.data === "string" ? unescapeBytes(e.data) : undefined;
}

/** True when the event's payload was cut by the trace's payload limit. */
export function payloadCut(e: TraceEvent): boolean {
  return typeof e.data === "string" && e.data.endsWith("…") && typeof e.bytes === "number" && payloadOf(e)!.length !== e.bytes;
}

/**
 * The view of a `callback` event. Invariants make one as they meet the
 * event: a few small objects per run, cheaper than a cache of views per
 * trace (a WeakMap entry and a Map by event cost more than the views).
 */
export function callbackView(e: TraceEvent): CallbackView {
  return new View(e);
}

/** The notifier callbacks of a trace, in order; payloads are decoded when first read. */
export function callbacks(events: readonly TraceEvent[]): CallbackView[] {
  const views: CallbackView[] = [];
  for (const e of events) if (e.kind === "callback") views.push(new View(e));
  return views;
}

/** "tcp" or "udp" from a server label such as "tcp 0.0.0.0:8000". */
export function serverProto(label: string): "tcp" | "udp" {
  return label.startsWith("udp") ? "udp" : "tcp";
}

/** Short form of an event for violation messages. */
export function at(e: TraceEvent): string {
  return `#${e.seq} @${e.t}ms`;
}

/** One entry of a {@link PortPeerMap}: a port's value, and the next port of the same peer. */
interface PortEntry<V> {
  readonly port: string;
  v: V;
  next: PortEntry<V> | undefined;
}

/**
 * A map keyed by "port|peer endpoint" (what the invariants match
 * connections by, as {@link CallbackView.key} writes it) without making
 * that text per event: by peer (the trace's shared endpoint texts), then
 * through the few ports that peer reached.
 */
export class PortPeerMap<V> {
  private readonly byPeer = new Map<string, PortEntry<V>>();
  /** The last text {@link port} read, and its port (a trace repeats the same few texts). */
  private lastText: string | undefined;
  private lastPort = "";

  /** The port of an endpoint or server label, as {@link portOf} reads it. */
  port(endpointOrLabel: string): string {
    if (endpointOrLabel !== this.lastText) {
      this.lastText = endpointOrLabel;
      this.lastPort = portOf(endpointOrLabel);
    }
    return this.lastPort;
  }

  get(port: string, peer: string): V | undefined {
    for (let e = this.byPeer.get(peer); e !== undefined; e = e.next) if (e.port === port) return e.v;
    return undefined;
  }

  set(port: string, peer: string, v: V): void {
    const head = this.byPeer.get(peer);
    for (let e = head; e !== undefined; e = e.next) {
      if (e.port === port) {
        e.v = v;
        return;
      }
    }
    this.byPeer.set(peer, { port, v, next: head });
  }

  delete(port: string, peer: string): void {
    let prev: PortEntry<V> | undefined;
    for (let e = this.byPeer.get(peer); e !== undefined; prev = e, e = e.next) {
      if (e.port !== port) continue;
      if (prev) prev.next = e.next;
      else if (e.next) this.byPeer.set(peer, e.next);
      else this.byPeer.delete(peer);
      return;
    }
  }
}
