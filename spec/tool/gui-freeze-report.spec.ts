import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, ok, SimulationLimitError } from "../../src/index.js";

// Renoise's UI freezes while a tool blocks in receive, create_client or server:wait.
// Every simulation reports the virtual ms the tool host's GUI thread was blocked, in total
// and the longest single block with the Lua file and line; guiBlockBudget fails a run over budget.
const TOOL = [
  "local c = renoise.Socket.create_client('peer', 9000)", // line 1: TCP connect, 2 x 20 ms
  "local a = c:receive('*line', 300)", // line 2: nothing comes: 300 ms
  "local b = c:receive('*line', 50)", // line 3: 50 ms
  "",
].join("\n");

describe("the GUI-freeze report", () => {
  it("sums blocking calls and names the longest with its Lua line", async () => {
    const sim = createSimulation({ seed: 1, latency: 20 });
    ok(sim.addHost("peer").Socket.create_server(9000)).run({});
    await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(sim.guiBlocks()).toEqual({
      host: "renoise",
      total: 40 + 300 + 50,
      count: 3,
      longest: { call: "SocketClient:receive", ms: 300, at: 40, where: "main.lua:2" },
    });
    expect(sim.guiBlocks("peer")).toEqual({ host: "peer", total: 0, count: 0 });
  });

  it("counts a receive inside server:wait once, as part of the wait", () => {
    const sim = createSimulation({ seed: 1, latency: 5 });
    const server = ok(sim.renoise.Socket.create_server(8000));
    const other = ok(sim.addHost("other").Socket.create_server(7000));
    other.run({});
    let inner = 0;
    server.run({
      socket_accepted() {
        const c = ok(sim.renoise.Socket.create_client("other", 7000));
        c.receive("*all", 100);
        inner++;
      },
    });
    sim.spawn(sim.addHost("phone").name, function* (peer) {
      yield* peer.connect("192.168.1.10", 8000);
    });
    server.wait(1000);
    expect(inner).toBe(1);
    const r = sim.guiBlocks();
    expect(r.total).toBe(1000);
    expect(r.count).toBe(1);
    expect(r.longest).toEqual({ call: "server:wait()", ms: 1000, at: 0 });
  });

  it("fails a call that blocks longer than guiBlockBudget", async () => {
    const sim = createSimulation({ seed: 1, latency: 20, guiBlockBudget: 100 });
    ok(sim.addHost("peer").Socket.create_server(9000)).run({});
    await expect(loadLuaTool(sim, { files: { "main.lua": TOOL } })).rejects.toThrow(
      /main.lua:2: renoise-sim: SocketClient:receive at main.lua:2 blocked the GUI thread of "renoise" for 300 ms, over the budget of 100 ms/,
    );
    const ts = createSimulation({ seed: 1, guiBlockBudget: 10 });
    const server = ok(ts.renoise.Socket.create_server(8000));
    expect(() => server.wait(11)).toThrow(SimulationLimitError);
  });
});
