import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// R25: Renoise hands one connection to different callbacks as different
// wrapper objects that compare equal; tools key state by peer address:port.
const TOOL = `
seen = {}
keyed = {}
local function note(socket)
  seen[#seen + 1] = socket
  keyed[socket] = (keyed[socket] or 0) + 1
end
server = renoise.Socket.create_server(5000)
server:run { socket_accepted = note, socket_message = function(socket) note(socket) end }

function compare()
  local a_accepted, a_message, b_accepted = seen[1], seen[2], seen[3]
  return a_accepted == a_message, rawequal(a_accepted, a_message), a_accepted == b_accepted,
    table.count(keyed), type(a_accepted), a_accepted ~= a_message
end
`;

async function run(connectionWrappers?: "fresh" | "stable") {
  const sim = createSimulation({ seed: 1, ...(connectionWrappers ? { semantics: { connectionWrappers } } : {}) });
  sim.addHost("phone");
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  sim.spawn("phone", function* (peer) {
    const [a] = yield* peer.connect(sim.host.address, 5000);
    a!.send("hello");
    yield* peer.sleep(10);
    yield* peer.connect(sim.host.address, 5000);
  });
  sim.runUntilIdle();
  const result = tool.vm.call("compare");
  tool.unload();
  return result;
}

describe("socket wrappers in Lua (R25)", () => {
  it("gives each callback a fresh userdata: == and rawequal are true for one connection, table keys differ", async () => {
    const [same, raw, other, keys, type, notEqual] = await run();
    expect({ same, raw, other, keys, type, notEqual }).toEqual({
      same: true,
      raw: true,
      other: false,
      keys: 3, // three wrappers, three keys: state must be keyed by peer_address:peer_port
      type: "SocketClient",
      notEqual: false,
    });
  });

  it("hands out one userdata per connection when the simulation's wrappers are stable", async () => {
    const [same, raw, other, keys] = await run("stable");
    expect({ same, raw, other, keys }).toEqual({ same: true, raw: true, other: false, keys: 2 });
  });
});
