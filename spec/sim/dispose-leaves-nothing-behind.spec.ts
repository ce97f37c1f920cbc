import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// Hardening: after dispose() no fake timer is pending, no global fake clock stays installed,
// and another simulation in the same process is unaffected. (The async-leak check runs the
// core specs under vitest --detectAsyncLeaks: npm run test:leaks, also run by .ci/run.)
describe("dispose()", () => {
  it("clears pending timers and uninstalls the global clock; another simulation is unaffected", () => {
    const realSetTimeout = globalThis.setTimeout;
    const realDate = globalThis.Date;
    const a = createSimulation({ installClock: true, seed: 3 });
    const b = createSimulation({ seed: 3 });
    setTimeout(() => undefined, 1000);
    setInterval(() => undefined, 50);
    a.clock.setTimeout(() => undefined, 10);
    expect(a.pendingWork().timers).toBe(3);
    b.renoise.Socket.create_server(7000);
    a.dispose();
    expect(a.pendingWork().timers).toBe(0);
    expect(globalThis.setTimeout).toBe(realSetTimeout);
    expect(globalThis.Date).toBe(realDate);
    a.dispose(); // idempotent
    const [client, err] = b.renoise.Socket.create_client("localhost", 7000);
    expect(err).toBeUndefined();
    b.advance(100);
    expect(client!.is_open).toBe(true);
    expect(b.now).toBe(100);
  });

  it("refuses a second global install while one is active, with a message saying what to do", () => {
    const a = createSimulation({ installClock: true });
    try {
      expect(() => createSimulation({ installClock: true })).toThrow(/installClock/);
    } finally {
      a.dispose();
    }
    const c = createSimulation({ installClock: true });
    c.dispose();
  });

  it("unloading a Lua tool closes its sockets and its timers stop", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": [
          "local s = renoise.Socket.create_server(7100)",
          "s:run{}",
          "renoise.tool():add_timer(function() print('tick') end, 10)",
        ].join("\n"),
      },
    });
    sim.advance(35);
    expect(tool.printed).toEqual(["tick", "tick", "tick"]);
    tool.unload();
    sim.advance(100);
    expect(tool.printed).toHaveLength(3);
    // The port is free again.
    expect(sim.renoise.Socket.create_server(7100)[1]).toBeUndefined();
    expect(sim.pendingWork().timers).toBe(0);
  });
});
