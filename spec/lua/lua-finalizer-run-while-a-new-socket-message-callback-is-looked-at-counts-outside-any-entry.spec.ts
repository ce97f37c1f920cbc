import { describe, expect, it } from "vitest";
import { createSimulation, formatTrace, loadLuaTool } from "../../src/index.js";
import { phoneSends } from "../support/phone-sends.js";

// Before a socket_message callback runs, the bridge looks at it (a callback it
// has not seen before: its bytecode). A `__gc` finalizer the collector runs
// then runs outside any entry from the host, as one run while the callback's
// arguments are made does: a looping one spends the budget of finalizers
// outside entries and is stopped there. It is not charged to an entry of its
// own, whose limit would abort it and mark the VM's instance as broken (never
// reused by the pool). Here every second callback sets a new one (the bridge
// reads a callback the second time it is staged) and each drops one looping
// finalizer of a pool made at load; the
// collector finishes a cycle in one step, so the finalizers run while the
// next callback is looked at.
const TOOL = `
n = 0
collectgarbage("incremental", 10, 1000, 20)
local function loop() while true do end end
pool = {}
for i = 1, 5000 do pool[i] = setmetatable({}, { __gc = loop }) end
notifier = {}
local function make()
  return function(socket, message) assert(socket) n = n + 1 print("got " .. n) if n % 2 == 0 then notifier.socket_message = make() end pool[n] = nil end
end
notifier.socket_message = make()
server = renoise.Socket.create_server(5000)
server:run(notifier)
`;

describe("a finalizer run while a new socket_message callback is looked at", () => {
  it("counts outside any entry: the callbacks run and the VM's instance is not marked broken", async () => {
    const sim = createSimulation({ seed: 7, semantics: { connectionWrappers: "fresh", onCallbackError: "record" } });
    sim.addHost("phone");
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL }, instructionLimit: 50000 });
    phoneSends(sim, 5000, Array<string>(20).fill("m"));
    sim.runUntilIdle();
    const lines = formatTrace(sim.trace.events).split("\n");
    expect(lines.filter((l) => l.includes("callback.error"))).toEqual([]);
    expect(lines.filter((l) => l.includes("lua.print")).at(-1)).toContain('text="got 20"');
    expect(tool.vm.bridge.instance.tainted).toBe(false);
    tool.unload();
    sim.dispose();
  });
});
