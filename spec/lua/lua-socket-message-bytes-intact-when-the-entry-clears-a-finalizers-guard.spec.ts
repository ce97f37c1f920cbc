import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import { phoneSends } from "../support/phone-sends.js";

// A socket_message hands the callback the bytes the peer sent when the
// callback's entry begins by clearing the guard that a `__gc` finalizer run
// over the instruction limit outside entries left set (the entry's start
// writes a string through the bridge's scratch buffer, where the message
// crosses into the Lua heap: the message must be in Lua by then).

/** The bridge field this spec sets (private: a test's reach, not API). */
interface BridgeInside {
  outsideStopping: boolean;
}

describe("socket_message delivers the bytes sent", () => {
  it("when the entry clears the guard of a finalizer that ran over the limit outside entries", async () => {
    const sim = createSimulation({ seed: 7, semantics: { connectionWrappers: "fresh", onCallbackError: "record" } });
    sim.addHost("phone");
    const tool = await loadLuaTool(sim, {
      files: { "main.lua": "got = {} renoise.Socket.create_server(5000):run { socket_message = function(s, m) got[#got + 1] = m end }" },
      instructionLimit: 100000,
    });
    const bridge = (tool.vm as unknown as { bridge: BridgeInside }).bridge;
    phoneSends(sim, 5000, ["the message 0", "the message 1", "the message 2"], {
      // What a looping finalizer stopped outside entries leaves for the next entry to clear.
      before: (i) => {
        if (i === 2) bridge.outsideStopping = true;
      },
    });
    sim.runUntilIdle();
    expect(bridge.outsideStopping).toBe(false);
    expect(tool.vm.run("return table.concat(got, '|')")).toEqual(["the message 0|the message 1|the message 2"]);
    tool.unload();
    sim.dispose();
  });
});
