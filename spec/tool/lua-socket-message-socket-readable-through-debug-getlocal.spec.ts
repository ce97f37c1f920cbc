import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import { phoneSends } from "../support/phone-sends.js";

// A socket_message callback gets its socket as its first argument even when
// its own code never names it: `debug.getlocal` reads a function's
// parameters, from the function itself or from a function it calls (a
// logging helper that prints its caller's arguments), in both the 5.1 and
// the 5.4 VMs.
const TOOL = `
seen = {}
local function caller_args()
  local out = {}
  for i = 1, 2 do local name, value = debug.getlocal(3, i) out[#out + 1] = name .. "=" .. (value == nil and "nil" or "set") end
  return table.concat(out, " ")
end
local function log_args() seen[#seen + 1] = caller_args() end
local function own(socket, message) local name, value = debug.getlocal(1, 1) seen[#seen + 1] = name .. "=" .. (value == nil and "nil" or "set") end
notifier = { socket_message = function(socket, message) log_args() end }
server = renoise.Socket.create_server(5000)
server:run(notifier)
function use_own() notifier.socket_message = own end
`;

describe("a socket_message callback that never names its socket", () => {
  for (const luaVersion of ["5.1", "5.4"] as const) {
    it(`still has it, as debug.getlocal tells (Lua ${luaVersion})`, async () => {
      const sim = createSimulation({ seed: 7 });
      sim.addHost("phone");
      const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL }, luaVersion });
      phoneSends(sim, 5000, ["a", "b", "c"], { before: (i) => void (i === 2 && tool.vm.run("use_own()")) });
      sim.runUntilIdle();
      expect(tool.vm.run("return table.concat(seen, ',')")[0]).toBe("socket=set message=set,socket=set message=set,socket=set");
      tool.unload();
      sim.dispose();
    });
  }
});
