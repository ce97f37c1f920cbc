import { describe, expect, it } from "vitest";
import { deliverUnderLimit, LOOPING_FINALIZER_POOL } from "../support/looping-finalizers.js";

// A `__gc` finalizer that a collection runs while the bridge makes a
// socket_message's arguments (before the callback's entry begins) runs
// outside any entry: it spends the budget of finalizers outside entries
// (and a looping one is stopped there, as a warning), not the callback's.
// The callback then runs on its own budget. Here each delivery drops one
// looping finalizer of a pool made at load, and the collector is set to
// finish a cycle in one step, so the finalizers run while the next
// delivery's socket alias is made (the callback looks at its socket: a
// callback that never does gets no alias).
const TOOL = `${LOOPING_FINALIZER_POOL}
server = renoise.Socket.create_server(5000)
server:run { socket_message = function(socket, message) assert(socket) n = n + 1 print("got " .. n) pool[n] = nil end }
`;

describe("a finalizer run while a socket_message's arguments are made", () => {
  it("counts outside the callback's entry: the callback runs and the VM is not stopped", async () => {
    const { sim, tool, lines } = await deliverUnderLimit(TOOL, 20);
    expect(lines.filter((l) => l.includes("callback.error"))).toEqual([]);
    expect(lines.filter((l) => l.includes("lua.print")).at(-1)).toContain('text="got 20"');
    tool.unload();
    sim.dispose();
  });
});
