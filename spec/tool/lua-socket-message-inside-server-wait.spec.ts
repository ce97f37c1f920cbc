import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// server:wait() called from Lua runs the server's socket_message callbacks
// inside the call (R20), each its own call into Lua on top of the Lua code
// that is waiting — in the main state, or inside a coroutine. Each message
// sees its own socket and bytes, the waiting code continues where it
// stopped, and the Lua stacks are left as they were found.
const TOOL = `
log = {}
server = renoise.Socket.create_server(5000)
server:run {
  socket_message = function(socket, message)
    log[#log + 1] = message .. ":" .. tostring(socket.is_open)
    if message == "bad" then error("bad message") end
  end,
}

function wait_twice()
  local before = #log
  server:wait(15)
  log[#log + 1] = "main waited " .. (#log - before)
  local co = coroutine.create(function(x)
    server:wait(15)
    return x .. " resumed"
  end)
  local ok, r = coroutine.resume(co, "co")
  log[#log + 1] = tostring(ok) .. " " .. tostring(r)
end
`;

describe("socket_message inside server:wait from Lua", () => {
  it("runs on top of the waiting code, in the main state and in a coroutine", async () => {
    const sim = createSimulation({ seed: 5, semantics: { onCallbackError: "record" } });
    sim.addHost("phone");
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 5000);
      yield* peer.sleep(2);
      for (const m of ["one", "bad", "two", "three", "four", "five"]) {
        c!.send(m);
        yield* peer.sleep(6);
      }
    });
    sim.advance(1);
    tool.vm.call("wait_twice");
    expect(tool.vm.run("return table.concat(log, ' | ')")).toEqual([
      "one:true | bad:true | two:true | main waited 3 | three:true | four:true | true co resumed",
    ]);
    sim.runUntilIdle(); // the last message runs from the GUI queue as usual
    expect(tool.vm.run("return log[#log]")).toEqual(["five:true"]);
    expect(sim.trace.events.filter((e) => e.kind === "callback.error").length).toBe(1);
    const b = tool.vm.bridge;
    expect(b.c._lua_gettop(b.L)).toBe(0);
    tool.unload();
    sim.dispose();
  });
});
