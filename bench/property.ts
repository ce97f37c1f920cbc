import { createSimulation, type SocketClient } from "../src/index.js";
import { loadLuaTool } from "../src/tool/index.js";
import { fileURLToPath } from "node:url";
import { payloads } from "../src/prop/arbitraries/payloads.js";
import { fuzzToolDetails } from "../src/prop/fuzz/fuzz-tool.js";
import { fuzzNotifierDetails } from "../src/prop/index.js";
import type { Benchmark, Row, Unavailable } from "./report.js";
import { inLoopIterations, LUA_LOOP, luaLoopRate, nsPerIteration } from "./lua-probe.js";
import { repeat, roundSamples, summarize, timeMs } from "./stats.js";

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

/** An echo tool in Lua, as a fuzzed Lua tool would be. */
const LUA_ECHO = `
local server = assert(renoise.Socket.create_server(8000))
server:run({
  socket_message = function(socket, message)
    if socket.is_open then socket:send(message) end
  end,
})
`;

/**
 * What every Lua run would pay before its scenario starts: a simulation, a
 * fresh Lua VM (its own wasm instance) and the tool loaded into it, then
 * unloaded. An upper bound on Lua scenarios per second.
 */
async function luaLoads(): Promise<number> {
  const n = 20;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": LUA_ECHO } });
    tool.unload();
    sim.dispose();
  }
  return (n / (performance.now() - t0)) * 1000;
}

const LINE_SERVER = fileURLToPath(new URL("../fixtures/tools/line-server", import.meta.url));
const TOOL_RUNS = 40;

/**
 * The async fuzz path of Lua tools (`fuzzToolDetails`, what `renoise-sim
 * fuzz` runs): every scenario loads fixtures/tools/line-server into a fresh
 * simulation with a fresh Lua VM, plays 3 peers × 1–5 lines on port 7000,
 * checks the built-in invariants and unloads the tool.
 */
async function luaFuzz(): Promise<number> {
  const t0 = performance.now();
  const result = await fuzzToolDetails(
    async (ctx) => {
      const tool = await loadLuaTool(ctx.sim, { dir: LINE_SERVER });
      return { dispose: () => tool.unload() };
    },
    {
      seed: 1,
      runs: TOOL_RUNS,
      port: 7000,
      protocols: ["tcp"],
      payload: payloads.lines(),
      minPeers: 3,
      maxPeers: 3,
      maxConnections: 1,
      maxSends: 5,
    },
  );
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`property: the line server failed: ${result.failure.reason}`);
  return (TOOL_RUNS / ms) * 1000;
}

export const property: Benchmark = {
  name: "property",
  title: "6. Property throughput",
  async run() {
    // Each repetition: the best of 3 runs (see RepOptions in stats.ts).
    const ts = await repeat(REPS, WARMUP, tsNotifier, { bestOf: 3 });
    // The plain Lua loop runs in the same rounds as the Lua fuzz: its reference (see lua-probe.ts).
    const luaRounds = await roundSamples(REPS, 1, { fuzz: luaFuzz, loop: luaLoopRate }, { bestOf: 3 });
    const lua = summarize(luaRounds.fuzz);
    const rows: (Row | Unavailable)[] = [
      {
        label: "fuzzNotifier, TypeScript echo notifier (3 peers × 1–5 messages, warm)",
        unit: "scenarios/s",
        value: ts,
        goal: { text: "≥ 3,000/s (low end)", met: ts.min >= 3000 },
      },
      {
        label: "fuzzToolDetails, Lua line-server, fresh VM per run (3 peers × 1–5 lines)",
        unit: "scenarios/s",
        value: lua,
        reference: { label: LUA_LOOP, value: nsPerIteration(summarize(luaRounds.loop)), unit: "ns/iteration" },
        ratio: summarize(inLoopIterations(luaRounds.fuzz, luaRounds.loop)),
        ratioLabel: "cost in loop iterations",
        goal: { text: "≥ 300/s", met: lua.median >= 300 },
      },
      {
        label: "Lua tool bound: new simulation + fresh Lua VM + loadLuaTool + unload",
        unit: "runs/s",
        value: await repeat(REPS, 1, luaLoads),
      },
    ];
    return rows;
  },
};
