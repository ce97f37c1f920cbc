import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, LuaSyntaxError } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

// A tool using syntax Renoise's Lua 5.1 does not have (here the 5.3 integer
// division `//`) is refused at load with its file and line, as Renoise would.
describe("fixture tool: uses // and is refused at load", () => {
  it("fails to load with main.lua:<line> and Lua's message; the simulation keeps going", async () => {
    const sim = createSimulation({ seed: 3 });
    let err: unknown;
    try {
      await loadLuaTool(sim, { dir: fixtureTool("uses-integer-division") });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LuaSyntaxError);
    expect((err as LuaSyntaxError).luaMessage).toBe("main.lua:5: unexpected symbol near '/'");
    expect(sim.trace.events.some((e) => e.kind === "tool.load.error")).toBe(true);
    sim.advance(10);
  });

  it("loads with luaVersion \"5.4\" for users who want 5.4's reading", async () => {
    const sim = createSimulation({ seed: 3 });
    const tool = await loadLuaTool(sim, { dir: fixtureTool("uses-integer-division"), luaVersion: "5.4" });
    expect(tool.printed).toEqual(["buffer 2048 on port 8030"]);
    tool.unload();
  });
});
