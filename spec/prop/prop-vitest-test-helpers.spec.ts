import fc from "fast-check";
import { describe, expect } from "vitest";
import { payloads, runScenario, scenarioArbitrary, tcpStreams } from "../../src/prop/index.js";
import { fuzzTest, propTest } from "../../src/vitest.js";
import { FixedLineRemote } from "../../fixtures/notifiers/line-remote.js";

// fuzzTest and propTest register ordinary vitest tests; the seed is printed with the test name.
describe("renoise-sim/vitest test helpers", () => {
  fuzzTest("fuzzTest: the fixed line remote executes every line", () => new FixedLineRemote(), {
    seed: 17,
    runs: 40,
    payload: payloads.lines(),
    invariants: [
      (run) => {
        const lines = tcpStreams(run.events).reduce((n, s) => n + (s.sent.match(/\n/g) ?? []).length, 0);
        expect(run.notifier.executed).toHaveLength(lines);
      },
    ],
  });

  propTest(
    "propTest: every scenario's peers send what the scenario says",
    [scenarioArbitrary({ protocols: ["tcp"], splits: false, merges: false }), fc.integer({ min: 1, max: 3 })],
    (scenario, latency) => {
      const run = runScenario(scenario, {
        latency,
        start: ({ Socket, port }) => Socket.create_server(port)[0]!.run({}),
      });
      const streams = tcpStreams(run.events);
      scenario.peers.forEach((p, i) => {
        const sent = streams.filter((s) => s.host === run.peers[i]).map((s) => s.sent).join("");
        const planned = p.steps.flatMap((s) => (s.op === "send" ? [s.data] : [])).join("");
        expect(sent).toBe(planned);
      });
    },
    { seed: 23, numRuns: 40 },
  );
});
