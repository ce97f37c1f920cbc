import { escapeBytes, type ByteString } from "./bytes.js";
import { endpoint } from "./endpoint.js";
import { arrayOf, emptyArray, plainInstances, type Mutable } from "./site-free.js";
import { fnv1a, hexHash, TracePayloads } from "./trace-payloads.js";

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

/**
 * The payload fields {@link Trace.payload} makes: plain objects made by a
 * constructor, not an object literal, so that V8 never allocates them in the
 * old generation by the history of a literal's site (see site-free.ts).
 */
const PayloadFields = plainInstances(function PayloadFields(this: Mutable<TracePayload>, bytes: number, data: string, hash: string) {
  this.bytes = bytes;
  this.data = data;
  this.hash = hash;
});

/** FNV-1a 32-bit hash of a byte string, as 8 hex digits. */
export function hashBytes(b: ByteString): string {
  return hexHash(fnv1a(b));
}

/**
 * An event kind whose fields are known in advance (see {@link traceShape}).
 * Hot paths record such events as a row of values ({@link Trace.row}); the
 * trace makes the {@link TraceEvent} object only when `events` is read.
 */
export class TraceShape {
  /** Slots a row of this shape takes: shape, host, time, its values and its payload (each as the variant holds them). */
  readonly width: number;
  /**
   * Whether a row of this shape holds its time. A row recorded at the same
   * time as the row before it (whole events aside) takes an untimed variant
   * of its shape, one slot narrower: its event reads the time of that row.
   */
  readonly timed: boolean;
  /**
   * Whether a row of this shape (with a payload) holds its payload fields. A
   * row whose payload fields are those of the last row with a payload (one
   * message's send, delivery, callback and receive) takes a variant without
   * them, one slot narrower: its event reads that row's.
   */
  readonly ownPayload: boolean;
  /** Values a row holds for the fields (a label's two, not the key's), before its payload. */
  readonly values: number;
  /**
   * The shape's variants, shared by all four: by what a row leaves out,
   * `VARIANT_UNTIMED | VARIANT_SHARED_PAYLOAD` (index 0: the declared shape).
   * @internal
   */
  readonly variants: readonly TraceShape[];
  /** @internal use {@link traceShape}. */
  constructor(
    readonly kind: string,
    readonly fields: readonly string[],
    readonly payload: boolean,
    /** The first field joined from two values (see {@link TraceShapeOptions.label}). */
    readonly label: readonly [string, string] | undefined,
    /** Fields that come from the row's key (see {@link TraceShapeOptions.keyed}); 0 for a row with a plain host. */
    readonly keyed: number = 0,
    /** Where in the key each keyed field is (see {@link TraceShapeOptions.keyOrder}); undefined: in order. */
    readonly keySlots?: readonly number[],
    /** @internal which variant this is (see {@link variants}), and the variants it belongs to. */
    variant = 0,
    variants?: TraceShape[],
  ) {
    this.timed = (variant & VARIANT_UNTIMED) === 0;
    this.ownPayload = payload && (variant & VARIANT_SHARED_PAYLOAD) === 0;
    this.values = fields.length - keyed + (label ? 1 : 0);
    this.width = (this.timed ? 3 : 2) + this.values + (this.ownPayload ? 1 : 0);
    if (variants === undefined) {
      variants = [this];
      // A shape without a payload has no variant of it: the variant that shares one is the shape itself.
      for (let v = 1; v < 4; v++) variants.push(!payload && v & VARIANT_SHARED_PAYLOAD ? variants[v & VARIANT_UNTIMED]! : new TraceShape(kind, fields, payload, label, keyed, keySlots, v, variants));
    }
    this.variants = variants;
  }
}

/**
 * A row's key (see {@link TraceShapeOptions.keyed}): the host, then the
 * values of the shape's first fields. Made once by its owner (a TCP end) and
 * shared by all its rows; never changed.
 */
export type TraceKey = readonly [host: string, ...values: TraceValue[]];

