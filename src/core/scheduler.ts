/** One scheduled piece of simulation work. */
export interface ScheduledEvent {
  /** Virtual time in ms at which the event runs. */
  time: number;
  /** Tie-breaker: order of scheduling. */
  seq: number;
  run: () => void;
  /** Set by {@link Scheduler.cancel}: the event stays in the heap and is skipped when popped. */
  cancelled: boolean;
  /** Set when the event was taken off the queue to run. */
  ran: boolean;
}

/**
 * The simulation's event queue: a binary min-heap ordered by (time, seq).
 * Events at the same virtual time run in the order they were scheduled.
 */
export class Scheduler {
  private heap: ScheduledEvent[] = [];
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
    return this.add({ time, seq: 0, run, cancelled: false, ran: false }, time);
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

  /** Time of the next live event, or Infinity. */
  peekTime(): number {
    this.dropCancelled();
    return this.heap.length ? this.heap[0]!.time : Infinity;
  }

  /** Removes and returns the next live event. */
  pop(): ScheduledEvent | undefined {
    this.dropCancelled();
    const ev = this.popRaw();
    if (ev) {
      ev.ran = true;
      this.live--;
    }
    return ev;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0]!.cancelled) this.popRaw();
  }

  private popRaw(): ScheduledEvent | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
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
    return top;
  }
}

function less(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
