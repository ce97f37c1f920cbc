import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A Lua UDP server's socket_message gets, for each datagram, the "dummy"
// socket of its peer (R18): the peer's address and port, is_open false, a
// send that raises; a distinct one per datagram (neither rawequal nor ==).
const TOOL = `
seen = {}
local server = renoise.Socket.create_server(8000, renoise.Socket.PROTOCOL_UDP)
server:run({
  socket_message = function(socket, message)
    local ok, err = pcall(function() socket:send("x") end)
    seen[#seen + 1] = { socket = socket, peer = socket.peer_address .. ":" .. socket.peer_port, open = socket.is_open, sent = ok, err = err, message = message }
  end,
})
function report()
  local a, b = seen[1], seen[2]
  return #seen, a.peer, a.open, a.sent, tostring(a.err):find("dummy", 1, true) ~= nil, a.message .. "|" .. b.message,
    rawequal(a.socket, b.socket), a.socket == b.socket
end
`;

describe("a Lua UDP server's socket_message", () => {
  it("gets a fresh dummy socket of the peer for each datagram", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const phone = sim.addHost("phone");
    const [client] = phone.Socket.create_client(sim.host.address, 8000, 2);
    client!.send("one");
    client!.send("two");
    sim.runUntilIdle();
    const [n, peer, open, sent, dummyErr, messages, same, equal] = tool.vm.call("report") as unknown[];
    expect([n, open, sent, dummyErr, messages, same, equal]).toEqual([2, false, false, true, "one|two", false, false]);
    expect(peer).toBe(`${phone.address}:${client!.local_port}`);
    tool.unload();
  });
});
