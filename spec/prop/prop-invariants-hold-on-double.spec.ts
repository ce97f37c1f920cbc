import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinInvariants, checkInvariants, payloads, runScenario, scenarioArbitrary } from "../../src/prop/index.js";
import { startRestlessEcho } from "../../fixtures/notifiers/restless-echo.js";

const SEED = 4_711;

// Every built-in invariant (R9, R12, R13, R14, R16, R17, R21, R22) over generated TCP and UDP
// scenarios against the double itself, with a tool that echoes, stops, re-runs and closes.
describe("built-in invariants hold on the double", () => {
  const traffic = fc.oneof(payloads.bytes(), payloads.lines({ newline: "any" }), payloads.httpRequest());

  it.each(["tcp", "udp"] as const)("%s scenarios keep every invariant", (protocol) => {
    console.log(`prop-invariants-hold-on-double (${protocol}): seed ${SEED}`);
    let callbacks = 0;
    fc.assert(
      fc.property(scenarioArbitrary({ protocols: [protocol], payload: traffic }), (scenario) => {
        const run = runScenario(scenario, { start: startRestlessEcho });
        callbacks += run.events.filter((e) => e.kind === "callback").length;
        expect(checkInvariants(run)).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
    // The runs must have exercised the server, not just connected.
    expect(callbacks).toBeGreaterThan(150);
  });

  it("names a semantics rule for every invariant", () => {
    for (const inv of builtinInvariants) expect(inv.rule).toMatch(/^R\d+$/);
    expect(new Set(builtinInvariants.map((i) => i.name)).size).toBe(builtinInvariants.length);
  });
});
