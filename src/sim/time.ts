import type * as FakeTimers from "@sinonjs/fake-timers";
import { lazyRequire } from "../core/node-require.js";
import { Scheduler } from "../core/scheduler.js";
import { SimulationUsageError } from "../core/errors.js";
import { emptyArray } from "../core/site-free.js";

/** The fake clock type of @sinonjs/fake-timers. */
export type FakeClock = FakeTimers.Clock;

/** @sinonjs/fake-timers, loaded when a simulation first needs a clock (see node-require.ts). */
const timers = lazyRequire<typeof FakeTimers>("@sinonjs/fake-timers");

/** Timer APIs faked when the clock is installed globally. */
const FAKED: FakeTimers.FakeMethod[] = [
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "Date",
];

/** The sub-ms part of `ms` in whole ns, as @sinonjs/fake-timers' tick takes it. */
function nanoRemainder(ms: number): number {
  const r = (ms * 1e6) % 1e6;
  return Math.floor(r < 0 ? r + 1e6 : r);
}

/** What the simulation reads of a pending fake timer. */
export interface TimerInfo {
  id: number;
  callAt: number;
  interval?: number;
  func?: unknown;
}

/** The first id @sinonjs/fake-timers gives a clock's timers (its `idCounterStart`). */
const FIRST_TIMER_ID = 1e12;
/** The longest delay the fake clock's setTimeout holds (2^31 − 1 ms); a longer one becomes 1 ms. */
const MAX_CLOCK_TIMEOUT = 0x7fffffff;

/**
 * A tool timer (see {@link VirtualTime.toolTimeout}): kept by VirtualTime
 * itself while no fake clock exists, or the fake clock's timer (`fake`) once
 * it does (then `callAt` is NaN: the clock keeps the due time).
 */
export interface ToolTimer extends TimerInfo {
  readonly func: () => void;
  /** The fake clock's handle, once the timer lives on the fake clock. */
  fake?: ReturnType<FakeClock["setTimeout"]>;
}

/** A tool timer as {@link VirtualTime.toolTimeout} makes it (a class instance: see site-free.ts). */
class ArmedTimer implements ToolTimer {
  constructor(
    readonly id: number,
    readonly callAt: number,
    readonly func: () => void,
    public fake?: ReturnType<FakeClock["setTimeout"]>,
  ) {}
}

/** Whether tool timer `a` fires before `b`: the fake clock's order (due time, then arming order, which is id order here). */
function before(a: TimerInfo, b: TimerInfo): boolean {
  return a.callAt < b.callAt || (a.callAt === b.callAt && a.id < b.id);
}

/** Removes nothing and runs nothing: a placeholder timer that only takes up an id (see VirtualTime.clock). */
function noop(): void {}
interface TimerHeapLike {
  peek(): TimerInfo | undefined;
}
interface ClockInternals {
  timerHeap?: TimerHeapLike;
  timers?: Map<number, TimerInfo> | Record<string, TimerInfo>;
  /** Microtasks queued on the clock (clock.nextTick / clock.queueMicrotask); tick runs them. */
  jobs?: unknown[];
  duringTick?: boolean;
}

/**
 * Virtual time: the network's event queue plus a @sinonjs/fake-timers clock
 * for the tool's own timers. The queue is the source of truth for `now`; the
 * fake clock follows it and may lag behind while a blocking call runs
 * (timers due during a blocking call fire after it returns, R20).
 */
export class VirtualTime {
  now = 0;
  readonly scheduler = new Scheduler();
  /**
   * The fake clock, made on first use unless installed globally: making one
   * (a Date class, Intl, timer tables) was a tenth of the cost of a fuzz
   * scenario's simulation, and a run without tool timers never needs it.
   * Until then there are no timers, so the clock would only have followed
   * virtual time: {@link clock} starts it exactly where a clock made with
   * the simulation would be (whole ms and sub-ms nanos, as its `tick` moves them).
   */
  #clock: FakeClock | undefined;
  /** Where the clock would be while it does not exist: its `now` (whole ms) and `nanos`. */
  #clockNow = 0;
  #clockNanos = 0;
  /**
   * Tool timers while the fake clock does not exist, in firing order. They
   * are what the clock's timers would be: the same ids (fake-timers numbers a
   * clock's timers from 1e12 in arming order), due times and order, so the
   * trace is the same either way; a tool's idle notifier re-arms 10 times a
   * virtual second, and fake-timers' setTimeout (a handle with five closures,
   * a Map entry, a heap) was most of the cost of its firing.
   */
  readonly #timers: ToolTimer[] = emptyArray();
  /** The id the clock would give its next timer. */
  #nextId = FIRST_TIMER_ID;
  /** The clock's `duringTick` while it does not exist: true while a tool timer fires. */
  #firing = false;
  private readonly uninstall: (() => void) | undefined;

