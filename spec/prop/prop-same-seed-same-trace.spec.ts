import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDeterminism, payloads, scenarioArbitrary } from "../../src/prop/index.js";
import { startRestlessEcho } from "../../fixtures/notifiers/restless-echo.js";

const SEED = 99;

// Determinism: the same scenario (and so the same simulation seed) gives a trace identical field for field.
describe("same seed, same trace", () => {
  it("replays every generated scenario identically", () => {
    console.log(`prop-same-seed-same-trace: seed ${SEED}`);
    fc.assert(
      fc.property(scenarioArbitrary({ protocols: ["tcp", "udp"], payload: payloads.lines({ newline: "any" }) }), (scenario) => {
        expect(checkDeterminism(scenario, { start: startRestlessEcho })).toEqual([]);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
