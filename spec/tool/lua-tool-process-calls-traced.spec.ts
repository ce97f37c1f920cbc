import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// A tool that opens a browser after starting its server keeps running: the
// command is traced as lua.process and fails as on a machine without it,
// unless the test answers it.
describe("Lua tool: processes and outside files are traced, never raise", () => {
  const MAIN = [
    "local server = renoise.Socket.create_server(8040)",
    "server:run { socket_message = function(c, m) c:send('ok ' .. m) end }",
    "opened = os.execute('xdg-open http://127.0.0.1:8040/')",
    "config = io.open('/home/me/.mixer.cfg')",
  ].join("\n");

  it("records os.execute and the outside file in the trace, and the tool keeps serving", async () => {
    const sim = createSimulation({ seed: 2 });
    const tool = await loadLuaTool(sim, { files: { "main.lua": MAIN } });
    expect(tool.vm.run("return opened, config")).toEqual([127 * 256, undefined]);
    const kinds = sim.trace.events.filter((e) => e.kind === "lua.process" || e.kind === "lua.file");
    expect(kinds.map((e) => [e.kind, e["call"], e["command"] ?? e["path"], e["exit"] ?? e["result"]])).toEqual([
      ["lua.process", "os.execute", "xdg-open http://127.0.0.1:8040/", 127],
      ["lua.file", "io.open", "/home/me/.mixer.cfg", "refused"],
    ]);
    tool.unload();
  });

  it("answers from the test's processes and externalFiles options", async () => {
    const sim = createSimulation({ seed: 2 });
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": MAIN + "\ncfg = config:read('*a')" },
      processes: (call) => (call.command.startsWith("xdg-open") ? { exitCode: 0 } : undefined),
      externalFiles: { "/home/me/.mixer.cfg": "port=8040\n" },
    });
    expect(tool.vm.run("return opened, cfg")).toEqual([0, "port=8040\n"]);
    tool.unload();
  });
});