  get clock(): FakeClock {
    if (this.#clock) return this.#clock;
    const clock = timers().withGlobal(globalThis).createClock(0, 1_000_000);
    this.#clock = clock;
    // A tick of (nanos + 0.5) / 1e6 ms adds exactly `nanos` (fake-timers floors the sub-ms part).
    if (this.#clockNow > 0) this.moveClock(this.#clockNow);
    if (this.#clockNanos > 0) clock.tick((this.#clockNanos + 0.5) / 1e6);
    this.moveTimersTo(clock);
    return clock;
  }

  /**
   * Hands the tool timers kept so far to a new clock, as if it had held them
   * from the start: every id armed so far is taken in order (a timer that
   * already fired or was stopped by a placeholder timer cleared at once), so
   * each pending timer gets its own id and the clock numbers the next one as
   * it would have. Costs one timer per arming so far, once per simulation.
   */
  private moveTimersTo(clock: FakeClock): void {
    const pending = [...this.#timers].sort((a, b) => a.id - b.id);
    this.#timers.length = 0;
    let k = 0;
    for (let id = FIRST_TIMER_ID; id < this.#nextId; id++) {
      const t = pending[k];
      if (t?.id === id) {
        t.fake = clock.setTimeout(t.func, t.callAt - clock.now);
        k++;
        if (Number(t.fake) !== id) throw new Error(`renoise-sim: internal error: tool timer ${id} became ${Number(t.fake)} on the fake clock`);
      } else {
        clock.clearTimeout(clock.setTimeout(noop, 0));
      }
    }
    (clock as unknown as ClockInternals).duringTick = this.#firing;
  }

  /**
   * Arms a tool timer: `fn` runs `delay` ms after the clock's now, exactly
   * as `clock.setTimeout(fn, delay)` would (its rounding of the delay
   * included), on the fake clock if it exists and kept here otherwise.
   */
  toolTimeout(fn: () => void, delay: number): ToolTimer {
    const clock = this.#clock;
    if (clock) {
      const fake = clock.setTimeout(fn, delay);
      // Its due time is the clock's to keep; this is only its handle.
      return new ArmedTimer(Number(fake), NaN, fn, fake);
    }
    // fake-timers' addTimer: a delay over its maximum is 1 ms, a negative one 0; then parseInt of its text (so 100.5 is 100).
    let d = Number.isFinite(delay) ? delay : 0;
    d = Math.max(0, d > MAX_CLOCK_TIMEOUT ? 1 : d);
    const timer = new ArmedTimer(
      this.#nextId++,
      // parseInt(String(d)) is d for a whole number (the idle notifier's 100 ms): no text made.
      this.#clockNow + ((Number.isSafeInteger(d) ? d : parseInt(String(d))) || (this.#firing ? 1 : 0)),
      fn,
    );
    const list = this.#timers;
    let i = list.length;
    while (i > 0 && before(timer, list[i - 1]!)) i--;
    list.splice(i, 0, timer);
    return timer;
  }

  /** Stops a tool timer (nothing if it fired or was stopped). */
  clearToolTimeout(timer: ToolTimer): void {
    if (timer.fake !== undefined) {
      this.#clock?.clearTimeout(timer.fake);
      return;
    }
    const i = this.#timers.indexOf(timer);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  /** The clock's now (whole ms), which lags behind virtual time while a late timer fires. */
  get clockNow(): number {
    return this.#clock ? this.#clock.now : this.#clockNow;
  }

  constructor(installGlobally: boolean) {
    if (installGlobally) {
      let clock: FakeClock;
      try {
        clock = timers().withGlobal(globalThis).install({ now: 0, toFake: FAKED, loopLimit: 1_000_000 });
      } catch (e) {
        throw new SimulationUsageError(
          "createSimulation: installClock failed because the global timers are already faked " +
            "(another simulation with installClock, or vi.useFakeTimers). dispose() that one first, " +
            "or leave installClock off and schedule on sim.clock.",
          { cause: e },
        );
      }
      this.#clock = clock;
      this.uninstall = () => clock.uninstall();
    } else {
      this.uninstall = undefined;
    }
  }

  /**
   * The tool's next timer, if any. Reads the clock's timer heap (an internal
   * of @sinonjs/fake-timers 15, checked by spec/timers-deferred-during-blocking-calls)
   * and falls back to scanning its timer map.
   */
  peekTimer(): TimerInfo | undefined {
    if (!this.#clock) return this.#timers[0];
    const c = this.#clock as unknown as ClockInternals;
    if (c.timerHeap) return c.timerHeap.peek();
    const timers = c.timers;
    if (!timers) return undefined;
    let first: TimerInfo | undefined;
    const values = timers instanceof Map ? [...timers.values()] : Object.values(timers);
    for (const t of values) if (!first || t.callAt < first.callAt || (t.callAt === first.callAt && t.id < first.id)) first = t;
    return first;
  }

  /** Virtual time of the tool's next timer, or Infinity. */
  nextTimer(): number {
    if (!this.#clock) return this.#timers.length > 0 ? this.#timers[0]!.callAt : Infinity;
    return this.peekTimer()?.callAt ?? Infinity;
  }

  /** Fires exactly the next timer (the clock moves to its due time first), as the clock's `next()` does. */
  fireNextTimer(): void {
    if (this.#clock) {
      this.#clock.next();
      return;
    }
    const timer = this.#timers.shift();
    if (timer === undefined) return;
    this.#firing = true;
    try {
      this.#clockNow = timer.callAt;
      timer.func();
    } finally {
      this.#firing = false;
      // The timer may have made the clock (sim.clock read from TypeScript): the clock's next() ends its tick.
      if (this.#clock) (this.#clock as unknown as ClockInternals).duringTick = false;
    }
  }

  /** Moves the fake clock to `t` if no timer is due before then (never fires a timer). */
  syncClock(t: number): void {
    if (!this.#clock) {
      // No clock: move where it would be, as moveClock and the clock's tick would (never past a tool timer).
      const lag = t - this.#clockNow;
      if (!(lag > 0) || this.nextTimer() <= t) return;
      if (Number.isInteger(lag)) {
        this.#clockNow += lag;
        return;
      }
      let nanos = this.#clockNanos + nanoRemainder(lag);
      let to = this.#clockNow + Math.floor(lag);
      if (nanos >= 1e6) {
        to += 1;
        nanos -= 1e6;
      }
      if (to < this.nextTimer()) {
        this.#clockNow = to;
        this.#clockNanos = nanos;
        return;
      }
      // The carried sub-ms nanos reach a tool timer's due time: the clock's tick fires
      // it (and what it arms within the tick) from inside; make the clock and let it.
    }
    const lag = t - this.clock.now;
    if (lag > 0 && this.nextTimer() > t) this.moveClock(lag);
  }

  /**
   * `clock.tick(lag)` when no timer is due within `lag`. For a whole number
   * of ms with no queued clock jobs, tick only adds `lag` to `now` and
   * leaves `duringTick` false (its sub-ms `nanos` stay as they are), so do
   * just that: this runs at every event that moves virtual time, and tick's
   * bookkeeping was the largest cost of dispatch (bench/dispatch.ts).
   */
  private moveClock(lag: number): void {
    const c = this.clock as unknown as ClockInternals;
    if (Number.isInteger(lag) && !c.jobs?.length) {
      this.clock.now += lag;
      c.duringTick = false;
    } else {
      this.clock.tick(lag);
    }
  }

  /** Number of pending tool timers. */
  timerCount(): number {
    return this.#clock ? this.#clock.countTimers() : this.#timers.length;
  }

  dispose(): void {
    this.#timers.length = 0;
    this.#clock?.reset();
    this.uninstall?.();
  }
}