/** Options of {@link traceShape}. */
export interface TraceShapeOptions {
  /** The payload fields (`bytes`, `data`, `hash`) follow the fields. */
  payload?: boolean;
  /**
   * The first field is text made of two values, `[before, between]`: a row
   * holds `a` and `b` for it and the event reads `before + a + between + b`.
   * A connection's socket label ("tcp 10.0.0.2:7000<-192.168.1.10:5000")
   * is kept as the two endpoint texts its other rows hold already: no
   * label string per connection.
   */
  label?: readonly [string, string];
  /**
   * The host and the first `keyed` fields come from one key shared by many
   * rows ({@link Trace.keyedRow}): a TCP end's segments all name the same
   * host, connection and endpoints, so each of their rows holds one slot for
   * them instead of four.
   */
  keyed?: number;
  /**
   * Which of the key's values each keyed field takes, counted from 1 after
   * the host (default: in order, `[1, 2, …]`). A TCP segment's delivery row
   * uses the receiving end's own key, in which the two endpoints stand the
   * other way round (`[1, 3, 2]`): one key per end serves both its sends and
   * the deliveries to it.
   */
  keyOrder?: readonly number[];
}

/**
 * Declares an event kind recorded with {@link Trace.row}: its fields in the
 * order the event lists them, and, with `payload`, the payload fields
 * (`bytes`, `data`, `hash`) after them. At most {@link ROW_VALUES} values
 * (the payload counts as one, a `label` as two).
 */
export function traceShape(kind: string, fields: readonly string[], options: TraceShapeOptions = {}): TraceShape {
  const payload = options.payload ?? false;
  const label = options.label;
  const keyed = options.keyed ?? 0;
  if (label && fields.length === 0) throw new Error(`traceShape("${kind}"): a label needs a field to fill`);
  if (keyed && (label || keyed > fields.length)) throw new Error(`traceShape("${kind}"): keyed fields must be fields, without a label`);
  if (fields.length - keyed + (payload ? 1 : 0) + (label ? 1 : 0) > ROW_VALUES) throw new Error(`traceShape("${kind}"): at most ${ROW_VALUES} values a row`);
  const order = options.keyOrder;
  if (order && (order.length !== keyed || [...order].sort((a, b) => a - b).some((v, i) => v !== i + 1))) {
    throw new Error(`traceShape("${kind}"): keyOrder must order the ${keyed} keyed values (1 to ${keyed}, each once)`);
  }
  return new TraceShape(kind, [...fields], payload, label ? [label[0], label[1]] : undefined, keyed, order ? [...order] : undefined);
}

/** Payload rows of a trace whose fields are made at once (see `Trace.eagerLeft`). */
const EAGER_PAYLOADS = 64;

/** A variant of a shape whose rows hold no time (see {@link TraceShape.timed}). */
const VARIANT_UNTIMED = 1;
/** A variant of a shape whose rows hold no payload fields (see {@link TraceShape.ownPayload}). */
const VARIANT_SHARED_PAYLOAD = 2;

/** A value of a row: a trace value, or undefined for a field the event leaves out, or a payload. */
type RowValue = TraceValue | undefined;

/** Values a row holds after its shape, host and time. */
const ROW_VALUES = 6;
/**
 * Slots the widest row takes: shape (or null for a whole event), host, time,
 * values. A row takes only the slots of its shape; a chunk is left for the
 * next one when fewer than this many slots are free.
 */
const ROW = 3 + ROW_VALUES;
/** Slots a whole event's row takes: null, the event. */
const WHOLE = 2;
/**
 * Rows the first chunk holds; each next chunk holds twice as many, up to
 * {@link MAX_CHUNK_ROWS}. Chunks are never grown or copied: a full one is
 * kept and a new one started (a short simulation allocates little).
 */
