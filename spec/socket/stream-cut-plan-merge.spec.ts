import { expect, it } from "vitest";
import { eventsOf, toolAndPhone } from "../support/tool-and-phone.js";

it("merges back-to-back sends into one socket_message", () => {
  const { sim, messages } = toolAndPhone();
  sim.faults.cutStream({ merges: [{ conn: 1, send: 1 }, { conn: 1, send: 2 }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("a\n");
    c!.send("b\n");
    c!.send("c\n");
    c!.send("d\n");
  });
  sim.runUntilIdle();
  expect(messages()).toEqual(["a\nb\nc\n", "d\n"]);
  expect(eventsOf(sim.events, "tcp.merge").map((e) => [e.send, e.into])).toEqual([
    [1, 0],
    [2, 1],
  ]);
});

it("merges into a socket_message still queued at the receiver when the sender waited in between", () => {
  const { sim, server, messages } = toolAndPhone();
  sim.faults.cutStream({ merges: [{ conn: 1, send: 1 }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("first ");
    yield* peer.sleep(5);
    c!.send("second");
  });
  sim.advance(21);
  server.stop(); // the first message stays queued while the server is stopped
  sim.advance(100);
  server.run({ socket_message: (_c, m) => void received.push(m) });
  const received: string[] = [];
  sim.runUntilIdle();
  expect(received).toEqual(["first second"]);
  expect(messages()).toEqual([]);
  expect(eventsOf(sim.events, "message.merge")).toHaveLength(1);
});

it("skips a merge that cannot happen: the earlier message was already delivered", () => {
  const { sim, messages } = toolAndPhone();
  sim.faults.cutStream({ merges: [{ conn: 1, send: 1 }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("ping");
    yield* peer.sleep(50);
    c!.send("pong");
  });
  sim.runUntilIdle();
  expect(messages()).toEqual(["ping", "pong"]);
});

it("joins the last piece of a split send with the next send", () => {
  const { sim, messages } = toolAndPhone();
  sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [3] }], merges: [{ conn: 1, send: 1 }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("abcdef");
    c!.send("ghi");
  });
  sim.runUntilIdle();
  expect(messages()).toEqual(["abc", "defghi"]);
});

it("sends bytes held for a merge before the FIN when the sender closes", () => {
  const { sim, messages, log } = toolAndPhone();
  sim.faults.cutStream({ merges: [{ conn: 1, send: 1 }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("last words");
    c!.close();
  });
  sim.runUntilIdle();
  expect(messages()).toEqual(["last words"]);
  expect(log).toHaveLength(2);
});
