import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// R15/R20 from Lua: receive with a timeout, TCP create_client and server:wait
// block the GUI thread in virtual time; timers due meanwhile fire afterwards.
const TOOL = `
log = {}
local function at() return math.floor(os.clock() * 1000 + 0.5) end
local function note(what) log[#log + 1] = what .. "@" .. at() end

renoise.tool():add_timer(function() note("timer") end, 100)

local server = renoise.Socket.create_server(7100)
server:run { socket_message = function(socket, message) note("message " .. message) end }

renoise.tool():add_menu_entry { name = "Talk to far", invoke = function()
  local client = assert(renoise.Socket.create_client("far", 7200))
  note("connected")
  client:send("q\\n")
  note("reply " .. assert(client:receive("*line", 500)))
  local nothing, err = client:receive("*all", 300)
  note(err)
end }

renoise.tool():add_menu_entry { name = "Wait for local", invoke = function()
  local client = assert(renoise.Socket.create_client("localhost", 7100))
  client:send("one")
  server:wait(50)
  note("waited")
end }
`;

async function setup() {
  const sim = createSimulation({ seed: 1, latency: 30 });
  const far = sim.addHost("far");
  const [echo] = far.Socket.create_server(7200);
  echo!.run({ socket_message: (c, m) => void c.send(`re:${m}`) });
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  const log = () => (tool.vm.run("return table.concat(log, ', ')")[0] as string).split(", ").filter(Boolean);
  return { sim, tool, log };
}

describe("blocking calls from Lua", () => {
  it("advance virtual time inside the call; the tool's timers wait until it returns", async () => {
    const { sim, tool, log } = await setup();
    tool.invokeMenu("Talk to far");
    expect(sim.now).toBe(420); // 60 handshake + 60 round trip + 300 timeout
    expect(log()).toEqual(["connected@60", "reply re:q@120", "timeout@420"]);
    sim.advance(0);
    // The timer was due at 100, 200, 300 and 400: it fires once, late, and its period restarts from there.
    expect(log().slice(3)).toEqual(["timer@420"]);
    expect(sim.events.find((e) => e.kind === "timer")).toMatchObject({ t: 420, late: 320 });
    sim.advance(100);
    expect(log().slice(4)).toEqual(["timer@520"]);
    tool.unload();
  });

  it("server:wait runs that server's Lua callbacks while it waits", async () => {
    const { sim, tool, log } = await setup();
    tool.invokeMenu("Wait for local");
    expect(log()).toEqual(["message one@0", "waited@50"]);
    expect(sim.now).toBe(50);
    tool.unload();
  });
});
