import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import type { CallShim } from "../../src/lua/call-shim.js";
import { phoneSends } from "../support/phone-sends.js";

// With Renoise's fresh connection wrappers (R25), a socket_message callback
// gets a new wrapper of its connection each time: an alias userdata the
// bridge makes per message (a UDP server's callback: a new "dummy" socket
// per datagram). A callback that never names its socket (read from its
// bytecode, from the second time it is called on: a tool that makes a new
// callback for each message gets no read at all) could not tell what it was
// given, so it gets nil there and no userdata is made. A callback that names it still gets a fresh one per
// message, also when the tool swaps one kind of callback for the other while
// messages arrive; a C function, which has no bytecode to read, is counted
// as seeing it. `semantics.unnamedSocket: "wrapper"` makes the wrapper
// anyway (for a tool that reads its callbacks' locals with the debug
// library).
//
// The pushes are counted in the call shim, which makes them once the
// connection has its userdata: the first message of each run (a warm-up to
// a callback that names its socket, not counted) makes that userdata on the
// bridge's other path.
const TOOL = `
got, keys, nkeys = {}, {}, 0
local function counts(socket, message)
  if not keys[socket] then keys[socket] = true nkeys = nkeys + 1 end
  got[#got + 1] = message
end
local function ignores(socket, message) got[#got + 1] = message end
-- Reads its first local (the socket) through the debug library, without naming it.
local function peeks(socket, message) got[#got + 1] = type(select(2, debug.getlocal(1, 1))) end
handlers = { counts = counts, ignores = ignores, peeks = peeks, c = print }
notifier = { socket_message = ignores }
server = renoise.Socket.create_server(5000, renoise.Socket[PROTOCOL])
server:run(notifier)
function use(name)
  if name == "new" then notifier.socket_message = function(socket, message) got[#got + 1] = message end
  else notifier.socket_message = handlers[name] end
end
`;

/** The bridge field this spec wraps (private: a test's reach, not API). */
interface BridgeInside {
  shim: CallShim | undefined;
}

async function deliveries(plan: readonly string[], protocol = "PROTOCOL_TCP", unnamedSocket: "nil" | "wrapper" = "nil") {
  const sim = createSimulation({ seed: 3, semantics: { connectionWrappers: "fresh", unnamedSocket } });
  const phone = sim.addHost("phone");
  const tool = await loadLuaTool(sim, { files: { "main.lua": `PROTOCOL = "${protocol}"\n${TOOL}` } });
  const bridge = (tool.vm as unknown as { bridge: BridgeInside }).bridge;
  const real = bridge.shim!;
  const pushes: string[] = [];
  bridge.shim = {
    stage: (...a) => real.stage(...a),
    pushAlias: (...a) => (pushes.push("alias"), real.pushAlias(...a)),
    pushObject: (...a) => (pushes.push("own"), real.pushObject(...a)),
    pushNil: (...a) => (pushes.push("nil"), real.pushNil(...a)),
  };
  const steps = ["counts", ...plan];
  const messages = steps.map((_, i) => (i === 0 ? "warm-up" : `m${i - 1}`));
  const before = (i: number): void => {
    tool.vm.run(`use("${steps[i]!}")`);
    if (i === 1) pushes.length = 0;
  };
  if (protocol === "PROTOCOL_TCP") phoneSends(sim, 5000, messages, { before });
  else {
    const [client] = phone.Socket.create_client(sim.host.address, 5000, 2);
    messages.forEach((m, i) => sim.schedule(5 * i, () => (before(i), void client!.send(m))));
  }
  sim.runUntilIdle();
  tool.vm.run("table.remove(got, 1)");
  const [got, nkeys] = tool.vm.run("return table.concat(got, ','), nkeys");
  tool.unload();
  sim.dispose();
  return { pushes, got, nkeys: (nkeys as number) - 1 };
}

describe("socket_message and the fresh wrapper of its socket", () => {
  it("passes nil and makes no wrapper for a callback that never names its socket, from its second call", async () => {
    const r = await deliveries(["ignores", "ignores", "ignores"]);
    expect(r.pushes).toEqual(["alias", "nil", "nil"]);
    expect(r.got).toBe("m0,m1,m2");
  });

  it("makes a fresh one per message for a callback that names it", async () => {
    const r = await deliveries(["counts", "counts", "counts"]);
    expect(r.pushes).toEqual(["alias", "alias", "alias"]);
    expect(r.nkeys).toBe(3); // three wrappers, three table keys (R25)
  });

  it("follows the callback the tool sets, message by message", async () => {
    const r = await deliveries(["ignores", "counts", "ignores", "counts", "counts"]);
    expect(r.pushes).toEqual(["alias", "alias", "nil", "alias", "alias"]);
    expect(r.got).toBe("m0,m1,m2,m3,m4");
    expect(r.nkeys).toBe(3);
  });

  it("makes the fresh wrapper for such a callback too with semantics.unnamedSocket \"wrapper\"", async () => {
    const r = await deliveries(["ignores", "ignores"], "PROTOCOL_TCP", "wrapper");
    expect(r.pushes).toEqual(["alias", "alias"]);
    expect(r.got).toBe("m0,m1");
  });

  it("shows what was passed to the debug library, the one way to see it", async () => {
    expect((await deliveries(["peeks", "peeks"])).got).toBe("SocketClient,nil");
    expect((await deliveries(["peeks", "peeks"], "PROTOCOL_TCP", "wrapper")).got).toBe("SocketClient,SocketClient");
  });

  it("reads no callback called once: a new one for each message gets its wrapper each time", async () => {
    const r = await deliveries(["new", "new", "new"]);
    expect(r.pushes).toEqual(["alias", "alias", "alias"]);
    expect(r.got).toBe("m0,m1,m2");
  });

  it("counts a C function as seeing it", async () => {
    const r = await deliveries(["c", "c"]);
    expect(r.pushes).toEqual(["alias", "alias"]);
  });

  it("passes nil to a UDP server's callback that never names its socket, a fresh dummy to one that does", async () => {
    const r = await deliveries(["ignores", "counts", "ignores", "counts"], "PROTOCOL_UDP");
    // A dummy is a new object per datagram: made on the bridge's other path, so not among the shim's pushes.
    expect(r.pushes).toEqual(["nil"]);
    expect(r.got).toBe("m0,m1,m2,m3");
    expect(r.nkeys).toBe(2);
  });
});
