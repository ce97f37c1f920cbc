import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// loadLuaTool passes lua51Numbers on: 5.1's number text by default, in
// either dialect; 5.4's text when a user asks for it.
describe("Lua tool: the number-text option", () => {
  const TOOL = "result = { tostring(10/2), 10/2 .. '', table.concat({ 2^53 }) }";
  const load = async (options: { luaVersion?: "5.1" | "5.4"; lua51Numbers?: boolean }): Promise<unknown> => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL }, ...options });
    const texts = tool.vm.run("return result[1], result[2], result[3]");
    tool.unload();
    sim.dispose();
    return texts;
  };

  it("writes 5.1's text by default, in either dialect", async () => {
    expect(await load({})).toEqual(["5", "5", "9.007199254741e+15"]);
    expect(await load({ luaVersion: "5.4" })).toEqual(["5", "5", "9.007199254741e+15"]);
  });

  it("writes 5.4's text with lua51Numbers: false", async () => {
    expect(await load({ luaVersion: "5.4", lua51Numbers: false })).toEqual(["5.0", "5.0", "9.007199254741e+15"]);
    expect(await load({ lua51Numbers: false })).toEqual(["5.0", "5.0", "9.007199254741e+15"]);
  });
});
