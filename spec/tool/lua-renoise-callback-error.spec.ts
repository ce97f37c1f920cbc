import { describe, expect, it } from "vitest";
import { CallbackError, createSimulation, loadLuaTool, LuaError } from "../../src/index.js";

// A Lua error in a notifier callback surfaces through the double's callback-error
// path: traced as callback.error, thrown as CallbackError from the next advance,
// with the Lua message and traceback. The server keeps serving.
const TOOL = `
handled = {}
local function check(message)
  if message == "boom" then error("cannot handle " .. message) end
  handled[#handled + 1] = message
end

class "Handler"
function Handler:socket_message(socket, message) check(message) end

local tcp = renoise.Socket.create_server(6000)
tcp:run(Handler())
local udp = renoise.Socket.create_server(6001, renoise.Socket.PROTOCOL_UDP)
udp:run { socket_message = function(socket, message) check(message) end }
`;

async function setup() {
  const sim = createSimulation({ seed: 1 });
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  const [tcp] = sim.renoise.Socket.create_client("localhost", 6000);
  const [udp] = sim.renoise.Socket.create_client("localhost", 6001, 2);
  return { sim, tool, tcp: tcp!, udp: udp! };
}

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("Lua errors in notifier callbacks", () => {
  it("surface as CallbackError with the Lua message and traceback (class notifier, TCP)", async () => {
    const { sim, tool, tcp } = await setup();
    tcp.send("boom");
    const e = thrown(() => sim.advance(10));
    expect(e).toBeInstanceOf(CallbackError);
    const err = e as CallbackError;
    expect(err.callback).toBe("socket_message");
    expect(err.message).toMatch(/notifier callback socket_message on host "renoise" threw: main\.lua:4: cannot handle boom/);
    expect(err.message).toMatch(/stack traceback:\n[\s\S]*main\.lua:4: in .*'check'\n\s*main\.lua:9: in function/);
    expect(err.cause).toBeInstanceOf(LuaError);
    expect((err.cause as LuaError).luaMessage).toBe("main.lua:4: cannot handle boom");
    const traced = sim.events.find((ev) => ev.kind === "callback.error");
    expect(traced).toMatchObject({ callback: "socket_message", error: expect.stringMatching(/^main\.lua:4: cannot handle boom\n/) as unknown });

    // The server keeps running.
    tcp.send("fine");
    sim.advance(10);
    expect(tool.vm.run("return table.concat(handled, ',')")).toEqual(["fine"]);
    tool.unload();
  });

  it("surface the same way from a table notifier (UDP)", async () => {
    const { sim, tool, udp } = await setup();
    udp.send("boom");
    const e = thrown(() => sim.runUntilIdle()) as CallbackError;
    expect(e.name).toBe("CallbackError");
    expect((e.cause as LuaError).luaMessage).toBe("main.lua:4: cannot handle boom");
    tool.unload();
  });

  it("are only recorded when the simulation is asked to record callback errors", async () => {
    const sim = createSimulation({ seed: 1, semantics: { onCallbackError: "record" } });
    const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
    const [tcp] = sim.renoise.Socket.create_client("localhost", 6000);
    tcp!.send("boom");
    sim.advance(10);
    expect(sim.events.filter((e) => e.kind === "callback.error")).toHaveLength(1);
    tool.unload();
  });
});
