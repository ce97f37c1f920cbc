import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// Lua's parser allocates as it reads a chunk (each new name it meets), so
// finalizers may run in the middle of a load, and a finalizer may call the
// host, whose answers (strings here) cross through the bridge's scratch
// buffer. The chunk being read must not be in that buffer. Here a tool's
// message handler leaves garbage whose finalizers call the host, and the
// host runs chunks in the tool between batches of messages.
const TOOL = `
seen, finalized = 0, 0
collectgarbage("generational") -- a young collection every few KB: finalizers run at many allocations
server = renoise.Socket.create_server(5000)
server:run {
  socket_message = function(socket, message)
    seen = seen + 1
    for i = 1, 3 do
      setmetatable({}, { __gc = function()
        finalized = finalized + 1
        local s = tostring(socket) .. socket.peer_address .. os.date()
      end })
    end
  end,
}
`;

describe("a chunk the host runs while finalizers call the host", () => {
  it("is read whole", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const [client] = sim.addHost("phone").Socket.create_client(sim.host.address, 5000);
    sim.runUntilIdle();
    for (let batch = 1; batch <= 8; batch++) {
      for (let i = 0; i < 300; i++) client!.send("message");
      sim.runUntilIdle();
      expect(tool.vm.run("local a, b, c = seen, 'x', 'y' return a, b .. c")).toEqual([batch * 300, "xy"]);
    }
    expect(tool.vm.run("return finalized")[0]).toBeGreaterThan(1000); // the finalizers did run meanwhile
    tool.unload();
    sim.dispose();
  });
});
