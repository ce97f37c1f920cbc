import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A Lua notifier's callbacks are looked up each time one is about to run, so a
// tool may add, replace or remove them after server:run(), and a table may
// get its callbacks from a metatable it is given later.
const TOOL = `
log = {}
notifier = {}
server = renoise.Socket.create_server(5000)
server:run(notifier)

function first(socket, message) log[#log + 1] = "first:" .. message end
function second(socket, message) log[#log + 1] = "second:" .. message .. ":" .. type(socket) end
`;

describe("Lua notifier callbacks are looked up when they run", () => {
  it("sees callbacks added, replaced, removed and inherited through a metatable after run()", async () => {
    const sim = createSimulation({ seed: 3 });
    const phone = sim.addHost("phone");
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const [client] = phone.Socket.create_client(sim.host.address, 5000);
    sim.runUntilIdle();
    const say = (text: string, lua?: string): void => {
      if (lua !== undefined) tool.vm.run(lua);
      client!.send(text);
      sim.runUntilIdle();
    };
    say("a"); // no socket_message yet
    say("b", "notifier.socket_message = first");
    say("c", "notifier.socket_message = second");
    say("d", "notifier.socket_message = nil");
    say("e", "setmetatable(notifier, { __index = { socket_message = first } })");
    say("f", "notifier.socket_message = second"); // a field of the table wins over __index
    expect(tool.vm.run("return table.concat(log, ' ')")).toEqual([
      "first:b second:c:SocketClient first:e second:f:SocketClient",
    ]);
    const handled = sim.trace.events
      .filter((e) => e.kind === "callback" && e.callback === "socket_message")
      .map((e) => [e.data, e.handled]);
    expect(handled).toEqual([
      ['a', false],
      ['b', true],
      ['c', true],
      ['d', false],
      ['e', true],
      ['f', true],
    ]);
    tool.unload();
    sim.dispose();
  });
});