const FIRST_CHUNK_ROWS = 32;
/**
 * 1,024 rows of 9 slots is 72 KiB: under V8's largest ordinary object
 * (128 KiB). A larger chunk goes to V8's large-object space, which maps
 * fresh memory for each one and unmaps it when collected; in an echo that
 * made the chunk allocations ~10–15 % of the run (see docs/performance.md).
 */
const MAX_CHUNK_ROWS = 1024;

/**
 * The event of the row of `shape` at slot `i` of chunk `c`, numbered `seq`,
 * at time `t` (the fields `make` gives it, in its order). `t` is the row's
 * own for a timed shape, else the time of the row before; `pl` the row's
 * payload fields, its own or those of the last row with a payload.
 */
function rowEvent(shape: TraceShape, c: readonly RowValue[], i: number, seq: number, t: number, pl: TracePayload | undefined): TraceEvent {
  const fields = shape.fields;
  const nf = fields.length;
  let f = 0;
  let at = shape.timed ? i + 3 : i + 2;
  const keyed = shape.keyed;
  let e: TraceEvent;
  if (keyed === 0) e = { seq, t, kind: shape.kind, host: c[i + 1] as string };
  else {
    // The host and the first fields come from the row's key (see Trace.keyedRow).
    const key = c[i + 1] as unknown as TraceKey;
    const slots = shape.keySlots;
    e = { seq, t, kind: shape.kind, host: key[0] };
    for (; f < keyed; f++) {
      const v = key[slots === undefined ? f + 1 : slots[f]!];
      if (v !== undefined) e[fields[f]!] = v;
    }
  }
  const label = shape.label;
  if (label !== undefined) {
    e[fields[0]!] = `${label[0]}${c[at] as string}${label[1]}${c[at + 1] as string}`;
    f = 1;
    at += 2;
  }
  for (; f < nf; f++, at++) {
    const v = c[at];
    if (v !== undefined) e[fields[f]!] = v;
  }
  if (pl !== undefined) {
    e.bytes = pl.bytes;
    e.data = pl.data;
    e.hash = pl.hash;
  }
  return e;
}

/** Records the events of one simulation in order. */
export class Trace {
  private readonly payloadLimit: number;
  /**
   * Recorded events, as rows of at most {@link ROW} slots in chunks. A row is
   * a shaped event (shape, host, t, values; a payload as its shared fields) or
   * a whole event (null, the event). Rows cost no object each; `events` makes
   * the objects on demand, and drops each chunk once all its rows are made.
   */
  private readonly chunks: (RowValue[] | undefined)[] = emptyArray();
  /** The chunk rows are written to, and its next free slot. */
  private chunk: RowValue[] = emptyArray();
  private slot = 0;
  /** Where {@link make} goes on: the chunk and slot of the first row not made. */
  private readChunk = 0;
  private readSlot = 0;
  /** The time of the last row (not a whole event) before the first row not made: an untimed row's time. */
  private readT = 0;
  /** The time of the last row written, whole events aside (see {@link TraceShape.timed}). */
  private lastT = NaN;
  /**
   * The payload of the last row written with a payload (see
   * {@link TraceShape.ownPayload}): its bytes, or the fields it was given.
   */
  private lastRowBytes: ByteString | undefined;
  private lastRowPayload: Readonly<TracePayload> | undefined;
  /** The payload bytes the rows keep (see {@link keepPayload}). */
  private readonly payloads: TracePayloads;
  /**
   * Payloads still to be kept as their fields, made at once, before rows
   * keep bytes in {@link payloads}: a short simulation (a fuzz scenario)
   * allocates no arena, which cost such a scenario more than the fields did.
   */
  private eagerLeft = EAGER_PAYLOADS;
  /** The payload fields of the last row with a payload before the first row not made. */
  private readPayload: TracePayload | undefined;
  /** Events recorded. */
  private n = 0;
  /** The events made so far from the rows, in order (`events` adds the rest). */
  private readonly made: TraceEvent[] = emptyArray();
  /**
   * What is running now, for events that name their cause (`song.set`):
   * e.g. "socket_message#12" (the callback recorded as event 12). Undefined:
   * the test's own code.
   */
  get cause(): string | undefined {
    if (this.causeName !== undefined) {
      this._cause = `${this.causeName}#${this.causeSeq}`;
      this.causeName = undefined;
    }
    return this._cause;
  }
  set cause(v: string | undefined) {
    // A callback's cause not read yet is made into its string only to compare with another string.
    const changed = this.causeName !== undefined ? v === undefined || v !== this.cause : v !== this._cause;
    if (changed) for (const l of this.causeListeners) l();
    this._cause = v;
    this.causeName = undefined;
  }
  private _cause: string | undefined;
  /** A cause set by {@link setCallbackCause} and not read yet: its name and event number. */
  private causeName: string | undefined;
  private causeSeq = 0;

