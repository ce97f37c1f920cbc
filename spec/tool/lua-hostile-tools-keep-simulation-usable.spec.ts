import { describe, expect, it } from "vitest";
import { CallbackError, createSimulation, LuaError } from "../../src/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// Hardening: a tool that fails to load, calls os.exit, loops forever in a callback or
// reaches outside its folder is reported clearly, and the simulation stays usable.
describe("hostile Lua tools", () => {
  it("reports each failure clearly and keeps the simulation serving", async () => {
    const sim = createSimulation();
    const failures: string[] = [];
    for (const src of [
      "local x = nil; x.field = 1",
      "os.exit(1)",
      "local f = assert(io.open('../../etc/passwd'))",
      "for i = 1, 10 do",
    ]) {
      try {
        await loadLuaTool(sim, { files: { "main.lua": src } });
        failures.push("loaded?!");
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        failures.push((e as Error).message.split("\n")[0]!);
      }
    }
    expect(failures[0]).toMatch(/main\.lua:1: attempt to index a nil value/);
    expect(failures[1]).toMatch(/os\.exit\(\) can not be called from a Renoise tool/);
    expect(failures[2]).toMatch(/main\.lua:1: \.\.\/\.\.\/etc\/passwd: No such file or directory/);
    expect(failures[3]).toMatch(/main\.lua/);

    // An endless loop inside a notifier callback hits the instruction limit, surfaces as
    // CallbackError from advance(), and the server keeps running.
    const tool = await loadLuaTool(sim, {
      instructionLimit: 100_000,
      files: {
        "main.lua": [
          "local s = renoise.Socket.create_server(7300)",
          "s:run{ socket_message = function(c, m) if m == 'loop' then while true do end end c:send('ok:' .. m) end }",
        ].join("\n"),
      },
    });
    const [client] = sim.renoise.Socket.create_client("localhost", 7300);
    client!.send("loop");
    let err: unknown;
    try {
      sim.advance(0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CallbackError);
    expect(String((err as CallbackError).message)).toMatch(/instruction/i);
    // The callback error carries the Lua error that stopped the loop, not a JavaScript one.
    expect((err as CallbackError).cause).toBeInstanceOf(LuaError);
    client!.send("after");
    sim.advance(0);
    expect(client!.receive("*all", 10)).toEqual(["ok:after", undefined]);
    tool.unload();
  });
});
