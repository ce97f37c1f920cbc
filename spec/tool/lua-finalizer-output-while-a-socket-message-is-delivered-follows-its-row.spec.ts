import { describe, expect, it } from "vitest";
import { createSimulation, formatTrace, loadLuaTool } from "../../src/index.js";
import { swappingNotifierServer } from "../support/looping-finalizers.js";
import { phoneSends } from "../support/phone-sends.js";

// No Lua code runs between the moment a socket_message is taken for delivery
// and its "callback" row in the trace: a `__gc` finalizer the collector runs
// while the delivery is made (here: while a callback the bridge has not seen
// before is looked at and its arguments are made) prints after that row. Every
// second callback sets a new one (the bridge reads a callback the second time
// it is staged) and each drops one printing finalizer; the collector finishes a cycle in one step.
const TOOL =
  `
n = 0
collectgarbage("incremental", 10, 1000, 20) collectgarbage()
pool = {}
for i = 1, 10 do pool[i] = setmetatable({}, { __gc = function() print("fin " .. i) end }) end
` + swappingNotifierServer("", "");

describe("a finalizer's output while a socket_message is delivered", () => {
  it("follows the delivery's callback row", async () => {
    const sim = createSimulation({ seed: 7 });
    sim.addHost("phone");
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    phoneSends(sim, 5000, Array<string>(4).fill("m"));
    sim.runUntilIdle();
    const kinds = formatTrace(sim.trace.events)
      .split("\n")
      .filter((l) => /callback=socket_message|lua\.print/.test(l))
      .map((l) => (l.includes("lua.print") ? "print" : "row"));
    expect(kinds).toEqual(["row", "row", "print", "row", "print", "row", "print"]);
    tool.unload();
    sim.dispose();
  });
});
