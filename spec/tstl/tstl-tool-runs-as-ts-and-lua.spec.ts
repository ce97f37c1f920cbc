import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tstl from "typescript-to-lua";
import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, type Simulation, type TraceEvent } from "../../src/index.js";

// One tool, written in TypeScript against renoise-sim/tstl (examples/tstl-tool), tested
// twice: as TypeScript against the double, and as the Lua TypeScriptToLua compiles it,
// in the Lua VM. Both must see the same network, byte for byte.
const ROOT = join(import.meta.dirname, "../..");
const EXAMPLE = join(ROOT, "examples/tstl-tool");

function compile(): string {
  const out = mkdtempSync(join(tmpdir(), "renoise-sim-tstl-"));
  const result = tstl.transpileProject(join(EXAMPLE, "tsconfig.json"), { outDir: out });
  const errors = result.diagnostics.map((d) => (typeof d.messageText === "string" ? d.messageText : d.messageText.messageText));
  expect(errors).toEqual([]);
  return out;
}

/** Two peers talk to the tool on port 8000; what they receive is the verdict. */
function talk(sim: Simulation): string[] {
  const got: string[] = [];
  for (const name of ["phone", "tablet"]) {
    sim.addHost(name);
    sim.spawn(name, function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8000);
      if (!c) return;
      const [hello] = yield* peer.receive(c, "*line", 500);
      c.send(`hi from ${name}\n`);
      const [echo] = yield* peer.receive(c, "*line", 500);
      got.push(`${name}: ${hello} / ${echo}`);
      c.close();
    });
  }
  sim.runUntilIdle();
  return got;
}

const network = (events: readonly TraceEvent[]) => events.filter((e) => /^(tcp|udp)\./.test(e.kind)).map((e) => JSON.stringify({ ...e, seq: 0 }));

describe("a TypeScriptToLua tool", () => {
  it("behaves the same as TypeScript and as compiled Lua", async () => {
    const out = compile();
    expect(readFileSync(join(out, "echo.lua"), "utf8")).toContain("socket_message = function(client, message)"); // no self: this: void

    const lua = createSimulation({ seed: 3, latency: 5 });
    await loadLuaTool(lua, { dir: out });
    const luaGot = talk(lua);

    const ts = createSimulation({ seed: 3, latency: 5 });
    const g = globalThis as { renoise?: unknown };
    g.renoise = { Socket: ts.renoise.Socket, Osc: ts.renoise.Osc };
    try {
      const modulePath = join(EXAMPLE, "src/echo.ts");
      const { start } = (await import(modulePath)) as { start: (port: number) => string | undefined };
      expect(start(8000)).toBeUndefined();
    } finally {
      delete g.renoise;
    }
    const tsGot = talk(ts);

    expect(luaGot).toEqual(["phone: hello 10.0.0.2 / echo 1: hi from phone", "tablet: hello 10.0.0.3 / echo 2: hi from tablet"]);
    expect(tsGot).toEqual(luaGot);
    expect(network(ts.events)).toEqual(network(lua.events));
  });
});
