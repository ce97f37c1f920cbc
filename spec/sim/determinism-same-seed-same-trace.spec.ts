import { expect, it } from "vitest";
import { diffTraces, parseTraceJsonl } from "../../src/index.js";
import { mixedScenario } from "../support/mixed-scenario.js";

const SEEDS = 1000;
const FIRST = 1;
// A hang guard, not a speed check: the sweep takes seconds, but CI's second run (under
// async hooks, --detectAsyncLeaks) on a loaded machine has gone past the default 60 s.
const SWEEP_TIMEOUT = 300_000;

it(`replays ${SEEDS} seeds of a scenario with every fault kind byte for byte`, () => {
  console.log(`determinism: seeds ${FIRST}..${FIRST + SEEDS - 1}`);
  for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
    const a = mixedScenario(seed);
    const b = mixedScenario(seed);
    if (a !== b) {
      const d = diffTraces(parseTraceJsonl(a), parseTraceJsonl(b));
      expect.fail(`seed ${seed}: the replay differs at event ${d ? d.index + 1 : "?"}: ${JSON.stringify(d)}`);
    }
  }
}, SWEEP_TIMEOUT);

it("exercises every condition and fault kind in that scenario", () => {
  const events = parseTraceJsonl(mixedScenario(FIRST));
  const faults = new Set(events.filter((e) => e.kind === "fault").map((e) => e.fault));
  expect([...faults].sort()).toEqual(
    ["blackhole", "close", "crash", "cut-stream", "half-open", "hold", "partition", "reset", "rule", "server-error"].sort(),
  );
  const conditions = new Set(events.filter((e) => e.kind === "condition").map((e) => e.condition));
  expect([...conditions].sort()).toEqual(["bandwidth", "latency", "streamCut", "tcp", "udp"]);
  const kinds = new Set(events.map((e) => e.kind));
  for (const k of ["udp.deliver", "tcp.split", "packet.hold", "tcp.retransmit", "server.error", "tcp.reset-arrived"]) {
    expect(kinds.has(k), k).toBe(true);
  }
});
