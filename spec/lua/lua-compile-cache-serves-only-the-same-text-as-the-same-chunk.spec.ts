import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { compileCacheStats } from "../../src/lua/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// The bytecode kept of a tool file (compile-cache.ts) serves a later load
// only of the same text as the same chunk: an edited file is compiled
// anew, the same text under another name keeps its own name, a mode that
// refuses text still refuses it, and strings given to load/loadstring are
// never kept.
describe("Lua compile cache: only the same text as the same chunk", () => {
  const withTool = async <T>(files: Record<string, string>, body: (run: (code: string) => unknown[]) => T): Promise<T> => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files });
    try {
      return body((code) => tool.vm.run(code));
    } finally {
      tool.unload();
      sim.dispose();
    }
  };
  const MAIN = "-- compile-cache keys spec\nfunction answer() return dofile('part.lua') end";

  it("compiles an edited file anew", async () => {
    const v1 = await withTool({ "main.lua": MAIN, "part.lua": "return 'first edit'" }, (run) => run("return answer()"));
    const v2 = await withTool({ "main.lua": MAIN, "part.lua": "return 'second edit'" }, (run) => run("return answer()"));
    expect(v1).toEqual(["first edit"]);
    expect(v2).toEqual(["second edit"]);
  });

  it("gives the same text loaded under another name its own name", async () => {
    const part = "-- compile-cache keys spec, named\nerror('where am I')";
    const where = async (file: string): Promise<unknown> =>
      withTool({ "main.lua": MAIN, [file]: part }, (run) => run(`local ok, e = pcall(dofile, '${file}') return e`)[0]);
    expect(await where("a.lua")).toBe("a.lua:2: where am I");
    expect(await where("a.lua")).toBe("a.lua:2: where am I");
    expect(await where("b.lua")).toBe("b.lua:2: where am I");
  });

  it("still refuses a text file to loadfile with mode 'b' when its bytecode is kept", async () => {
    const files = { "main.lua": MAIN, "part.lua": "return 'kept'" };
    await withTool(files, (run) => run("return answer()")); // kept now
    const hits = compileCacheStats.hits;
    const refused = await withTool(files, (run) => run("return loadfile('part.lua', 'b')"));
    expect(refused[0]).toBeUndefined();
    expect(refused[1]).toMatch(/attempt to load a text chunk \(mode is 'b'\)/);
    expect(compileCacheStats.hits - hits).toBe(1); // main.lua only
  });

  it("never keeps a string given to load or loadstring", async () => {
    const kept = compileCacheStats.kept;
    const hits = compileCacheStats.hits;
    await withTool({ "main.lua": "-- compile-cache keys spec, strings" }, (run) =>
      run("for i = 1, 3 do assert(loadstring('return 1 -- compile-cache string'))() assert(load('return 2 -- compile-cache string'))() end"),
    );
    // main.lua alone (kept the first time this runs in a process, served after)
    expect(compileCacheStats.kept - kept + (compileCacheStats.hits - hits)).toBe(1);
  });
});