  /**
   * Sets {@link cause} to a callback's `"name#seq"` (the callback recorded as
   * event `seq`), made into a string only if something reads it.
   */
  setCallbackCause(name: string, seq: number): void {
    // A callback's event number is its own, so this is a change unless the same callback's cause is set again.
    const same = this.causeName !== undefined ? this.causeName === name && this.causeSeq === seq : this._cause !== undefined && this._cause === `${name}#${seq}`;
    if (!same) for (const l of this.causeListeners) l();
    this._cause = undefined;
    this.causeName = name;
    this.causeSeq = seq;
  }
  /** Run just before `cause` changes: summaries of what the previous cause did (e.g. `song.lines`). */
  readonly causeListeners: (() => void)[] = emptyArray();
  /** Set while recording is suspended (for benchmarks of the bare network). */
  enabled = true;
  private readonly listeners: ((e: TraceEvent) => void)[] = emptyArray();
  /** The last payload and its fields (see {@link payload}). */
  private lastPayload: ByteString | undefined;
  private lastFields: Readonly<TracePayload> | undefined;

  /** The last few "addr:port" strings (see {@link endpoint}), replaced round-robin. */
  private readonly epAddr: string[] = arrayOf("", "", "", "");
  private readonly epPort: number[] = arrayOf(-1, -1, -1, -1);
  private readonly epText: string[] = arrayOf("", "", "", "");
  private epNext = 0;

  constructor(
    private readonly now: () => number,
    options: TraceOptions = {},
  ) {
    this.payloadLimit = options.payloadLimit ?? 4096;
    this.payloads = new TracePayloads(this.payloadLimit);
  }

  /**
   * Every event recorded so far, in order. The same array every time: it
   * grows as events are recorded and it is read again.
   */
  get events(): TraceEvent[] {
    if (this.made.length < this.n) this.make();
    return this.made;
  }

  /** How many events have been recorded (without making them: cheaper than `events.length`). */
  get count(): number {
    return this.n;
  }

  /**
   * The events of the given kinds, in order, equal to those `events` lists
   * (same `seq`, fields and field order), without making the events of the
   * other kinds. Events already made are returned as they are; the others
   * are made for this call only (not kept, so `events` later makes its own
   * objects). For checks that read a few kinds of a trace once.
   */
  eventsOf(kinds: ReadonlySet<string>): TraceEvent[] {
    const out: TraceEvent[] = [];
    const made = this.made;
    for (let k = 0; k < made.length; k++) if (kinds.has(made[k]!.kind)) out.push(made[k]!);
    if (made.length === this.n) return out;
    let ci = this.readChunk;
    let i = this.readSlot;
    let t = this.readT;
    let pl = this.readPayload;
    let c = this.chunks[ci]!;
    for (let k = made.length; k < this.n; k++) {
      // The writer's rule (as in make): a row starts a new chunk when fewer than ROW slots are free.
      if (i + ROW > c.length) {
        c = this.chunks[++ci]!;
        i = 0;
      }
      const shape = c[i] as unknown as TraceShape | null;
      if (shape === null) {
        const whole = c[i + 1] as unknown as TraceEvent;
        if (kinds.has(whole.kind)) out.push(whole);
        i += WHOLE;
        continue;
      }
      if (shape.timed) t = c[i + 2] as number;
      if (shape.ownPayload) pl = this.rowPayload(c[i + shape.width - 1]);
      if (kinds.has(shape.kind)) out.push(rowEvent(shape, c, i, k + 1, t, shape.payload ? pl : undefined));
      i += shape.width;
    }
    return out;
  }

