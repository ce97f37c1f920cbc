import { escapeBytes, type ByteString } from "./bytes.js";
import { endpoint } from "./endpoint.js";

/** A JSON value allowed in a trace field. */
export type TraceValue = string | number | boolean | null;

/**
 * One observable event of a simulation, as plain JSON-serialisable data.
 * `seq` orders events; `t` is virtual time in ms; `kind` names the event;
 * `host` names the host where it was observed. Other fields depend on the kind.
 */
export interface TraceEvent {
  seq: number;
  t: number;
  kind: string;
  host: string;
  [field: string]: TraceValue;
}

/** Options that shape what the trace stores. */
export interface TraceOptions {
  /** Bytes of each payload stored (escaped) in `data`; the rest is cut. Default 4096. */
  payloadLimit?: number;
}

/** The payload fields of an event (see {@link Trace.payload}). */
export interface TracePayload {
  bytes: number;
  data: string;
  hash: string;
}

/** FNV-1a 32-bit hash of a byte string, as 8 hex digits. */
export function hashBytes(b: ByteString): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) {
    h ^= b.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Hex by table, byte by byte: the same 8 lower-case digits as toString(16).padStart(8, "0"), faster.
  return HEX_BYTE[(h >>> 24) & 0xff]! + HEX_BYTE[(h >>> 16) & 0xff]! + HEX_BYTE[(h >>> 8) & 0xff]! + HEX_BYTE[h & 0xff]!;
}

/** "00" .. "ff": each byte value as two lower-case hex digits. */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Records the events of one simulation in order. */
export class Trace {
  readonly events: TraceEvent[] = [];
  private readonly payloadLimit: number;
  /**
   * What is running now, for events that name their cause (`song.set`):
   * e.g. "socket_message#12" (the callback recorded as event 12). Undefined:
   * the test's own code.
   */
  get cause(): string | undefined {
    return this._cause;
  }
  set cause(v: string | undefined) {
    if (v !== this._cause) for (const l of this.causeListeners) l();
    this._cause = v;
  }
  private _cause: string | undefined;
  /** Run just before `cause` changes: summaries of what the previous cause did (e.g. `song.lines`). */
  readonly causeListeners: (() => void)[] = [];
  /** Set while recording is suspended (for benchmarks of the bare network). */
  enabled = true;
  private readonly listeners: ((e: TraceEvent) => void)[] = [];
  /** The last payload and its fields (see {@link payload}). */
  private lastPayload: ByteString | undefined;
  private lastFields: Readonly<TracePayload> | undefined;

  /** The last few "addr:port" strings (see {@link endpoint}), replaced round-robin. */
  private readonly epAddr: string[] = ["", "", "", ""];
  private readonly epPort: number[] = [-1, -1, -1, -1];
  private readonly epText: string[] = ["", "", "", ""];
  private epNext = 0;

  constructor(
    private readonly now: () => number,
    options: TraceOptions = {},
  ) {
    this.payloadLimit = options.payloadLimit ?? 4096;
  }

  /** Appends an event and returns it. */
  record(kind: string, host: string, fields: Record<string, TraceValue> = {}): TraceEvent | undefined {
    if (!this.enabled) return undefined;
    const e: TraceEvent = { seq: this.events.length + 1, t: this.now(), kind, host, ...fields };
    this.events.push(e);
    for (const l of this.listeners) l(e);
    return e;
  }

  /**
   * Appends an event the caller built as one object literal, with `seq` and
   * `t` first (their values are overwritten here), and returns it. For hot
   * paths: no spread of field objects. Check {@link enabled} before building
   * the literal; this does not.
   */
  add<E extends TraceEvent>(e: E): E {
    e.seq = this.events.length + 1;
    e.t = this.now();
    this.events.push(e);
    for (const l of this.listeners) l(e);
    return e;
  }

  /**
   * Payload fields for an event: byte length, escaped (possibly cut) data and
   * a hash. The result is shared between calls with the same bytes (one
   * message is recorded at send, delivery, callback and receive): spread it,
   * do not change it.
   */
  payload(b: ByteString): Readonly<TracePayload> {
    if (b === this.lastPayload && this.lastFields) return this.lastFields;
    const fields = { bytes: b.length, data: escapeBytes(b, this.payloadLimit), hash: hashBytes(b) };
    this.lastPayload = b;
    this.lastFields = fields;
    return fields;
  }

  /**
   * `endpoint(addr, port)` for an event field, the same string as the last
   * time for the same endpoint (an echo names two endpoints in every event;
   * the trace then keeps one string each instead of one per event).
   */
  endpoint(addr: string, port: number): string {
    const a = this.epAddr;
    const p = this.epPort;
    for (let i = 0; i < 4; i++) if (p[i] === port && a[i] === addr) return this.epText[i]!;
    const text = endpoint(addr, port);
    const i = this.epNext;
    this.epNext = (i + 1) & 3;
    a[i] = addr;
    p[i] = port;
    this.epText[i] = text;
    return text;
  }

  /** Calls `fn` for every event recorded from now on; returns a function that stops it. */
  subscribe(fn: (e: TraceEvent) => void): () => void {
    this.listeners.push(fn);
    return () => {
      const i = this.listeners.indexOf(fn);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }
}
