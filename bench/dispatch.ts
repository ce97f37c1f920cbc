import { Scheduler } from "../src/core/scheduler.js";
import { createSimulation } from "../src/index.js";
import type { Benchmark, Row } from "./report.js";
import { paired, timeMs } from "./stats.js";

/**
 * Core dispatch: a steady queue of PENDING events; each callback counts and
 * schedules its successor after a pseudo-random delay, until EVENTS callbacks
 * ran. The same workload runs on a bare binary heap, on the simulation's
 * Scheduler driven by hand, and through the public path (`sim.schedule` +
 * `sim.runUntilIdle`).
 */
const EVENTS = 200_000;
const PENDING = 1024;
const REPS = 9;

/** How far apart events are: delays are uniform in 0..maxDelay ms. */
interface Workload {
  readonly name: string;
  readonly maxDelay: number;
}

/** Dense: ~130 events per virtual ms, so the clock rarely moves. */
const DENSE: Workload = { name: "delays 0–7 ms", maxDelay: 7 };
/** Sparse: nearly every event is at a new virtual ms, so the clock moves at almost every event. */
const SPARSE: Workload = { name: "delays 0–4095 ms", maxDelay: 4095 };

/** Deterministic delays (an LCG; the same sequence for every variant). */
function delays(w: Workload): () => number {
  let x = 12345;
  const mask = w.maxDelay;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 12) & mask;
  };
}

interface BareEvent {
  time: number;
  seq: number;
  fn: () => void;
}

/** The reference: a minimal (time, seq) binary heap and its pop-run loop. */
class BareHeap {
  private readonly h: BareEvent[] = [];
  private seq = 0;

  push(time: number, fn: () => void): void {
    const h = this.h;
    const ev: BareEvent = { time, seq: this.seq++, fn };
    let i = h.length;
    h.push(ev);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (parent.time < time || (parent.time === time && parent.seq < ev.seq)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = ev;
  }

  pop(): BareEvent | undefined {
    const h = this.h;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    const n = h.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n) {
        const a = h[r]!;
        const b = h[l]!;
        if (a.time < b.time || (a.time === b.time && a.seq < b.seq)) c = r;
      }
      const x = h[c]!;
      if (last.time < x.time || (last.time === x.time && last.seq < x.seq)) break;
      h[i] = x;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

function bare(w: Workload): number {
  const next = delays(w);
  const heap = new BareHeap();
  let now = 0;
  let ran = 0;
  let scheduled = 0;
  const step = (): void => {
    ran++;
    if (scheduled < EVENTS) {
      scheduled++;
      heap.push(now + next(), step);
    }
  };
  const ms = timeMs(() => {
    for (let i = 0; i < PENDING; i++, scheduled++) heap.push(next(), step);
    for (let ev = heap.pop(); ev; ev = heap.pop()) {
      now = ev.time;
      ev.fn();
    }
  });
  check(ran);
  return (ran / ms) * 1000;
}

function scheduler(w: Workload): number {
  const next = delays(w);
  const s = new Scheduler();
  let now = 0;
  let ran = 0;
  let scheduled = 0;
  const step = (): void => {
    ran++;
    if (scheduled < EVENTS) {
      scheduled++;
      s.schedule(now + next(), step);
    }
  };
  const ms = timeMs(() => {
    for (let i = 0; i < PENDING; i++, scheduled++) s.schedule(next(), step);
    for (let ev = s.pop(); ev; ev = s.pop()) {
      now = ev.time;
      ev.run();
    }
  });
  check(ran);
  return (ran / ms) * 1000;
}

function simulation(w: Workload): number {
  const next = delays(w);
  const sim = createSimulation();
  let ran = 0;
  let scheduled = 0;
  const step = (): void => {
    ran++;
    if (scheduled < EVENTS) {
      scheduled++;
      sim.schedule(next(), step);
    }
  };
  const ms = timeMs(() => {
    for (let i = 0; i < PENDING; i++, scheduled++) sim.schedule(next(), step);
    sim.runUntilIdle();
  });
  sim.dispose();
  check(ran);
  return (ran / ms) * 1000;
}

function check(ran: number): void {
  if (ran !== EVENTS) throw new Error(`dispatch: ran ${ran} callbacks, expected ${EVENTS}`);
}

export const dispatch: Benchmark = {
  name: "dispatch",
  title: "1. Core dispatch",
  async run() {
    const rows: Row[] = [];
    for (const w of [DENSE, SPARSE]) {
      const direct = await paired(REPS, 2, () => scheduler(w), () => bare(w));
      const full = await paired(REPS, 2, () => simulation(w), () => bare(w));
      rows.push(
        {
          label: `Scheduler alone, ${w.name}`,
          unit: "events/s",
          value: direct.value,
          reference: { label: "bare heap", value: direct.reference },
          ratio: direct.ratio,
        },
        {
          label: `sim.schedule + runUntilIdle, ${w.name}`,
          unit: "events/s",
          value: full.value,
          reference: { label: "bare heap", value: full.reference },
          ratio: full.ratio,
          goal: { text: "≥ 0.5× bare", met: full.ratio.median >= 0.5 },
        },
      );
    }
    return rows;
  },
};