  /** Appends an event and returns it. */
  record(kind: string, host: string, fields: Record<string, TraceValue> = {}): TraceEvent | undefined {
    if (!this.enabled) return undefined;
    const e: TraceEvent = { seq: this.n + 1, t: this.now(), kind, host, ...fields };
    this.whole(e);
    return e;
  }

  /**
   * Appends an event of a declared shape as a row: its values in the shape's
   * field order (undefined leaves a field out), then its payload bytes if
   * the shape has one. No object is made until `events` is read. Does
   * nothing while recording is off.
   */
  row(shape: TraceShape, host: string, v0?: RowValue, v1?: RowValue, v2?: RowValue, v3?: RowValue, v4?: RowValue, v5?: RowValue): void {
    if (!this.enabled) return;
    const i = this.room();
    const c = this.chunk;
    c[i + 1] = host;
    const now = this.now();
    // A row at the time of the row before holds no time (one slot less to keep). Object.is: -0 is not 0.
    const timed = !Object.is(now, this.lastT);
    let at = i + 2;
    if (timed) c[at++] = now;
    c[at] = v0;
    c[at + 1] = v1;
    c[at + 2] = v2;
    c[at + 3] = v3;
    c[at + 4] = v4;
    c[at + 5] = v5;
    const variant = (timed ? 0 : VARIANT_UNTIMED) | (shape.payload ? this.keepPayload(shape, c, at + shape.values) : 0);
    if (timed) this.lastT = now; // after keepPayload, which may refuse the row
    this.put(shape, c, i, variant);
  }

  /**
   * {@link row} of a shape declared `keyed`: `key` holds the host and the
   * first fields; `v0`… are the fields after them (then the payload).
   */
  keyedRow(shape: TraceShape, key: TraceKey, v0?: RowValue, v1?: RowValue, v2?: RowValue): void {
    // The same row, the key in the host's slot (rowEvent reads it by the shape's `keyed`); a wider keyed
    // shape's values past v2 are left out, as row() leaves out what it is not given.
    this.row(shape, key as unknown as string, v0, v1, v2);
  }

  /**
   * A row keeps its payload's place in {@link payloads} (its length, hash
   * and cut bytes, copied now; for the first {@link EAGER_PAYLOADS}
   * payloads of a trace, their fields, made now), not the payload: a
   * payload may be a slice of a much longer string (a receive buffer),
   * which keeping it would keep whole. Fields kept as a place are made with
   * the row's event. A payload that is the last payload row's (the same
   * bytes, or the same fields) is not kept again: returns the variant bit
   * then. Fields given by the caller (from {@link payload}) are kept as they
   * are, and so are those of a payload with a char that is not a byte.
   */
  private keepPayload(shape: TraceShape, c: RowValue[], at: number): number {
    const b = c[at];
    if (typeof b === "string") {
      if (b === this.lastRowBytes) {
        c[at] = undefined;
        return VARIANT_SHARED_PAYLOAD;
      }
      let place = -1;
      if (this.eagerLeft > 0) this.eagerLeft--;
      else if (this.payloads.usable) {
        place = this.payloads.keep(b);
        // The last payload whose fields were made is let go, as a new one would replace it: it may be a slice
        // of a much longer string.
        this.lastPayload = undefined;
        this.lastFields = undefined;
      }
      c[at] = place >= 0 ? place : (this.payload(b) as unknown as RowValue);
      this.lastRowBytes = b;
      this.lastRowPayload = undefined;
      return 0;
    }
    if (typeof b !== "object" || b === null) {
      throw new TypeError(
        `Trace.row: an event of kind "${shape.kind}" has a payload; give its bytes (or its payload fields from Trace.payload) as the value after its fields`,
      );
    }
    const pl = b as unknown as Readonly<TracePayload>;
    if (pl === this.lastRowPayload) {
      c[at] = undefined;
      return VARIANT_SHARED_PAYLOAD;
    }
    c[at] = pl as unknown as RowValue;
    this.lastRowPayload = pl;
    this.lastRowBytes = undefined;
    return 0;
  }

