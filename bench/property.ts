import type { SocketClient } from "../src/index.js";
import { fuzzNotifierDetails } from "../src/prop/index.js";
import type { Benchmark, Row, Unavailable } from "./report.js";
import { repeat, timeMs } from "./stats.js";

/**
 * Property throughput: scenarios per second of a small fuzzNotifier run —
 * 3 peers, one connection each, 1–5 messages per connection, default faults
 * (stream splits and merges), built-in invariants on — against an echo
 * notifier. The same seed every repetition, so every repetition runs the
 * same scenarios.
 */
const RUNS = 200;
const REPS = 7;
/** fast-check and the simulation take a few thousand scenarios to reach steady state. */
const WARMUP = 8;

function tsNotifier(): number {
  let result: ReturnType<typeof fuzzNotifierDetails> | undefined;
  const ms = timeMs(() => {
    result = fuzzNotifierDetails(
      () => ({
        socket_message(client: SocketClient, message: string) {
          if (client.is_open) client.send(message);
        },
      }),
      { seed: 1, runs: RUNS, minPeers: 3, maxPeers: 3, maxConnections: 1, maxSends: 5, log: false },
    );
  });
  if (!result?.ok) throw new Error(`property: the echo notifier failed: ${result?.failure?.reason ?? "no result"}`);
  return (RUNS / ms) * 1000;
}

export const property: Benchmark = {
  name: "property",
  title: "6. Property throughput",
  async run() {
    const ts = await repeat(REPS, WARMUP, tsNotifier);
    const rows: (Row | Unavailable)[] = [
      {
        label: "fuzzNotifier, TypeScript echo notifier (3 peers × 1–5 messages, warm)",
        unit: "scenarios/s",
        value: ts,
        goal: { text: "≥ 2,000/s", met: ts.median >= 2000 },
      },
      {
        label: "fuzzNotifier, Lua tool, fresh VM per run",
        unavailable: "not yet available: the Lua tool host (renoise.Socket inside Lua) has not landed; src/lua is the bare VM",
        goal: "≥ 200/s",
      },
    ];
    return rows;
  },
};
