import { describe, expect, it } from "vitest";
import { createSimulation, formatTrace, loadLuaTool } from "../../src/index.js";

// A TCP socket_message into a plain Lua table takes the server's quick path
// (the table's MessageRunner: no wrapper object per message); a table whose
// callbacks come through a metatable takes the general one (the callback
// looked up in protected mode and called with a fresh wrapper). Both must
// be the same to the tool and to the trace: same rows in the same order,
// replies, errors and kept sockets included.
const TOOL = (wrap: boolean) => `
kept, keys, nkeys, lines = nil, {}, 0, {}
local handlers = {
  socket_accepted = function(socket) lines[#lines + 1] = "accepted " .. socket.peer_address end,
  socket_message = function(socket, message)
    if message == "boom" then error("boom in the tool") end
    if not keys[socket] then keys[socket] = true nkeys = nkeys + 1 end
    kept = kept or socket
    lines[#lines + 1] = message .. " " .. tostring(socket == kept) .. " " .. type(socket)
    socket:send("ok " .. message .. "\\n")
  end,
}
server = renoise.Socket.create_server(5000)
server:run(${wrap ? "setmetatable({}, { __index = handlers })" : "handlers"})
`;

async function run(wrap: boolean, connectionWrappers: "fresh" | "stable") {
  const sim = createSimulation({ seed: 7, semantics: { connectionWrappers, onCallbackError: "record" } });
  sim.addHost("phone");
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL(wrap) } });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 5000);
    for (const m of ["hello", "boom", "\u0000\u00ff bytes", "bye"]) {
      c!.send(m);
      yield* peer.sleep(5);
    }
  });
  sim.runUntilIdle();
  const lua = tool.vm.run("return nkeys, table.concat(lines, '|')");
  const trace = formatTrace(sim.trace.events);
  tool.unload();
  sim.dispose();
  return { lua, trace };
}

describe("socket_message into a Lua table, quick path and general path", () => {
  for (const wrappers of ["fresh", "stable"] as const) {
    it(`run alike and trace alike (${wrappers} wrappers)`, async () => {
      const quick = await run(false, wrappers);
      const general = await run(true, wrappers);
      expect(quick.lua).toEqual(general.lua);
      expect(quick.lua[0]).toBe(wrappers === "fresh" ? 3 : 1);
      expect(quick.trace).toContain("callback.error");
      expect(quick.trace).toContain('"ok bye\\n"');
      expect(quick.trace).toBe(general.trace);
    });
  }
});
