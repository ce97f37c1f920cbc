import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawnAs, oneStep } from "../../src/prop/arbitraries/one-step.js";
import { payloads, scenarioArbitrary, type FuzzScenario, type FuzzScenarioOptions } from "../../src/prop/index.js";
import { comparable, shrinks, drawBoth } from "../support/fast-check-draws.js";

// scenarioArbitrary is drawn in one step (oneStep: fast-check's tuples, maps, arrays,
// oneof/option, constants and integers drawn without a Value per node): the same
// draws, values, contexts and shrinks as the fast-check tree it is made of, so seeds
// and replay paths stay what they were.
describe("scenarios draw in one step as fast-check draws them", () => {
  const setups: [string, FuzzScenarioOptions][] = [
    ["defaults", {}],
    ["the bench's", { minPeers: 3, maxPeers: 3, maxConnections: 1, maxSends: 5 }],
    ["udp and faults", { protocols: ["tcp", "udp"], faults: ["reset", "partition", "udp", "jitter", "server-error", "half-open", "close-by-peer"], payload: payloads.lines({ newline: "any" }) }],
    ["long arrays", { maxPeers: 6, maxConnections: 4, maxSends: 30, maxCuts: 8, waits: false, payload: payloads.httpRequest() }],
  ];

  it("draws with its own code, not the tree's", () => {
    for (const [, o] of setups) {
      const arb = scenarioArbitrary(o);
      expect(drawnAs(arb)).not.toBe(arb);
    }
  });

  it("gives the same values, contexts, draws and shrinks", () => {
    for (const [name, o] of setups) {
      const ours = scenarioArbitrary(o);
      const theirs = drawnAs(ours);
      for (let seed = 1; seed <= 60; seed++) {
        for (const bias of [undefined, 1, 2, 5, 20]) {
          const [va, vb, a, b] = drawBoth(ours, theirs, seed * 7877, bias);
          expect(va.value, name).toEqual(vb.value);
          expect(comparable(va.context), name).toEqual(comparable(vb.context));
          expect(a.nextInt(0, 0x7fffffff)).toBe(b.nextInt(0, 0x7fffffff));
          if (seed % 15 === 0) expect(shrinks(ours, va, 10)).toEqual(shrinks(theirs, vb, 10));
        }
      }
    }
  });

  it("draws other trees of the same parts alike (options, oneofs with depth, long arrays, records)", () => {
    const tree = fc.tuple(
      fc.option(fc.nat(9)),
      fc.option(fc.string(), { nil: undefined, freq: 3 }),
      fc.oneof(fc.constantFrom("a", "b", "c"), fc.integer(), fc.constant(null)),
      // One depth shared by the oneofs and the array (depthIdentifier): the inner oneof draws at depth 1 or more.
      fc.oneof(
        { depthSize: "small", maxDepth: 3, depthIdentifier: "shared" },
        fc.boolean(),
        fc.array(fc.oneof({ depthSize: "small", maxDepth: 3, depthIdentifier: "shared" }, fc.nat(), fc.constant(7)), { depthIdentifier: "shared", maxLength: 12 }),
      ),
      fc.array(fc.option(fc.boolean()), { maxLength: 40 }),
      fc.record({ a: fc.integer({ min: -50, max: 50 }), b: fc.constantFrom(1, 2) }),
      fc.noBias(fc.array(fc.nat(3), { minLength: 2, maxLength: 2 })),
    );
    const ours = oneStep(tree);
    for (let seed = 1; seed <= 200; seed++) {
      for (const bias of [undefined, 1, 3, 10]) {
        const [va, vb, a, b] = drawBoth(ours, tree, seed * 613, bias);
        expect(va.value).toEqual(vb.value);
        expect(comparable(va.context)).toEqual(comparable(vb.context));
        expect(a.nextInt(0, 0x7fffffff)).toBe(b.nextInt(0, 0x7fffffff));
        if (seed % 20 === 0) expect(shrinks(ours, va, 10)).toEqual(shrinks(tree, vb, 10));
      }
    }
  });

  it("shrinks a failure found by fc.check to the same counterexample", () => {
    const SEED = 20261130;
    console.log(`scenarios-draw-in-one-step-as-fast-check: seed ${SEED}`);
    const failing = (s: FuzzScenario): boolean => !(s.peers.length > 1 && s.peers.some((p) => p.steps.filter((x) => x.op === "send").length > 2));
    const ours = scenarioArbitrary({ protocols: ["tcp", "udp"] });
    const a = fc.check(fc.property(ours, failing), { seed: SEED, numRuns: 300 });
    const b = fc.check(fc.property(drawnAs(ours), failing), { seed: SEED, numRuns: 300 });
    expect(b.failed).toBe(true);
    expect(a.counterexample).toEqual(b.counterexample);
    expect(a.counterexamplePath).toBe(b.counterexamplePath);
    expect(a.numShrinks).toBe(b.numShrinks);
  });
});