  /** The payload fields a row holds: made from their place in {@link payloads}, or the fields themselves. */
  private rowPayload(v: RowValue): TracePayload {
    return typeof v === "number" ? this.payloads.fields(v, PayloadFields) : (v as unknown as TracePayload);
  }

  /** Ends the row being written at slot `i` of `c`: its shape's variant, the next free slot, the count, the listeners. */
  private put(shape: TraceShape, c: RowValue[], i: number, variant: number): void {
    const s = shape.variants[variant]!;
    c[i] = s as unknown as RowValue;
    this.slot = i + s.width;
    this.n++;
    if (this.listeners.length > 0) this.tell();
  }

  /**
   * The first slot of the next row in {@link chunk}: a new chunk (twice the
   * rows of the last, up to {@link MAX_CHUNK_ROWS}) when fewer than ROW
   * slots are free.
   */
  private room(): number {
    const full = this.chunk.length;
    if (this.slot + ROW <= full) return this.slot;
    const rows = full === 0 ? FIRST_CHUNK_ROWS : Math.min(MAX_CHUNK_ROWS, (full / ROW) * 2);
    this.chunk = new Array<RowValue>(rows * ROW);
    this.chunks.push(this.chunk);
    this.slot = 0;
    return 0;
  }

  /** Stores a whole event as a row, and tells the listeners. */
  private whole(e: TraceEvent): void {
    const i = this.room();
    const c = this.chunk;
    c[i] = null;
    c[i + 1] = e as unknown as RowValue;
    this.slot = i + WHOLE;
    this.n++;
    if (this.listeners.length > 0) this.tell();
  }

  /** Makes the newest event and gives it to every listener. */
  private tell(): void {
    const events = this.events;
    const e = events[events.length - 1]!;
    for (const l of this.listeners) l(e);
  }

  /** Makes the events of the rows not made yet. */
  private make(): void {
    const made = this.made;
    let ci = this.readChunk;
    let i = this.readSlot;
    let t = this.readT;
    let pl = this.readPayload;
    let c = this.chunks[ci]!;
    for (let k = made.length; k < this.n; k++) {
      // The writer's rule: a row starts a new chunk when fewer than ROW slots are free.
      if (i + ROW > c.length) {
        // Every row of that chunk has been made: only the events are kept from now on.
        this.chunks[ci] = undefined;
        c = this.chunks[++ci]!;
        i = 0;
      }
      const shape = c[i] as unknown as TraceShape | null;
      if (shape === null) {
        made.push(c[i + 1] as unknown as TraceEvent);
        i += WHOLE;
        continue;
      }
      if (shape.timed) t = c[i + 2] as number;
      if (shape.ownPayload) pl = this.rowPayload(c[i + shape.width - 1]);
      const e = rowEvent(shape, c, i, k + 1, t, shape.payload ? pl : undefined);
      made.push(e);
      i += shape.width;
    }
    this.readChunk = ci;
    this.readSlot = i;
    this.readT = t;
    this.readPayload = pl;
  }

  /**
   * Payload fields for an event: byte length, escaped (possibly cut) data and
   * a hash. The result is shared between calls with the same bytes (one
   * message is recorded at send, delivery, callback and receive): spread it,
   * do not change it.
   */
  payload(b: ByteString): Readonly<TracePayload> {
    if (b === this.lastPayload && this.lastFields) return this.lastFields;
    const fields = new PayloadFields(b.length, escapeBytes(b, this.payloadLimit), hashBytes(b));
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
