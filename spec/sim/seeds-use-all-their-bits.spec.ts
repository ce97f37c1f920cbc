import { expect, it } from "vitest";
import { createSimulation, SimulationUsageError } from "../../src/index.js";

// Hardening (issue 12, item 7): a seed picks one world. Seeds that differ only
// above bit 32 (or in sign) give different worlds; seeds that are not exact
// integers are refused with a clear error.
function world(seed: number): string {
  const sim = createSimulation({ seed, latency: 1 });
  sim.conditions.latency({ fixed: 1, jitter: { uniform: 50 } });
  const [server] = sim.renoise.Socket.create_server(7000);
  server!.run({ socket_message: (c, m) => void c.send(m) });
  const phone = sim.addHost("phone");
  sim.spawn("phone", function* (peer) {
    for (let i = 0; i < 4; i++) {
      const [c] = yield* peer.connect("192.168.1.10", 7000);
      c!.send(`hello ${i}`);
      yield* peer.receive(c!, "*all", 200);
      c!.close();
    }
  });
  void phone;
  sim.runUntilIdle();
  return sim.traceJsonl();
}

it("seeds 2^32 apart give different worlds", () => {
  expect(world(4294967297)).not.toBe(world(1));
  expect(world(2 ** 40)).not.toBe(world(0));
});

it("a negative seed and its 32-bit wrap give different worlds", () => {
  expect(world(-1)).not.toBe(world(4294967295));
});

it("seeds below 2^32 keep the worlds they always had (same seed, same trace)", () => {
  expect(world(7)).toBe(world(7));
  expect(world(4294967297)).toBe(world(4294967297));
});

it.each([2 ** 53, -(2 ** 53), 1.5, Number.NaN])("refuses seed %s", (seed) => {
  expect(() => createSimulation({ seed })).toThrow(SimulationUsageError);
  expect(() => createSimulation({ seed })).toThrow(/seed must be an integer between -9007199254740991 and 9007199254740991/);
});
