import { expect, it } from "vitest";
import { createSimulation, SimulationUsageError } from "../../src/index.js";

// Hardening (issue 12, item 5): virtual time stays an exact integer of ms.
// A timeout or delay that would move it past Number.MAX_SAFE_INTEGER is refused
// with an error naming the call, the value and the limit; nothing runs, time does not move.
const LIMIT = /past 9007199254740991 ms/;

function world() {
  const sim = createSimulation({ latency: 1 });
  const [server] = sim.renoise.Socket.create_server(7000);
  server!.run({});
  const phone = sim.addHost("phone");
  const [client] = phone.Socket.create_client("192.168.1.10", 7000);
  return { sim, server: server!, client: client!, phone };
}

it.each([
  ["server:wait(2^53)", (w: ReturnType<typeof world>) => w.server.wait(2 ** 53)],
  ["client:receive(..., 2^53)", (w: ReturnType<typeof world>) => w.client.receive("*all", 2 ** 53)],
  ["create_client(..., 2^60)", (w: ReturnType<typeof world>) => w.phone.Socket.create_client("10.9.9.9", 7000, 1, 2 ** 60)],
  ["advance(2^53)", (w: ReturnType<typeof world>) => w.sim.advance(2 ** 53)],
  ["schedule(2^53)", (w: ReturnType<typeof world>) => w.sim.schedule(2 ** 53, () => undefined)],
  ["at(2^53)", (w: ReturnType<typeof world>) => w.sim.at(2 ** 53, () => undefined)],
])("%s is refused before time moves", (name, call) => {
  const w = world();
  const now = w.sim.now;
  let err: unknown;
  try {
    call(w);
  } catch (e) {
    err = e;
  }
  expect(err, name).toBeInstanceOf(SimulationUsageError);
  expect(String(err)).toMatch(LIMIT);
  expect(w.sim.now).toBe(now);
});

it("a peer's sleep past the limit is refused too", () => {
  const w = world();
  let err: unknown;
  w.sim.spawn("phone", function* (peer) {
    try {
      yield* peer.sleep(2 ** 53);
    } catch (e) {
      err = e;
    }
  });
  w.sim.advance(1);
  expect(err).toBeInstanceOf(SimulationUsageError);
  expect(String(err)).toMatch(LIMIT);
});

it("the largest timeout that keeps time exact still works", () => {
  const w = world();
  w.sim.advance(10);
  const ok = Number.MAX_SAFE_INTEGER - w.sim.now;
  expect(() => w.sim.schedule(ok, () => undefined)).not.toThrow();
  expect(() => w.sim.schedule(ok + 1, () => undefined)).toThrow(LIMIT);
});
