import { createSimulation } from "../src/index.js";
import { realEcho, simEchoServer, simRoundTrip, PING } from "./echo.js";
import type { Benchmark, Row } from "./report.js";
import { paired, timeMs, timeMsAsync } from "./stats.js";

/**
 * TCP echo ping-pong: one client on the tool host, an echo server (replying
 * from socket_message) on another simulated host, zero latency, tracing on.
 * The reference is the same echo over real `node:net` on 127.0.0.1.
 */
const SIM_ROUND_TRIPS = 20_000;
const REAL_ROUND_TRIPS = 2_000;
const REPS = 9;
/** Each repetition keeps the best of this many interleaved runs per side (see RepOptions in stats.ts). */
const BEST_OF = 3;

function simulated(mode: "*all" | number, trace = true): number {
  const sim = createSimulation();
  sim.trace.enabled = trace;
  simEchoServer(sim.addHost("echo"), 7000);
  const [client, err] = sim.renoise.Socket.create_client("echo", 7000);
  if (!client) throw new Error(`tcp-echo: connect failed: ${err}`);
  const ms = timeMs(() => {
    for (let i = 0; i < SIM_ROUND_TRIPS; i++) simRoundTrip(client, mode);
  });
  sim.dispose();
  return (SIM_ROUND_TRIPS / ms) * 1000;
}

export const tcpEcho: Benchmark = {
  name: "tcp-echo",
  title: "2. TCP echo ping-pong",
  async run() {
    const real = await realEcho();
    const reference = async (): Promise<number> =>
      (REAL_ROUND_TRIPS / (await timeMsAsync(() => real.roundTrips(REAL_ROUND_TRIPS)))) * 1000;
    const rows: Row[] = [];
    try {
      for (const mode of ["*all", PING.length] as const) {
        const p = await paired(REPS, 3, () => simulated(mode), reference, { bestOf: BEST_OF });
        rows.push({
          label: `send + receive(${mode === "*all" ? '"*all"' : mode}, 1000)`,
          unit: "round trips/s",
          value: p.value,
          reference: { label: "node:net 127.0.0.1", value: p.reference },
          ratio: p.ratio,
          goal: { text: "≥ 8× (low end)", met: p.ratio.min >= 8 },
        });
      }
      // What the trace costs: the same echo with recording off (not a goal; the goal is with tracing on).
      const off = await paired(REPS, 1, () => simulated("*all", false), reference, { bestOf: BEST_OF });
      rows.push({
        label: 'send + receive("*all", 1000), trace off',
        unit: "round trips/s",
        value: off.value,
        reference: { label: "node:net 127.0.0.1", value: off.reference },
        ratio: off.ratio,
      });
    } finally {
      await real.close();
    }
    return rows;
  },
};
