import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// renoise.song()'s first call (which adds song.pattern_iterator) uses only
// what the binding captured at load: a tool that removed or replaced Lua's
// globals (rawget, rawequal, getmetatable) first still gets its song.
describe("renoise.song()'s first call", () => {
  it("works after the tool removed rawget, rawequal and getmetatable", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": "rawget, rawequal, getmetatable = nil, nil, nil\nfunction first() local s = renoise.song() return type(s), type(s.pattern_iterator) end" },
    });
    expect(tool.vm.call("first")).toEqual(["Song", "PatternIterator"]);
    tool.unload();
  });
});
