import { describe, expect, it } from "vitest";
import { CallbackError, createSimulation, loadLuaTool } from "../../src/index.js";

const TOOL = `
log = {}
local function at() return math.floor(os.clock() * 1000 + 0.5) end

function tick() log[#log + 1] = "tick@" .. at() end

Counter = { n = 0 }
function Counter.bump(self) self.n = self.n + 1 log[#log + 1] = "bump" .. self.n .. "@" .. at() end

once = nil
once = function()
  log[#log + 1] = "once@" .. at()
  renoise.tool():remove_timer(once)
end

renoise.tool():add_timer(tick, 250)
renoise.tool():add_timer({ Counter, Counter.bump }, 400)
renoise.tool():add_timer(once, 100)
`;

describe("renoise.tool() timers on virtual time", () => {
  it("fire at their interval; {obj, fn} calls fn(obj); a timer may remove itself", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    sim.advance(1000);
    expect(tool.vm.run("return table.concat(log, ' ')")).toEqual([
      "once@100 tick@250 bump1@400 tick@500 tick@750 bump2@800 tick@1000",
    ]);
    expect(tool.vm.run("return renoise.tool():has_timer(tick), renoise.tool():has_timer({ Counter, Counter.bump }), renoise.tool():has_timer(once)")).toEqual([
      true,
      true,
      false,
    ]);
    tool.vm.run("renoise.tool():remove_timer({ Counter, Counter.bump })");
    sim.advance(1000);
    expect((tool.vm.run("return log[#log]")[0] as string)).toBe("tick@2000");
    expect(tool.vm.run("return Counter.n")).toEqual([2]);
    tool.unload();
  });

  it("refuses intervals <= 0, double adds and removing unknown timers with Lua errors", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const errors = tool.vm.run(
      `
      local function err(f) local ok, e = pcall(f) return e end
      local t = renoise.tool()
      return err(function() t:add_timer(function() end, 0) end),
        err(function() t:add_timer(function() end, -5) end),
        err(function() t:add_timer(tick, 10) end),
        err(function() t:remove_timer(function() end) end),
        err(function() t:add_timer("tick", 10) end)
    `,
      "@t.lua",
    );
    expect(errors).toEqual([
      "t.lua:4: add_timer: the interval must be a number of milliseconds > 0, got 0",
      "t.lua:5: add_timer: the interval must be a number of milliseconds > 0, got -5",
      "t.lua:6: add_timer: this timer was already added; test has_timer() before adding",
      "t.lua:7: remove_timer: this timer was not added; test has_timer() before removing",
      "t.lua:8: bad argument #1 to 'add_timer' (function or {object, function} expected, got string)",
    ]);
    tool.unload();
  });

  it("turn a Lua error in a timer into a CallbackError from advance(); the timer keeps running", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": "n = 0\nrenoise.tool():add_timer(function() n = n + 1 error('tock ' .. n) end, 100)" },
    });
    expect(() => sim.advance(150)).toThrow(CallbackError);
    expect(sim.events.find((e) => e.kind === "callback.error")).toMatchObject({
      callback: "timer",
      error: expect.stringMatching(/^main\.lua:2: tock 1\nstack traceback:/) as unknown,
    });
    expect(() => sim.advance(100)).toThrow(/timer of Lua tool "tool" on host "renoise" threw: main\.lua:2: tock 2/);
    tool.unload();
  });
});
