import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

describe("one song, two views", () => {
  it("Lua's renoise.song() is sim.renoise.song(): changes in one are seen in the other, objects keep identity", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    sim.renoise.song().transport.bpm = 140;
    const [bpm, same, sameTrack] = tool.vm.run(
      `local s = renoise.song()
       s.transport.lpb = 8
       return s.transport.bpm, s == renoise.song(), rawequal(s.tracks[1], renoise.song().tracks[1])`,
    );
    expect(bpm).toBe(140);
    expect(same).toBe(true);
    expect(sameTrack).toBe(true);
    expect(sim.song.transport.lpb).toBe(8);
    expect(sim.renoise.song()).toBe(sim.song);
    tool.unload();
  });

  it("Lua notifiers in the three forms fire when TypeScript changes the song, with the context object first", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: {
        "main.lua": `
          log = {}
          local obj = { name = "obj" }
          function obj.on(self) log[#log + 1] = "method " .. self.name end
          local t = renoise.song().transport
          t.bpm_observable:add_notifier(function() log[#log + 1] = "fn " .. t.bpm end)
          t.bpm_observable:add_notifier(obj, obj.on)
          t.bpm_observable:add_notifier({ obj.on, obj })`,
      },
    }).catch((e: unknown) => e);
    // {fn, obj} after (obj, fn) is the same notifier: Renoise raises.
    expect(String(tool)).toMatch(/already added/);

    const tool2 = await loadLuaTool(sim, {
      files: {
        "main.lua": `
          log = {}
          local obj = { name = "obj" }
          function obj.on(self) log[#log + 1] = "method " .. self.name end
          local t = renoise.song().transport
          t.bpm_observable:add_notifier(function() log[#log + 1] = "fn " .. t.bpm end)
          t.bpm_observable:add_notifier({ obj, obj.on })`,
      },
    });
    sim.song.transport.bpm = 99;
    const [log] = tool2.vm.run("return table.concat(log, ',')");
    expect(log).toBe("fn 99,method obj");
    tool2.unload();
    // After unload the tool's notifiers are gone from the song.
    expect(sim.song.transport.bpm_observable.notifierCount).toBe(0);
  });
});
