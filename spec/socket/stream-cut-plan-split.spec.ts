import { expect, it } from "vitest";
import { eventsOf, toolAndPhone } from "../support/tool-and-phone.js";

it("splits a planned send at the given byte offsets: one socket_message per piece", () => {
  const { sim, messages } = toolAndPhone();
  sim.faults.cutStream({ splits: [{ conn: 1, send: 1, at: [4, 0, 99, 4, 9] }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("HELLO\n");
    c!.send("GET /x HTTP/1.0\r\n\r\n");
  });
  sim.runUntilIdle();
  // Offsets 0 and 99 lie outside the send and are ignored; the duplicate 4 counts once.
  expect(messages()).toEqual(["HELLO\n", "GET ", "/x HT", "TP/1.0\r\n\r\n"]);
  expect(eventsOf(sim.events, "tcp.split")[0]).toMatchObject({ conn: 1, send: 1, pieces: "4+5+10" });
});

it("splits the server side's sends when the plan says from: server", () => {
  const { sim, phone, notifier } = toolAndPhone();
  notifier.socket_message = (c) => {
    c.send("HTTP/1.0 200 OK\r\n\r\nbody");
  };
  sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [8], from: "server" }] });
  const [c] = phone.Socket.create_client(sim.host.address, 8000);
  c!.send("GET /\n");
  sim.runUntilIdle();
  const delivered = eventsOf(sim.events, "tcp.deliver").filter((e) => e.host === "phone");
  expect(delivered.map((e) => e.data)).toEqual(["HTTP/1.0", " 200 OK\\r\\n\\r\\nbody"]);
  expect(c!.receive("*all", 0)).toEqual(["HTTP/1.0 200 OK\r\n\r\nbody", undefined]);
});

it("stops cutting once the plan's handle is removed", () => {
  const { sim, messages } = toolAndPhone();
  const plan = sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [1] }, { conn: 1, send: 1, at: [1] }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("ab");
    yield* peer.sleep(50);
    plan.remove();
    c!.send("cd");
  });
  sim.runUntilIdle();
  expect(messages()).toEqual(["a", "b", "cd"]);
});

it("rejects a malformed plan with a message naming the entry", () => {
  const { sim } = toolAndPhone();
  expect(() => sim.faults.cutStream({ splits: [{ conn: 0, send: 0, at: [1] }] })).toThrow(/splits\[0\]\.conn/);
  expect(() => sim.faults.cutStream({ merges: [{ conn: 1, send: -1 }] })).toThrow(/merges\[0\]\.send/);
  expect(() => sim.faults.cutStream({ merges: [{ conn: 1, send: 1, from: "peer" as never }] })).toThrow(/from must be/);
});
