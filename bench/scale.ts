import { createSimulation, type Simulation, type SocketClient } from "../src/index.js";
import { simEchoServer, simRoundTrip } from "./echo.js";
import { heapAfterGc } from "./machine.js";
import type { Benchmark, Row, Unavailable } from "./report.js";
import { summarize, timeMs } from "./stats.js";

/**
 * Scale: N idle TCP connections from client hosts to one echo server.
 * Memory: heap after a full GC, before and after opening the N connections
 * (trace recording off while they open: the trace is history, not
 * connection state). Cost per event: with the N connections open and the
 * trace on, passes of echo round trips over connections picked with a
 * stride across all N (each pass the same ROUND_TRIPS connections), in
 * alternation with the same traffic in a 10-connection world built beside
 * it: that world's figure is the row's reference, and the ratio "vs 10" is
 * taken per pair.
 */
const SIZES = [10, 1_000, 10_000, 100_000];
/** A host has 16,384 ephemeral ports; stay well below. */
const PER_HOST = 10_000;
const ROUND_TRIPS = 5_000;
const REPS = 5;
const BEST_OF = 3;
/** Events per echo round trip: 2 data segments and 1 socket_message callback. */
const EVENTS_PER_ROUND_TRIP = 3;

interface World {
  sim: Simulation;
  clients: SocketClient[];
  bytesPerConnection: number;
}

function build(n: number): World {
  const sim = createSimulation();
  simEchoServer(sim.addHost("server"), 7000);
  const hosts = Array.from({ length: Math.ceil(n / PER_HOST) }, (_, i) => sim.addHost(`client${i}`));
  const clients: SocketClient[] = [];
  clients.length = 0;
  sim.trace.enabled = false;
  const before = heapAfterGc();
  for (let i = 0; i < n; i++) {
    const [c, err] = hosts[i % hosts.length]!.Socket.create_client("server", 7000);
    if (!c) throw new Error(`scale: connection ${i} failed: ${err}`);
    clients.push(c);
  }
  sim.runUntilIdle();
  const after = heapAfterGc();
  sim.trace.enabled = true;
  return { sim, clients, bytesPerConnection: (after - before) / n };
}

/** ns per event of echo traffic spread over all connections. */
function eventCost(w: World): number {
  const n = w.clients.length;
  // A stride coprime to n visits every connection before repeating one.
  let stride = Math.floor(n * 0.618) | 1;
  while (gcd(stride, n) !== 1) stride += 2;
  let k = 0;
  const ms = timeMs(() => {
    for (let i = 0; i < ROUND_TRIPS; i++) {
      k = (k + stride) % n;
      simRoundTrip(w.clients[k]!, "*all");
    }
  });
  return (ms * 1e6) / (ROUND_TRIPS * EVENTS_PER_ROUND_TRIP);
}

/**
 * One sample of `w` and of the 10-connection world `base`: BEST_OF runs of
 * each, interleaved (which goes first turns with `i`), each side's cheapest
 * kept (see RepOptions in stats.ts): both sides see the same machine, and
 * the ratio of the pair is the cost of the larger world.
 */
function costPair(w: World, base: World, i: number): [number, number] {
  let c = Infinity;
  let b = Infinity;
  for (let k = 0; k < BEST_OF; k++) {
    if ((i + k) % 2 === 0) {
      c = Math.min(c, eventCost(w));
      b = Math.min(b, eventCost(base));
    } else {
      b = Math.min(b, eventCost(base));
      c = Math.min(c, eventCost(w));
    }
  }
  return [c, b];
}

/** The cheapest of BEST_OF passes on `w` (see RepOptions in stats.ts). */
function bestCost(w: World): number {
  let c = Infinity;
  for (let k = 0; k < BEST_OF; k++) c = Math.min(c, eventCost(w));
  return c;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export const scale: Benchmark = {
  name: "scale",
  title: "5. Scale",
  // eslint-disable-next-line @typescript-eslint/require-await
  async run() {
    // Warm the code paths up once, so the smallest size is not measured cold.
    const warm = build(1_000);
    for (let i = 0; i < 3; i++) eventCost(warm);
    warm.sim.dispose();

    const rows: (Row | Unavailable)[] = [];
    for (const n of SIZES) {
      const reps = n >= 100_000 ? 2 : n >= 10_000 ? 3 : REPS;
      const mem: number[] = [];
      const cost: number[] = [];
      const ratio: number[] = [];
      const baseCost: number[] = [];
      const smallest = n === SIZES[0];
      for (let r = 0; r < reps; r++) {
        const w = build(n);
        mem.push(w.bytesPerConnection);
        eventCost(w); // warm-up on this world
        if (smallest) {
          // The smallest world has no reference: each sample is its best of BEST_OF passes.
          for (let i = 0, per = Math.ceil(REPS / reps); i < per; i++) cost.push(bestCost(w));
        } else {
          // The reference: a 10-connection world measured in alternation with this one (see costPair).
          const base = build(SIZES[0]!);
          eventCost(base);
          for (let i = 0, per = Math.ceil(REPS / reps); i < per; i++) {
            const [c, b] = costPair(w, base, i);
            cost.push(c);
            baseCost.push(b);
            ratio.push(c / b);
          }
          base.sim.dispose();
        }
        w.sim.dispose();
      }
      const count = n.toLocaleString("en-US");
      const costSummary = summarize(cost);
      const ratioSummary = smallest ? undefined : summarize(ratio);
      const memSummary = summarize(mem);
      if (n < 1_000) {
        rows.push({ label: `${count} connections: memory per idle connection`, unavailable: "too few to weigh (heap noise)" });
      } else {
        rows.push({
          label: `${count} connections: memory per idle connection`,
          unit: "B",
          value: memSummary,
          goal: { text: "< 1 KiB", met: memSummary.median < 1024 },
        });
      }
      rows.push({
        label: `${count} connections: cost per event (echo traffic, trace on)`,
        unit: "ns",
        value: costSummary,
        ...(ratioSummary
          ? {
              reference: { label: "10 connections, paired", value: summarize(baseCost) },
              ratio: ratioSummary,
              ratioLabel: "vs 10",
            }
          : {}),
        goal: n === SIZES[SIZES.length - 1] ? { text: "≤ 2× of 10 connections", met: ratioSummary!.median <= 2 } : undefined,
      });
    }
    return rows;
  },
};
