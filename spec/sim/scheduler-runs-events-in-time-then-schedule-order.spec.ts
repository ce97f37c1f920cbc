import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Scheduler, type ScheduledEvent } from "../../src/core/scheduler.js";

// The scheduler keeps events that come in time order in a first-in-first-out
// lane and the others in a heap. Whatever the mix, events must run exactly in
// (time, order of scheduling) order, cancelled ones never, and `size` must
// count what is left: the order of a simulation depends on it.
const SEED = 4242;

type Op = { op: "schedule"; time: number } | { op: "cancel"; pick: number } | { op: "pop" };

const ops = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant("schedule" as const), time: fc.integer({ min: 0, max: 20 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("pop" as const) }) },
  ),
  { maxLength: 300 },
);

/** Runs `list` on a scheduler and on a sorted reference list, checking every pop, `size` and `peekTime`. */
function runAgainstModel(list: Op[]): void {
  const s = new Scheduler();
  // The reference: every live event, kept sorted by (time, number).
  let model: { time: number; n: number; ev: ScheduledEvent }[] = [];
  const all: ScheduledEvent[] = [];
  let n = 0;
  let now = 0;
  const check = () => {
    expect(s.size).toBe(model.length);
    expect(s.peekTime()).toBe(model.length ? model[0]!.time : Infinity);
  };
  for (const o of list) {
    if (o.op === "schedule") {
      // Events are scheduled no earlier than the time of the last one run, as in a simulation.
      const time = now + o.time;
      const id = n++;
      const ev = s.schedule(time, () => void 0);
      all.push(ev);
      // After every live event at the same time or earlier (all were scheduled before it).
      let at = model.length;
      while (at > 0 && model[at - 1]!.time > time) at--;
      model.splice(at, 0, { time, n: id, ev });
    } else if (o.op === "cancel") {
      if (all.length === 0) continue;
      const ev = all[o.pick % all.length]!;
      s.cancel(ev);
      model = model.filter((m) => m.ev !== ev);
    } else {
      const ev = s.pop();
      const want = model.shift();
      expect(ev).toBe(want?.ev);
      if (ev) {
        expect(ev.ran).toBe(true);
        now = ev.time;
      }
    }
    check();
  }
  // Drain: the rest come out in order too.
  for (const m of model) expect(s.pop()).toBe(m.ev);
  expect(s.pop()).toBeUndefined();
  expect(s.size).toBe(0);
}

describe("Scheduler", () => {
  it(`runs events by time, then in the order they were scheduled, skipping cancelled ones (seed ${SEED})`, () => {
    fc.assert(fc.property(ops, runAgainstModel), { seed: SEED, numRuns: 400 });
  });

  it("keeps the order over a long in-order run (its lane compacted) with earlier events mixed in", () => {
    const list: Op[] = [];
    // Rising times (the lane) with every 7th event earlier (the heap), fewer pops than schedules, then a drain.
    for (let i = 0; i < 6000; i++) {
      list.push({ op: "schedule", time: i % 7 === 0 ? 0 : 1 + (i % 3) });
      if (i % 5 === 0) list.push({ op: "cancel", pick: i * 31 });
      if (i % 3 !== 0) list.push({ op: "pop" });
    }
    runAgainstModel(list);
  });
});
