import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, type Peer } from "../../src/index.js";

// A tool's timers and idle notifier are kept by the simulation until someone
// reads sim.clock, then handed to the fake clock. Either way they must have
// the same ids, due times and order: the trace is the same whether sim.clock
// is made before the tool loads, in the middle of the run, or never.
const TOOL = `
log = {}
local function at() return string.format("%.3f", os.clock() * 1000) end
renoise.tool().app_idle_observable:add_notifier(function() log[#log + 1] = "idle@" .. at() end)
renoise.tool():add_timer(function() log[#log + 1] = "a@" .. at() end, 150)
function b()
  log[#log + 1] = "b@" .. at()
  if #log > 12 and renoise.tool():has_timer(b) then renoise.tool():remove_timer(b) end
end
renoise.tool():add_timer(b, 33.4)
local server = renoise.Socket.create_server(7000)
server:run {
  socket_message = function(socket, message)
    log[#log + 1] = "msg@" .. at()
    if message:find("T") then renoise.tool():add_timer(function() log[#log + 1] = "t@" .. at() end, 7) end
    -- A blocking receive: timers due meanwhile fire late, after it returns.
    if message:find("W") then
      local c = renoise.Socket.create_client("peer", 7100)
      if c then c:receive("*all", 250) end
    end
  end,
}
`;

type When = "never" | "before load" | "mid-run";

async function run(when: When, latency: number, userTimers: boolean): Promise<string> {
  const sim = createSimulation({ seed: 7, latency });
  const peer = sim.addHost("peer");
  peer.Socket.create_server(7100);
  if (when === "before load") void sim.clock;
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  sim.spawn(peer, function* (p: Peer) {
    const [client] = yield* p.connect(sim.host.address, 7000);
    for (const m of ["hello\n", "T\n", "W\n", "x\n", "TW\n"]) {
      client!.send(m);
      yield* p.sleep(97);
    }
  });
  sim.advance(333.3);
  if (when === "mid-run") void sim.clock;
  if (userTimers) {
    // Timers of the test's own on the clock take the ids after the tool's.
    sim.clock.setTimeout(() => sim.trace.record("test.timer", "peer", { at: sim.now }), 12);
    sim.clock.setInterval(() => sim.trace.record("test.interval", "peer", { at: sim.now }), 41);
  }
  sim.advance(900.7);
  const log = tool.vm.run("return table.concat(log, ' ')")[0] as string;
  const pending = sim.pendingWork().timers;
  tool.unload();
  const trace = sim.traceJsonl();
  sim.dispose();
  return `${trace}\n${log}\npending timers: ${pending}`;
}

describe("tool timers before and after the fake clock is made", () => {
  for (const latency of [3, 0.37]) {
    it(`give the same trace whether sim.clock is read never, before the load or mid-run (latency ${latency} ms)`, async () => {
      const reference = await run("before load", latency, false);
      expect(reference).toMatch(/"late":/);
      expect(reference).toMatch(/"timer":1000000000030/);
      expect(await run("never", latency, false)).toBe(reference);
      expect(await run("mid-run", latency, false)).toBe(reference);
    });

    it(`number the test's own clock timers after the tool's either way (latency ${latency} ms)`, async () => {
      const reference = await run("before load", latency, true);
      expect(reference).toMatch(/test\.interval/);
      expect(await run("mid-run", latency, true)).toBe(reference);
    });
  }
});
