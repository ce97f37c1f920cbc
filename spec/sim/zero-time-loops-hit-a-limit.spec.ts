import { expect, it } from "vitest";
import { createSimulation, SimulationLimitError } from "../../src/index.js";
import { loadLuaTool } from "../../src/tool/index.js";

// Hardening (issue 12, item 2): work that never lets virtual time pass still
// counts. Every peer step, callback, delivery and timer is one unit of work; a
// run that does more than maxEvents units stops with a SimulationLimitError
// instead of growing its trace until the process runs out of memory.
const MAX = 2_000;

function expectLimit(run: () => void, sim: { events: readonly unknown[]; now: number }): void {
  let err: unknown;
  try {
    run();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SimulationLimitError);
  expect(String(err)).toMatch(/aborted after \d+ (events|units of work)/);
  expect(String(err)).toMatch(/raise maxEvents/);
  // Bounded: the trace stops near the limit, not at the end of memory.
  expect(sim.events.length).toBeLessThan(20 * MAX);
}

it("a peer that sleeps 0 ms and sends on every turn", () => {
  const sim = createSimulation({ maxEvents: MAX });
  const [server] = sim.renoise.Socket.create_server(9300);
  server!.run({ socket_message: () => undefined });
  sim.addHost("chatty");
  sim.spawn("chatty", function* (peer) {
    const [c] = yield* peer.connect("192.168.1.10", 9300);
    for (;;) {
      c!.send("more");
      yield* peer.sleep(0);
    }
  });
  expectLimit(() => sim.runUntilIdle(), sim);
  expect(sim.now).toBe(0);
});

it("a peer that sleeps 0 ms without doing anything, under advance()", () => {
  const sim = createSimulation({ maxEvents: MAX });
  sim.addHost("idle");
  sim.spawn("idle", function* (peer) {
    for (;;) yield* peer.sleep(0);
  });
  expectLimit(() => sim.advance(10), sim);
});

it("a notifier that sends to itself over loopback", () => {
  const sim = createSimulation({ maxEvents: MAX });
  const Socket = sim.renoise.Socket;
  const [server] = Socket.create_server("localhost", 9400, 2);
  const [self] = Socket.create_client("127.0.0.1", 9400, 2);
  server!.run({ socket_message: (_c, m) => void self!.send(m) });
  self!.send("again");
  expectLimit(() => sim.runUntilIdle(), sim);
  expect(sim.now).toBe(0);
});

it("a TCP notifier that answers itself over loopback", () => {
  const sim = createSimulation({ maxEvents: MAX });
  const Socket = sim.renoise.Socket;
  const [server] = Socket.create_server("localhost", 9401);
  server!.run({ socket_message: (c, m) => void c.send(m) });
  const [client] = Socket.create_client("localhost", 9401);
  // A peer script on the same host answers every reply: ping-pong over loopback at one instant.
  sim.spawn(sim.host, function* (peer) {
    for (;;) {
      const [m] = yield* peer.receive(client!, "*all", 1000);
      if (m !== undefined) client!.send(m);
    }
  });
  client!.send("ping");
  expectLimit(() => sim.runUntilIdle(), sim);
});

it("a timer that re-arms itself with the smallest delay", () => {
  const sim = createSimulation({ maxEvents: MAX });
  const rearm = (): void => void sim.clock.setTimeout(rearm, 0);
  rearm();
  expectLimit(() => sim.advance(100 * MAX), sim);
});

it("a Lua tool whose timer re-arms itself with the smallest delay", async () => {
  const sim = createSimulation({ maxEvents: MAX });
  const tool = await loadLuaTool(sim, {
    files: {
      "main.lua": [
        "local function again()",
        "  renoise.tool():remove_timer(again)",
        "  renoise.tool():add_timer(again, 1)",
        "end",
        "renoise.tool():add_timer(again, 1)",
      ].join("\n"),
    },
  });
  expectLimit(() => sim.advance(100 * MAX), sim);
  tool.unload();
});

it("a blocking receive inside a callback while a peer loops at one instant", () => {
  const sim = createSimulation({ maxEvents: MAX });
  const [server] = sim.renoise.Socket.create_server(9500);
  server!.run({ socket_message: () => undefined });
  const phone = sim.addHost("phone");
  sim.spawn(phone, function* (peer) {
    const [c] = yield* peer.connect("192.168.1.10", 9500);
    yield* peer.sleep(5);
    for (;;) {
      c!.send("x");
      yield* peer.sleep(0);
    }
  });
  sim.advance(1);
  // The tool blocks on its own client: the loop above starts, at 5 ms, inside this call.
  const [mine] = sim.renoise.Socket.create_client("192.168.1.10", 9500);
  let err: unknown;
  try {
    mine!.receive("*all", 10);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SimulationLimitError);
});
