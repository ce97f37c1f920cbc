import { describe, expect, it } from "vitest";
import { runEchoDemo } from "../support/echo-demo.js";

// Determinism: the same seed and scenario give a byte-identical trace; another seed changes it.
describe("determinism", () => {
  it("replays the demo byte for byte from its seed", () => {
    const seed = 424242;
    console.log(`determinism spec seed=${seed}`);
    const a = runEchoDemo(seed).traceJsonl();
    const b = runEchoDemo(seed).traceJsonl();
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(1000);
  });

  it("gives a different trace (ephemeral ports) for a different seed", () => {
    expect(runEchoDemo(1).traceJsonl()).not.toBe(runEchoDemo(2).traceJsonl());
  });

  it("does not depend on how many simulations ran before in the same process", () => {
    const first = runEchoDemo(9).traceJsonl();
    for (let i = 0; i < 5; i++) runEchoDemo(i);
    expect(runEchoDemo(9).traceJsonl()).toBe(first);
  });
});
