import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { compileCacheStats } from "../../src/lua/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// A tool's files compiled by one load are loaded from the bytecode kept of
// them by the next load of the same text in a fresh VM (a fuzz scenario, a
// spec's `it`): the main file and what it requires, dofiles and loadfiles.
// What the tool sees is the same: results, line numbers, chunk names, local
// names, error messages.
describe("Lua tool: files load from the bytecode an earlier load kept", () => {
  const FILES = {
    "main.lua": [
      "-- kept-bytecode spec, main",
      "local lib = require('helpers.lib')",
      "local extra = dofile('extra.lua')",
      "local chunk = assert(loadfile('extra.lua'))",
      "function probe(alpha)",
      "  local name, value = debug.getlocal(1, 1)",
      "  local here = debug.getinfo(1, 'Sl')",
      "  return lib.twice(21), extra, chunk(), here.source, here.currentline, here.linedefined, name, value",
      "end",
      "function fail() lib.fail() end",
    ].join("\n"),
    "helpers/lib.lua": "-- kept-bytecode spec, lib\nlocal M = {}\nfunction M.twice(x) return x * 2 end\nfunction M.fail()\n  error('lib failed')\nend\nreturn M",
    "extra.lua": "-- kept-bytecode spec, extra\nreturn 'extra ' .. select('#', ...)",
  };

  const run = async (compileCache?: boolean): Promise<{ probe: unknown[]; failure: string; hits: number; kept: number }> => {
    const before = { ...compileCacheStats };
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: FILES, ...(compileCache === undefined ? {} : { compileCache }) });
    const probe = tool.vm.call("probe", 7);
    let failure = "";
    try {
      tool.vm.call("fail");
    } catch (e) {
      failure = (e as Error).message.split("\n")[0]!;
    }
    tool.unload();
    sim.dispose();
    return { probe, failure, hits: compileCacheStats.hits - before.hits, kept: compileCacheStats.kept - before.kept };
  };

  it("serves every file of the second load from what the first kept, and the tool sees the same", async () => {
    const first = await run(false); // compiles everything, keeps nothing
    expect(first.hits + first.kept).toBe(0);
    const keeping = await run();
    const served = await run();
    expect(served.hits).toBeGreaterThanOrEqual(3); // main.lua, helpers/lib.lua, extra.lua (dofile and loadfile)
    expect(served.kept).toBe(0);
    expect(keeping.hits + keeping.kept).toBeGreaterThanOrEqual(3);
    for (const r of [keeping, served]) {
      expect(r.probe).toEqual(first.probe);
      expect(r.failure).toBe(first.failure);
    }
    expect(first.probe).toEqual([42, "extra 0", "extra 0", "@main.lua", 7, 5, "alpha", 7]);
    expect(first.failure).toContain("helpers/lib.lua:5: lib failed");
  });

  it("compiles every load with compileCache: false", async () => {
    await run();
    const off = await run(false);
    expect(off.hits).toBe(0);
    expect(off.kept).toBe(0);
  });
});
