import FakeTimers from "@sinonjs/fake-timers";
import { Scheduler } from "../core/scheduler.js";
import { SimulationUsageError } from "../core/errors.js";

/** The fake clock type of @sinonjs/fake-timers. */
export type FakeClock = FakeTimers.Clock;

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
  private readonly uninstall: (() => void) | undefined;

  get clock(): FakeClock {
    if (this.#clock) return this.#clock;
    const clock = FakeTimers.withGlobal(globalThis).createClock(0, 1_000_000);
    this.#clock = clock;
    // A tick of (nanos + 0.5) / 1e6 ms adds exactly `nanos` (fake-timers floors the sub-ms part).
    if (this.#clockNow > 0) this.moveClock(this.#clockNow);
    if (this.#clockNanos > 0) clock.tick((this.#clockNanos + 0.5) / 1e6);
    return clock;
  }

  constructor(installGlobally: boolean) {
    if (installGlobally) {
      let clock: FakeClock;
      try {
        clock = FakeTimers.withGlobal(globalThis).install({ now: 0, toFake: FAKED, loopLimit: 1_000_000 });
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
    if (!this.#clock) return undefined;
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
    return this.peekTimer()?.callAt ?? Infinity;
  }

  /** Fires exactly the next timer (the clock moves to its due time first). */
  fireNextTimer(): void {
    this.clock.next();
  }

  /** Moves the fake clock to `t` if no timer is due before then (never fires a timer). */
  syncClock(t: number): void {
    if (!this.#clock) {
      // No clock, so no timers: move where it would be, as moveClock and the clock's tick would.
      const lag = t - this.#clockNow;
      if (!(lag > 0)) return;
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
      this.#clockNow = to;
      this.#clockNanos = nanos;
      return;
    }
    const lag = t - this.#clock.now;
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
    return this.#clock ? this.#clock.countTimers() : 0;
  }

  dispose(): void {
    this.#clock?.reset();
    this.uninstall?.();
  }
}
