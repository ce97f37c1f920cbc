import { describe, expect, it } from "vitest";
import { createSimulation, IDLE_INTERVAL_MS, loadLuaTool } from "../../src/index.js";

const TOOL = `
ticks = {}
local idle = renoise.tool().app_idle_observable
local function at() return math.floor(os.clock() * 1000 + 0.5) end

function on_idle() ticks[#ticks + 1] = "f@" .. at() end
Watcher = { name = "w" }
function Watcher.on_idle(self) ticks[#ticks + 1] = self.name .. "@" .. at() end

idle:add_notifier(on_idle)
idle:add_notifier(Watcher, Watcher.on_idle)
`;

describe("renoise.tool().app_idle_observable", () => {
  it("fires every 100 ms of virtual time, for functions and (obj, fn) notifiers", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    sim.advance(350);
    expect(IDLE_INTERVAL_MS).toBe(100);
    expect(tool.vm.run("return table.concat(ticks, ' ')")).toEqual(["f@100 w@100 f@200 w@200 f@300 w@300"]);
    tool.unload();
  });

  it("answers has_notifier, removes notifiers, and stops ticking when none is left", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(
      tool.vm.run(`
        local idle = renoise.tool().app_idle_observable
        local before = { idle:has_notifier(on_idle), idle:has_notifier(Watcher, Watcher.on_idle), idle:has_notifier(Watcher) }
        idle:remove_notifier(on_idle)
        idle:remove_notifier(Watcher)
        local ok, err = pcall(function() idle:remove_notifier(on_idle) end)
        return before[1], before[2], before[3], idle:has_notifier(on_idle), ok, err
      `, "@i.lua"),
    ).toEqual([true, true, true, false, false, "i.lua:6: remove_notifier: this notifier was not added; test has_notifier() before removing"]);
    sim.advance(1000);
    expect(tool.vm.run("return #ticks")).toEqual([0]);
    expect(sim.pendingWork().timers).toBe(0);
    tool.unload();
  });

  it("does not keep runUntilIdle from ending", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    expect(sim.runUntilIdle()).toBe(0);
    tool.unload();
  });
});
