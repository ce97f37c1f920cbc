import { describe, expect, it } from "vitest";
import { CallbackError, createSimulation, loadLuaTool } from "../../src/index.js";

// A notifier that loops forever inside its own pcall is still stopped; the
// report names the looping line, not the pcall line, and the tool keeps serving.
describe("Lua tool: an endless loop inside pcall", () => {
  it("aborts the callback whatever pcall wraps it and names the running line", async () => {
    const sim = createSimulation({ seed: 5 });
    sim.addHost("phone");
    const tool = await loadLuaTool(sim, {
      instructionLimit: 100_000,
      files: {
        "main.lua": [
          "local server = renoise.Socket.create_server(7301)", // 1
          "local function spin() while true do end end", // 2
          "server:run { socket_message = function(c, m)", // 3
          "  if m == 'loop' then local ok = pcall(spin) end", // 4
          "  c:send('ok:' .. m)", // 5
          "end }", // 6
        ].join("\n"),
      },
    });
    const replies: (string | undefined)[] = [];
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 7301);
      c!.send("loop");
      yield* peer.sleep(50);
      c!.send("x");
      replies.push((yield* peer.receive(c!, "*all", 200))[0]);
    });
    let err: unknown;
    try {
      sim.advance(30);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CallbackError);
    expect((err as Error).message).toMatch(/main\.lua:2: instruction limit exceeded/);
    sim.runUntilIdle();
    expect(replies).toEqual(["ok:x"]);
    tool.unload();
  });
});
