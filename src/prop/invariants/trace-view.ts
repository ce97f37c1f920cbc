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
    this.peer = typeof event.peer === "string" ? event.peer : "";
  }

  get data(): ByteString | undefined {
    if (this.decoded === null) this.decoded = payloadOf(this.event);
    return this.decoded;
  }

  get key(): string {
    return (this.keyText ??= `${portOf(this.server)}|${this.peer}`);
  }
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

/**
 * A map keyed by "port|peer endpoint" (what the invariants match
 * connections by, as {@link CallbackView.key} writes it) without making
 * that text per event: by port, then by peer. The port of each label or
 * endpoint is taken once per distinct text (a trace repeats the same few).
 */
export class PortPeerMap<V> {
  private readonly byPort = new Map<string, Map<string, V>>();
  private readonly ports = new Map<string, string>();

  /** The port of an endpoint or server label, as {@link portOf} reads it. */
  port(endpointOrLabel: string): string {
    let p = this.ports.get(endpointOrLabel);
    if (p === undefined) this.ports.set(endpointOrLabel, (p = portOf(endpointOrLabel)));
    return p;
  }

  get(port: string, peer: string): V | undefined {
    return this.byPort.get(port)?.get(peer);
  }

  set(port: string, peer: string, v: V): void {
    let m = this.byPort.get(port);
    if (!m) this.byPort.set(port, (m = new Map<string, V>()));
    m.set(peer, v);
  }

  delete(port: string, peer: string): void {
    this.byPort.get(port)?.delete(peer);
  }
}
