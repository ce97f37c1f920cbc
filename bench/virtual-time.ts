import { createSimulation } from "../src/index.js";
import { simEchoServer, simRoundTrip } from "./echo.js";
import type { Benchmark } from "./report.js";
import { summarize, timeMs } from "./stats.js";

/**
 * Virtual time is free: 1,000 echo round trips at 20 ms one-way latency
 * (40 s of virtual time) — the connect included — take how much wall time?
 */
const ROUND_TRIPS = 1_000;
const LATENCY = 20;
const REPS = 9;

function once(): { wallMs: number; virtualMs: number } {
  const sim = createSimulation({ latency: LATENCY });
  simEchoServer(sim.addHost("echo"), 7000);
  let virtualMs = 0;
  const wallMs = timeMs(() => {
    const [client, err] = sim.renoise.Socket.create_client("echo", 7000);
    if (!client) throw new Error(`virtual-time: connect failed: ${err}`);
    for (let i = 0; i < ROUND_TRIPS; i++) simRoundTrip(client, "*all");
    virtualMs = sim.now;
  });
  sim.dispose();
  const expected = (ROUND_TRIPS + 1) * 2 * LATENCY;
  if (virtualMs !== expected) throw new Error(`virtual-time: ended at ${virtualMs} ms, expected ${expected} ms`);
  return { wallMs, virtualMs };
}

export const virtualTime: Benchmark = {
  name: "virtual-time",
  title: "4. Virtual time is free",
  // eslint-disable-next-line @typescript-eslint/require-await
  async run() {
    for (let i = 0; i < 2; i++) once();
    const runs = Array.from({ length: REPS }, once);
    const wall = summarize(runs.map((r) => r.wallMs));
    const ratio = summarize(runs.map((r) => r.virtualMs / r.wallMs));
    return [
      {
        label: `${ROUND_TRIPS} round trips at ${LATENCY} ms latency (${runs[0]!.virtualMs / 1000} s virtual)`,
        unit: "ms wall",
        value: wall,
        ratio,
        ratioLabel: "virtual/wall",
        goal: { text: "well under 1 s wall (< 100 ms)", met: wall.median < 100 },
      },
    ];
  },
};
