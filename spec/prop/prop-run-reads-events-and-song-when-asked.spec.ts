import { describe, expect, it } from "vitest";
import { runNotifierScenario, runScenario, type FuzzScenario } from "../../src/prop/index.js";

// A scenario run's `events` and `song` are read from its simulation when asked
// for (the trace is made, the song built, only then), they are listed in the
// run's own keys in their place, and a spread copies their values.
const scenario: FuzzScenario = {
  protocol: "tcp",
  seed: 3,
  peers: [{ steps: [{ op: "connect", gap: 0 }, { op: "send", gap: 1, data: "hi\n" }, { op: "close", gap: 2 }] }],
  splits: [],
  merges: [],
};
const start = (ctx: { Socket: { create_server(port: number): [{ run(n: object): void } | undefined, string | undefined] }; port: number }) => {
  const [server] = ctx.Socket.create_server(ctx.port);
  server!.run({ socket_message: () => undefined });
  return server;
};

describe("a scenario run", () => {
  it("reads events and the song from its simulation, in key order, and spreads them as values", () => {
    const run = runScenario(scenario, { start });
    expect(Object.keys(run)).toEqual(["scenario", "sim", "tool", "events", "calls", "received", "peers", "callbackErrors", "faulted", "song", "settled"]);
    expect(run.events).toBe(run.sim.events);
    expect(run.events.length).toBeGreaterThan(0);
    expect(run.song).toBe(run.sim.song);
    const copy = { ...run };
    expect(Object.getOwnPropertyDescriptor(copy, "events")?.value).toBe(run.sim.events);
    expect(Object.getOwnPropertyDescriptor(copy, "song")?.value).toBe(run.sim.song);
  });

  it("from runNotifierScenario lists notifier and server after the run's fields", () => {
    const { run } = runNotifierScenario(() => ({ socket_message: () => undefined }), scenario);
    expect(Object.keys(run)).toEqual(["scenario", "sim", "events", "calls", "received", "peers", "callbackErrors", "faulted", "song", "settled", "notifier", "server"]);
    expect(run.events).toBe(run.sim.events);
    expect(run.song).toBe(run.sim.song);
  });
});
