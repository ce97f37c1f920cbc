import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A tool may keep the socket of one callback and reply through it from a
// later one (or a timer), with Lua's collector running in between: the kept
// socket still stands for its connection, and so do the sockets of the
// callbacks after it.
const TOOL = `
kept = nil
server = renoise.Socket.create_server(5000)
server:run {
  socket_message = function(socket, message)
    if kept == nil then kept = socket end
    collectgarbage()
    collectgarbage()
    if message == "reply" then
      kept:send("via kept " .. kept.peer_port .. "\\n")
      socket:send("via this " .. tostring(socket == kept) .. "\\n")
    end
  end,
}
`;

describe("a socket kept from an earlier callback", () => {
  it("still replies after garbage collection, and equals the later callbacks' sockets", async () => {
    const sim = createSimulation({ seed: 3 });
    sim.addHost("phone");
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const lines: (string | undefined)[] = [];
    let port = 0;
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 5000);
      port = c!.local_port;
      for (const m of ["one", "two", "three"]) {
        c!.send(m);
        yield* peer.sleep(5);
      }
      c!.send("reply");
      lines.push((yield* peer.receive(c!, "*line", 500))[0]);
      lines.push((yield* peer.receive(c!, "*line", 500))[0]);
    });
    sim.runUntilIdle();
    expect(lines).toEqual([`via kept ${port}`, "via this true"]);
    tool.unload();
    sim.dispose();
  });
});
