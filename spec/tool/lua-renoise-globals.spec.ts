import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, RENOISE_API_VERSION, RENOISE_VERSION } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

describe("the renoise global", () => {
  it("has the versions, the Socket constants and Renoise's type names", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    expect(
      tool.vm.run(`
        return renoise.API_VERSION, renoise.RENOISE_VERSION, renoise.Socket.PROTOCOL_TCP, renoise.Socket.PROTOCOL_UDP,
          type(renoise.tool()), type(renoise.app()), type(renoise.tool().app_idle_observable),
          rawequal(renoise.tool(), renoise.tool()), tostring(renoise.API_VERSION)
      `),
    ).toEqual([RENOISE_API_VERSION, RENOISE_VERSION, 1, 2, "ScriptingTool", "Application", "Observable", true, "6.2"]);
    expect([RENOISE_API_VERSION, RENOISE_VERSION]).toEqual([6.2, "3.5.0"]);
    tool.unload();
  });

  it("names the tool from its manifest and gives its folder as bundle_path", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { dir: fixtureTool("line-server") });
    const [name, id, bundle] = tool.vm.run("return renoise.tool().name, renoise.tool().id, renoise.tool().bundle_path");
    expect([name, id]).toEqual(["Line Server", "com.renoise-sim.fixtures.LineServer"]);
    expect(bundle).toBe(tool.bundlePath);
    expect(bundle).toMatch(/\/fixtures\/tools\/line-server\/$/);
    expect([tool.name, tool.id]).toEqual(["Line Server", "com.renoise-sim.fixtures.LineServer"]);
    tool.unload();
  });

  it("raises clear errors for what the simulation does not have, and for unknown members", async () => {
    const sim = createSimulation({ seed: 1 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": "" } });
    const [song, member, readOnly] = tool.vm.run(
      `
      local function err(f) local ok, e = pcall(f) return e end
      return err(function() local s = renoise.song().no_such_field return s end),
        err(function() local x = renoise.tool().no_such_thing return x end),
        err(function() renoise.tool().name = "x" end)
    `,
      "@g.lua",
    );
    expect(song).toBe("g.lua:3: unknown property or function 'no_such_field' for an object of type 'Song'");
    expect(member).toBe("g.lua:4: unknown property or function 'no_such_thing' for an object of type 'ScriptingTool'");
    expect(readOnly).toBe("g.lua:5: property 'name' of an object of type 'ScriptingTool' is read-only");
    tool.unload();
  });
});
