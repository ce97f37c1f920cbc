import { emptyArray } from "./site-free.js";

/** One scheduled piece of simulation work. */
export interface ScheduledEvent {
  /** Virtual time in ms at which the event runs. */
  time: number;
  /** Tie-breaker: order of scheduling. */
  seq: number;
  run: () => void;
  /** Set by {@link Scheduler.cancel}: the event stays queued and is skipped when its turn comes. */
  cancelled: boolean;
  /** Set when the event was taken off the queue to run. */
  ran: boolean;
}

/**
 * An event made by {@link Scheduler.schedule} around a function. A class,
 * not an object literal: V8 can decide that an object literal's objects are
 * long-lived (a world with thousands of pending events) and allocate that
 * literal's later objects straight into the old generation, where each,
 * holding its closure, would keep a short-lived world alive across
 * scavenges (see docs/performance.md, nineteenth round).
 */
class CallbackEvent implements ScheduledEvent {
  time = 0;
  seq = 0;
  cancelled = false;
  ran = false;
  constructor(readonly run: () => void) {}
}

/**
 * The simulation's event queue, ordered by (time, seq): events at the same
 * virtual time run in the order they were scheduled.
 *
 * Two queues make that order. Most events come in time order (with no
 * latency every event is "now"; a link's fixed latency keeps arrivals in
 * sending order), so an event no earlier than the last one queued goes to the
 * end of a first-in-first-out lane: O(1) in and out. Any other event goes to
 * a binary min-heap. `pop` takes whichever head comes first by (time, seq),
 * so the order is exactly that of one heap.
 */
export class Scheduler {
  private heap: ScheduledEvent[] = emptyArray();
  /** The in-order lane: `lane[head..tail)`, times never decreasing (slots past `tail` are stale or empty). */
  private lane: (ScheduledEvent | undefined)[] = emptyArray();
  private head = 0;
  private tail = 0;
  private nextSeq = 0;
  private live = 0;

  /** Number of events still to run (cancelled ones not counted). */
  get size(): number {
    return this.live;
  }

  /** Cancels an event that has not run yet; it is skipped when its turn comes. */
  cancel(ev: ScheduledEvent): void {
    if (ev.cancelled || ev.ran) return;
    ev.cancelled = true;
    this.live--;
  }

  schedule(time: number, run: () => void): ScheduledEvent {
    return this.add(new CallbackEvent(run), time);
  }

  /**
   * Schedules an event the caller made (e.g. an object whose `run` is a
   * method: one object per event instead of an event and a closure). Sets
   * its `time` and `seq`; it must be fresh (not cancelled, not run).
   */
  add<E extends ScheduledEvent>(ev: E, time: number): E {
    ev.time = time;
    ev.seq = this.nextSeq++;
    this.live++;
    // Its seq is the largest yet, so at a time no earlier than the lane's last it belongs at the lane's end.
    if (this.tail === this.head || this.lane[this.tail - 1]!.time <= time) {
      this.lane[this.tail++] = ev;
      return ev;
    }
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (!less(ev, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = ev;
    return ev;
  }

  /** Calls `fn` for every event still to run (not cancelled), in no particular order. */
  forEachPending(fn: (ev: ScheduledEvent) => void): void {
    for (let i = this.head; i < this.tail; i++) {
      const ev = this.lane[i]!;
      if (!ev.cancelled) fn(ev);
    }
    for (const ev of this.heap) if (!ev.cancelled) fn(ev);
  }

  /** Time of the next live event, or Infinity. */
  peekTime(): number {
    const ev = this.next();
    return ev === undefined ? Infinity : ev.time;
  }

  /** Removes and returns the next live event. */
  pop(): ScheduledEvent | undefined {
    const ev = this.next();
    if (ev === undefined) return undefined;
    if (ev === this.heap[0]) this.popHeap();
    else this.shiftLane();
    ev.ran = true;
    this.live--;
    return ev;
  }

  /** The next live event (dropping cancelled ones at both heads), not removed. */
  private next(): ScheduledEvent | undefined {
    const h = this.heap;
    while (h.length > 0 && h[0]!.cancelled) this.popHeap();
    while (this.head < this.tail && this.lane[this.head]!.cancelled) this.shiftLane();
    const a = this.head < this.tail ? this.lane[this.head] : undefined;
    const b = h.length > 0 ? h[0] : undefined;
    if (a === undefined) return b;
    if (b === undefined) return a;
    return less(b, a) ? b : a;
  }

  /** Takes the lane's first event off; an emptied lane starts again at 0 (its array kept). */
  private shiftLane(): void {
    const lane = this.lane;
    lane[this.head++] = undefined;
    if (this.head === this.tail) {
      this.head = this.tail = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.tail) {
      // Move the rest to the front so a lane that never empties does not grow without end.
      lane.copyWithin(0, this.head, this.tail);
      lane.fill(undefined, this.tail - this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
  }

  private popHeap(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(h[r]!, h[l]!) ? r : l;
      if (!less(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
  }
}

function less(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
