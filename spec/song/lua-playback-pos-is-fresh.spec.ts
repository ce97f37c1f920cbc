import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, SongPos } from "../../src/index.js";

describe("Lua always reads the current playback position (values Lua keeps are flushed on change)", () => {
  it("sees time move between entries, a jump made from TypeScript, and time passing inside a blocking receive", async () => {
    const sim = createSimulation({ seed: 1, latency: 5 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `
          local t = renoise.song().transport
          function line() return t.playback_pos.line end
          function line_around_receive()
            local before = t.playback_pos.line
            local c = renoise.Socket.create_client("192.168.1.10", 1, renoise.Socket.PROTOCOL_UDP)
            c:receive("*all", 500) -- blocks 500 ms of virtual time
            return before, t.playback_pos.line
          end`,
      },
    });
    const t = sim.song.transport;
    t.start(1); // 125 ms a line
    expect(tool.vm.call("line")).toEqual([1]);
    expect(tool.vm.call("line")).toEqual([1]);
    sim.advance(250);
    expect(tool.vm.call("line")).toEqual([3]);
    t.playback_pos = new SongPos(1, 33);
    expect(tool.vm.call("line")).toEqual([33]);
    expect(tool.vm.call("line_around_receive")).toEqual([33, 37]);
    tool.unload();
  });
});
