import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, LuaError, SocketErrors } from "../../src/index.js";

// R9/R10/R14 from Lua: expected failures come back as nil (or false) plus an
// error string; misuse raises a Lua error that pcall catches, with the
// double's message.
async function lua(code: string) {
  const sim = createSimulation({ seed: 1 });
  const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
  const out = tool.vm.run(code, "@spec.lua");
  tool.unload();
  return out;
}

describe("renoise.Socket calling conventions in Lua", () => {
  it("returns nil, error for expected failures and false, error from send", async () => {
    expect(
      await lua(`
        local a = assert(renoise.Socket.create_server(7000))
        local b, err = renoise.Socket.create_server(7000)
        local n = select("#", renoise.Socket.create_server(7000))
        local udp = renoise.Socket.create_client("localhost", 7001, renoise.Socket.PROTOCOL_UDP)
        local ok, send_err = udp:send(string.rep("x", 70000))
        return b, err, n, ok, send_err, select("#", udp:send("fine")), udp:send("fine")
      `),
    ).toEqual([undefined, SocketErrors.ADDRESS_IN_USE, 2, false, SocketErrors.MESSAGE_TOO_LONG, 1, true]);
  });

  it("raises misuse as Lua errors that pcall catches, keeping the double's message", async () => {
    const [ok1, e1, ok2, e2, ok3, e3, ok4, e4] = (await lua(`
      local server = renoise.Socket.create_server(7000)
      local ok1, e1 = pcall(function() server:run(42) end)
      local ok2, e2 = pcall(renoise.Socket.create_client, "localhost", 99999)
      local ok3, e3 = pcall(function() server.run(nil) end)
      local ok4, e4 = pcall(function() server:run { socket_message = "not a function" } end)
      return ok1, e1, ok2, e2, ok3, e3, ok4, e4
    `)) as [boolean, string, boolean, string, boolean, string, boolean, string];
    expect([ok1, ok2, ok3, ok4]).toEqual([false, false, false, false]);
    expect(e1).toBe("spec.lua:3: SocketServer:run: notifier must be a table of callbacks or a class instance, got number");
    expect(e2).toMatch(/renoise\.Socket\.create_client: port must be an integer in 1\.\.65535, got 99999$/);
    expect(e3).toMatch(/^spec\.lua:5: bad argument #1 to 'run' \(SocketServer expected, got nil\); call it as object:run/);
    expect(e4).toMatch(/SocketServer:run: notifier\.socket_message must be a function, got string$/);
  });

  it("makes a closed socket dead: properties and methods raise (R14), uncaught errors reach TypeScript", async () => {
    const [names] = (await lua(`
      local server = renoise.Socket.create_server(7000)
      local client = renoise.Socket.create_client("localhost", 7000)
      client:close()
      server:close()
      local raised = {}
      for _, probe in ipairs {
        function() return client.is_open end, function() return client.peer_port end,
        function() return client:send("x") end, function() return client:receive("*all", 0) end,
        function() return server.is_running end, function() return server.local_port end,
        function() server:stop() end, function() server:close() end,
      } do
        raised[#raised + 1] = pcall(probe) and "no" or "raised"
      end
      return table.concat(raised, ",")
    `)) as [string];
    expect(names).toBe("raised,raised,raised,raised,raised,raised,raised,raised");
    await expect(lua("local s = renoise.Socket.create_server(7000) s:close() return s.is_open")).rejects.toThrow(LuaError);
    await expect(lua("local s = renoise.Socket.create_server(7000) s:close() return s.is_open")).rejects.toThrow(
      /^spec\.lua:1: SocketServer\.is_open: the server was closed with close\(\)/,
    );
  });

  it("reports a receive failure other than timeout by closing the socket: is_open false, then calls raise (R13)", async () => {
    expect(
      await lua(`
        local server = renoise.Socket.create_server(7000)
        server:run { socket_accepted = function(socket) socket:close() end }
        local client = renoise.Socket.create_client("localhost", 7000)
        server:wait(10)
        local data, err = client:receive("*line", 100)
        local ok = pcall(function() client:send("x") end)
        return data, err, client.is_open, ok
      `),
    ).toEqual([undefined, "disconnected", false, false]);
  });
});
