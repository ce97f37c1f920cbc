import { expect, it } from "vitest";
import { createSimulation, type Simulation } from "../../src/index.js";

/** Virtual arrival times of UDP datagrams sent from `from` to a UDP server on `to`. */
function arrivals(sim: Simulation, from: string, to: string, n: number): number[] {
  const host = sim.getHost(to);
  const [server] = host.Socket.create_server(9000, 2);
  const times: number[] = [];
  server!.run({ socket_message: () => void times.push(sim.now) });
  const [c] = sim.getHost(from).Socket.create_client(host.address, 9000, 2);
  for (let i = 0; i < n; i++) c!.send(`d${i}`);
  sim.runUntilIdle();
  server!.close();
  return times;
}

function world(seed = 1): Simulation {
  const sim = createSimulation({ seed });
  sim.addHost("phone");
  return sim;
}

it("applies a global fixed latency between hosts, and leaves loopback alone", () => {
  const sim = world();
  sim.conditions.latency({ fixed: 20 });
  expect(arrivals(sim, "phone", "renoise", 1)).toEqual([20]);
  expect(arrivals(sim, "renoise", "renoise", 1)).toEqual([20]);
  sim.conditions.latency(3, { loopback: true });
  const start = sim.now;
  expect(arrivals(sim, "renoise", "renoise", 1)).toEqual([start + 3]);
});

it("sets latency per direction, the most specific setting winning", () => {
  const sim = world();
  sim.conditions.latency(100);
  sim.conditions.latency(5, { from: "renoise", to: "phone" });
  sim.conditions.latency(40, { from: "phone", to: "renoise" });
  expect(arrivals(sim, "renoise", "phone", 1)).toEqual([5]);
  const t = sim.now;
  expect(arrivals(sim, "phone", "renoise", 1)).toEqual([t + 40]);
  const both = sim.conditions.latency(7, { between: ["renoise", "phone"] });
  const t2 = sim.now;
  expect(arrivals(sim, "phone", "renoise", 1)).toEqual([t2 + 7]);
  both.remove();
  const t3 = sim.now;
  expect(arrivals(sim, "phone", "renoise", 1)).toEqual([t3 + 40]);
});

it("adds seeded jitter: within bounds, varied, and the same for the same seed", () => {
  const run = (seed: number): number[] => {
    const sim = world(seed);
    sim.conditions.latency({ fixed: 20, jitter: { uniform: 10 } });
    return arrivals(sim, "phone", "renoise", 20);
  };
  const a = run(4);
  expect(a).toHaveLength(20);
  for (const t of a) expect(t >= 20 && t < 30).toBe(true);
  expect(new Set(a).size).toBeGreaterThan(5);
  expect(run(4)).toEqual(a);
  expect(run(5)).not.toEqual(a);
});

it("draws exponential and normal jitter without going below the fixed part", () => {
  for (const jitter of [{ exponential: 5 }, { normal: 5 }]) {
    const sim = world(2);
    sim.conditions.latency({ fixed: 10, jitter });
    const a = arrivals(sim, "phone", "renoise", 30);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(10);
    expect(new Set(a).size).toBeGreaterThan(10);
  }
});

it("shows each condition in the trace", () => {
  const sim = world();
  sim.conditions.latency({ fixed: 20, jitter: { uniform: 10 } }, { from: "renoise", to: "phone" });
  expect(sim.events.at(-1)).toMatchObject({
    kind: "condition",
    condition: "latency",
    link: "renoise -> phone",
    what: "fixed=20ms jitter=uniform(10ms)",
  });
  expect(() => sim.conditions.latency(5, { from: "renoise", to: "tablet" })).toThrow(/no host named "tablet"/);
});
