import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import type { CallShim } from "../../src/lua/call-shim.js";
import { phoneSends } from "../support/phone-sends.js";

// With Renoise's fresh connection wrappers (R25), a socket_message callback
// gets a new wrapper of its connection each time: an alias userdata the
// bridge makes per message. A callback that never names its socket (read
// from its bytecode) could not tell that wrapper from the connection's own
// one, so it gets the connection's own one and no alias is made. A callback
// that names it still gets a fresh one per message, also when the tool swaps
// one kind of callback for the other while messages arrive; a C function,
// which has no bytecode to read, is counted as seeing it.
//
// The pushes are counted in the call shim, which makes them once the
// connection has its userdata: the first message of each run (a warm-up,
// not counted) makes that userdata on the bridge's other path.
const TOOL = `
got, keys, nkeys = {}, {}, 0
local function counts(socket, message)
  if not keys[socket] then keys[socket] = true nkeys = nkeys + 1 end
  got[#got + 1] = message
end
local function ignores(socket, message) got[#got + 1] = message end
handlers = { counts = counts, ignores = ignores, c = print }
notifier = { socket_message = ignores }
server = renoise.Socket.create_server(5000)
server:run(notifier)
function use(name) notifier.socket_message = handlers[name] end
`;

/** The bridge field this spec wraps (private: a test's reach, not API). */
interface BridgeInside {
  shim: CallShim | undefined;
}

async function deliveries(plan: readonly string[]) {
  const sim = createSimulation({ seed: 3, semantics: { connectionWrappers: "fresh" } });
  sim.addHost("phone");
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  const bridge = (tool.vm as unknown as { bridge: BridgeInside }).bridge;
  const real = bridge.shim!;
  const pushes: string[] = [];
  bridge.shim = {
    stage: (...a) => real.stage(...a),
    pushAlias: (...a) => (pushes.push("alias"), real.pushAlias(...a)),
    pushObject: (...a) => (pushes.push("own"), real.pushObject(...a)),
  };
  const steps = ["ignores", ...plan];
  phoneSends(
    sim,
    5000,
    steps.map((_, i) => (i === 0 ? "warm-up" : `m${i - 1}`)),
    {
      before: (i) => {
        tool.vm.run(`use("${steps[i]!}")`);
        if (i === 1) pushes.length = 0;
      },
    },
  );
  sim.runUntilIdle();
  tool.vm.run("table.remove(got, 1)");
  const [got, nkeys] = tool.vm.run("return table.concat(got, ','), nkeys");
  tool.unload();
  sim.dispose();
  return { pushes, got, nkeys };
}

describe("socket_message and the fresh wrapper of its socket", () => {
  it("makes no alias for a callback that never names its socket", async () => {
    const r = await deliveries(["ignores", "ignores", "ignores"]);
    expect(r.pushes).toEqual(["own", "own", "own"]);
    expect(r.got).toBe("m0,m1,m2");
  });

  it("makes a fresh one per message for a callback that names it", async () => {
    const r = await deliveries(["counts", "counts", "counts"]);
    expect(r.pushes).toEqual(["alias", "alias", "alias"]);
    expect(r.nkeys).toBe(3); // three wrappers, three table keys (R25)
  });

  it("follows the callback the tool sets, message by message", async () => {
    const r = await deliveries(["ignores", "counts", "ignores", "counts", "counts"]);
    expect(r.pushes).toEqual(["own", "alias", "own", "alias", "alias"]);
    expect(r.got).toBe("m0,m1,m2,m3,m4");
    expect(r.nkeys).toBe(3);
  });

  it("counts a C function as seeing it", async () => {
    const r = await deliveries(["c", "c"]);
    expect(r.pushes).toEqual(["alias", "alias"]);
  });
});
