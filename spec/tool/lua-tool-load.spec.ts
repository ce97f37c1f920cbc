import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, LuaError, LuaInstructionLimitError, SimulationUsageError } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

describe("loadLuaTool", () => {
  it("runs main.lua of a folder with require from the tool folder, and traces the load", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { dir: fixtureTool("osc-udp-server") });
    expect(tool.vm.run("return package.loaded.replies ~= nil, type(require('replies').answer)")).toEqual([true, "function"]);
    expect(sim.events.find((e) => e.kind === "tool.load")).toMatchObject({
      host: "renoise",
      tool: "com.renoise-sim.fixtures.OscUdpServer",
      name: "OSC UDP Server",
      main: "main.lua",
    });
    tool.unload();
  });

  it("gives every load a fresh VM, seeded from the simulation: same seed, same trace", async () => {
    const run = async (seed: number) => {
      const sim = createSimulation({ seed });
      const tool = await loadLuaTool(sim, {
        files: {
          "main.lua": `
            x = (x or 0) + 1
            print(x, math.random(1000), tostring({}):match("0x") and "addr" or "?", os.clock())
            local s = renoise.Socket.create_server(0)
            print(s.local_port)`,
        },
      });
      sim.advance(250);
      tool.vm.run("print(os.clock())");
      tool.unload();
      return sim.traceJsonl();
    };
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/"text":"1\\t\d+\\taddr\\t0"/); // a fresh VM: x starts over
    expect(a).toMatch(/"text":"0\.25"/);
  });

  it("runs the tool on another simulated host when asked", async () => {
    const sim = createSimulation({ seed: 1 });
    sim.addHost("laptop", { address: "10.0.0.50" });
    const tool = await loadLuaTool(sim, {
      host: "laptop",
      files: { "main.lua": "local s = renoise.Socket.create_client('renoise', 9, renoise.Socket.PROTOCOL_UDP) print(s.local_address)" },
    });
    expect(tool.printed).toEqual(["10.0.0.50"]);
    expect(tool.host).toBe("laptop");
    expect(sim.events.find((e) => e.kind === "lua.print")?.host).toBe("laptop");
    tool.unload();
  });

  it("throws the LuaError of a failing main.lua and unloads what it had set up", async () => {
    const sim = createSimulation({ seed: 1 });
    const failing = { "main.lua": "renoise.Socket.create_server(8000)\nrenoise.tool():add_timer(print, 10)\nerror('bad tool')" };
    await expect(loadLuaTool(sim, { files: failing })).rejects.toThrow(LuaError);
    expect(sim.pendingWork().timers).toBe(0);
    const kinds = sim.events.map((e) => e.kind);
    expect(kinds.slice(-3)).toEqual(["tool.load.error", "server.close", "tool.unload"]);
    // The port was released.
    const [again, againErr] = sim.renoise.Socket.create_server(8000);
    expect(againErr).toBeUndefined();
    expect(again!.is_open).toBe(true);
  });

  it("stops an endless loop at options.instructionLimit", async () => {
    const sim = createSimulation({ seed: 1 });
    await expect(loadLuaTool(sim, { files: { "main.lua": "while true do end" }, instructionLimit: 100_000 })).rejects.toThrow(
      LuaInstructionLimitError,
    );
  });

  it("validates its options with messages naming them", async () => {
    const sim = createSimulation({ seed: 1 });
    await expect(loadLuaTool(sim, {})).rejects.toThrow(SimulationUsageError);
    await expect(loadLuaTool(sim, { dir: "a", file: "b" })).rejects.toThrow(/exactly one of options\.dir/);
    await expect(loadLuaTool(sim, { files: {}, host: "nowhere" })).rejects.toThrow(/no host named "nowhere"/);
    await expect(loadLuaTool(sim, { files: {}, instructionLimit: -1 })).rejects.toThrow(/options\.instructionLimit/);
    await expect(loadLuaTool(sim, { files: {}, preferences: { a: {} } })).rejects.toThrow(/options\.preferences\.a/);
    await expect(loadLuaTool(sim, { file: resolve(import.meta.dirname, "nope.lua") })).rejects.toThrow(/no file 'nope\.lua'/);
  });
});
