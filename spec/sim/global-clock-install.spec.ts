import { afterEach, describe, expect, it } from "vitest";
import { createSimulation, type Simulation } from "../../src/index.js";

// The fake clock can be installed globally so the tool's own setTimeout/Date run on virtual time.
describe("installClock", () => {
  let sim: Simulation | undefined;
  afterEach(() => sim?.dispose());

  it("runs the code under test's setTimeout and Date on virtual time, and dispose() restores them", () => {
    const realSetTimeout = globalThis.setTimeout;
    sim = createSimulation({ installClock: true });
    expect(globalThis.setTimeout).not.toBe(realSetTimeout);
    const seen: number[] = [];
    setTimeout(() => seen.push(Date.now()), 250);
    sim.advance(249);
    expect(seen).toEqual([]);
    sim.advance(1);
    expect(seen).toEqual([250]);
    sim.dispose();
    expect(globalThis.setTimeout).toBe(realSetTimeout);
    sim = undefined;
  });

  it("leaves globals alone by default; the clock is still there as sim.clock", () => {
    const realSetTimeout = globalThis.setTimeout;
    sim = createSimulation();
    expect(globalThis.setTimeout).toBe(realSetTimeout);
    let fired = false;
    sim.clock.setTimeout(() => (fired = true), 10);
    sim.advance(10);
    expect(fired).toBe(true);
  });
});
