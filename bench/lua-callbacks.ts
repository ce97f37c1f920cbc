import { createSimulation } from "../src/index.js";
import { loadLuaTool } from "../src/tool/index.js";
import type { Benchmark, Row } from "./report.js";
import { inLoopIterations, LUA_LOOP, luaLoopRate, nsPerIteration } from "./lua-probe.js";
import { distinctPayloads, payload } from "./payloads.js";
import { roundSamples, summarize, type Summary, timeMs } from "./stats.js";

/**
 * Lua callback rate: a Lua tool serves TCP on the tool host; its notifier
 * (a table of plain functions) counts messages and bytes. A client on
 * another host sends MESSAGES messages back to back, each arriving as its
 * own socket_message; the figure is deliveries (or payload bytes) per second
 * of wall time from the first send until the last callback returned —
 * the network, the trace and the bridge into Lua included. The handler never
 * names its socket, so it gets nil there (docs/semantics.md, R25); one more
 * row measures a handler that keeps its socket, and so gets a fresh wrapper
 * of its connection each time, and one a different message each time (the
 * other rows send one string over and over).
 */
const MESSAGES = 10_000;
const REPS = 7;
const WARM_UP = 10;
const BEST_OF = 3;
const LARGE = 4096;

/** A rate summary times a constant (deliveries/s to bytes/s). */
const scaled = (s: Summary, k: number): Summary => ({ median: s.median * k, min: s.min * k, max: s.max * k, reps: s.reps });

/** The counting tool; with `names`, its handler also keeps its socket (so it gets Renoise's fresh wrapper each time). */
const toolSource = (names: boolean): string => `
count, bytes = 0, 0
local server, err = renoise.Socket.create_server(7000)
assert(server, err)
server:run({
  socket_message = function(socket, message)
    count = count + 1
    bytes = bytes + #message${names ? "\n    last = socket" : ""}
  end,
})
`;

async function once(size: number, trace: boolean, names = false, distinct = false): Promise<number> {
  const sim = createSimulation();
  const tool = await loadLuaTool(sim, { files: { "main.lua": toolSource(names) } });
  const phone = sim.addHost("phone");
  const [client, err] = phone.Socket.create_client(sim.host.address, 7000);
  if (!client) throw new Error(`lua-callbacks: connect failed: ${err}`);
  sim.runUntilIdle();
  sim.trace.enabled = trace;
  const data = payload(size);
  const many = distinct ? distinctPayloads(size, MESSAGES) : undefined;
  const ms = timeMs(() => {
    if (many) for (let i = 0; i < MESSAGES; i++) client.send(many[i]!);
    else for (let i = 0; i < MESSAGES; i++) client.send(data);
    sim.runUntilIdle();
  });
  const [count, bytes] = tool.vm.run("return count, bytes") as [number, number];
  tool.unload();
  sim.dispose();
  if (count !== MESSAGES || bytes !== MESSAGES * size) {
    throw new Error(`lua-callbacks: Lua saw ${String(count)} messages / ${String(bytes)} bytes, expected ${MESSAGES} / ${MESSAGES * size}`);
  }
  return (MESSAGES / ms) * 1000;
}

export const luaCallbacks: Benchmark = {
  name: "lua-callbacks",
  title: "7. Lua callback rate",
  async run() {
    // Warm-up: the first row measured after a single warm-up run came out below the same row measured
    // later in the process (155–218k vs 209–356k/s, load 9–14); after 10 it no longer did (344k vs 289k).
    // The three figures are measured in rounds, interleaved, each sample the best of BEST_OF runs (see rounds).
    // The plain Lua loop runs in the same rounds: the reference of the goal row (see lua-probe.ts).
    const r = await roundSamples(REPS, WARM_UP, {
      small: () => once(32, true),
      smallOff: () => once(32, false),
      named: () => once(32, true, true),
      distinct: () => once(32, true, false, true),
      large: () => once(LARGE, true),
      loop: luaLoopRate,
    }, { bestOf: BEST_OF });
    const small = { rate: summarize(r.small) };
    const smallOff = { rate: summarize(r.smallOff) };
    const named = { rate: summarize(r.named) };
    const distinct = { rate: summarize(r.distinct) };
    const large = { rate: summarize(r.large), bytes: scaled(summarize(r.large), LARGE) };
    const loop = { label: LUA_LOOP, value: nsPerIteration(summarize(r.loop)), unit: "ns/iteration" };
    const goal = (v: number): { text: string; met: boolean } => ({ text: "≥ 500,000/s", met: v >= 500_000 });
    const rows: Row[] = [
      {
        label: "socket_message into a Lua notifier, 32 B, trace on",
        unit: "deliveries/s",
        value: small.rate,
        reference: loop,
        ratio: summarize(inLoopIterations(r.small, r.loop)),
        ratioLabel: "cost in loop iterations",
        goal: goal(small.rate.median),
      },
      { label: "socket_message into a Lua notifier, 32 B, trace off", unit: "deliveries/s", value: smallOff.rate },
      {
        // The row above's handler never names its socket, so it gets nil there (docs/semantics.md R25); this one keeps it.
        label: "socket_message into a Lua notifier that keeps its socket (a fresh wrapper each), 32 B, trace on",
        unit: "deliveries/s",
        value: named.rate,
        reference: loop,
        ratio: summarize(inLoopIterations(r.named, r.loop)),
        ratioLabel: "cost in loop iterations",
      },
      {
        // The goal row sends one string 10,000 times, so the trace makes its payload's fields once (Trace.row); here
        // every message is new, as in real traffic, and the trace keeps each one's bytes.
        label: "socket_message into a Lua notifier, 32 B, a different message each time, trace on",
        unit: "deliveries/s",
        value: distinct.rate,
        reference: loop,
        ratio: summarize(inLoopIterations(r.distinct, r.loop)),
        ratioLabel: "cost in loop iterations",
      },
      { label: "payload through the bridge, 4 KiB messages, trace on", unit: "B/s", value: large.bytes },
      { label: "socket_message into a Lua notifier, 4 KiB, trace on", unit: "deliveries/s", value: large.rate },
    ];
    return rows;
  },
};
