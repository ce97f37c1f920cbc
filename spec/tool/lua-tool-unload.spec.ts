import { describe, expect, it } from "vitest";
import { CallbackError, createSimulation, loadLuaTool, LuaVmClosedError } from "../../src/index.js";

const TOOL = `
server = renoise.Socket.create_server(8000)
server:run { socket_message = function(socket, message) socket:send(message) end }
client = renoise.Socket.create_client("localhost", 8000)
renoise.tool():add_timer(function() end, 100)
renoise.tool().app_idle_observable:add_notifier(function() end)
renoise.tool().tool_will_unload_observable:add_notifier(function()
  print("unloading, server running: " .. tostring(server.is_running))
end)
`;

describe("LuaTool.unload()", () => {
  it("fires tool_will_unload_observable, stops timers and idle, closes the tool's sockets and the VM", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(sim.pendingWork().timers).toBe(2);
    tool.unload();
    expect(tool.printed).toEqual(["unloading, server running: true"]);
    expect(tool.loaded).toBe(false);
    expect(tool.vm.closed).toBe(true);
    expect(sim.pendingWork().timers).toBe(0);
    expect(sim.events.at(-1)).toMatchObject({ kind: "tool.unload", tool: "tool", closedSockets: 2 });
    // The port is free again: the same tool loads a second time into the same simulation.
    const again = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(again.vm).not.toBe(tool.vm);
    again.unload();
    tool.unload(); // idempotent
    expect(() => tool.invokeMenu("x")).toThrow(/the tool "tool" is unloaded/);
    expect(() => tool.vm.run("return 1")).toThrow(LuaVmClosedError);
  });

  it("still tears down when an unload notifier raises, and reports it as a CallbackError", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": "renoise.tool().tool_will_unload_observable:add_notifier(function() error('not now') end)" },
    });
    expect(() => tool.unload()).toThrow(CallbackError);
    expect(tool.loaded).toBe(false);
    expect(sim.events.find((e) => e.kind === "callback.error")).toMatchObject({ callback: "tool_will_unload_observable" });
  });
});
