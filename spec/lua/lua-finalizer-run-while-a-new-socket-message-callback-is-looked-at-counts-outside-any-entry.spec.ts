import { describe, expect, it } from "vitest";
import { deliverUnderLimit, LOOPING_FINALIZER_POOL, swappingNotifierServer } from "../support/looping-finalizers.js";

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
const TOOL = LOOPING_FINALIZER_POOL + swappingNotifierServer("assert(socket) ", 'print("got " .. n) ');

describe("a finalizer run while a new socket_message callback is looked at", () => {
  it("counts outside any entry: the callbacks run and the VM's instance is not marked broken", async () => {
    const { sim, tool, lines } = await deliverUnderLimit(TOOL, 20);
    expect(lines.filter((l) => l.includes("callback.error"))).toEqual([]);
    expect(lines.filter((l) => l.includes("lua.print")).at(-1)).toContain('text="got 20"');
    expect(tool.vm.bridge.instance.tainted).toBe(false);
    tool.unload();
    sim.dispose();
  });
});
