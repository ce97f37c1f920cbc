import { expect, it } from "vitest";
import { toolAndPhone } from "../support/tool-and-phone.js";

it('"queued" appends bytes to the socket_message still waiting for the GUI thread', () => {
  const { sim, server, messages } = toolAndPhone();
  sim.conditions.streamCut({ merge: "queued" });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("one ");
    yield* peer.sleep(5);
    c!.send("two ");
    yield* peer.sleep(5);
    c!.send("three");
    yield* peer.sleep(100);
    c!.send("later");
  });
  sim.advance(25);
  server.stop();
  sim.advance(40);
  server.run({ socket_message: (_c, m) => void got.push(m) });
  const got: string[] = [];
  sim.runUntilIdle();
  expect(got).toEqual(["one two three", "later"]);
  expect(messages()).toEqual([]);
});

it("keeps queued messages apart by default", () => {
  const { sim, server } = toolAndPhone();
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("one ");
    yield* peer.sleep(5);
    c!.send("two");
  });
  sim.advance(25);
  server.stop();
  sim.advance(40);
  const got: string[] = [];
  server.run({ socket_message: (_c, m) => void got.push(m) });
  sim.runUntilIdle();
  expect(got).toEqual(["one ", "two"]);
});

it("merges back-to-back sends with a probability, seeded", () => {
  const run = (seed: number): string[] => {
    const { sim, messages } = toolAndPhone({ seed });
    sim.conditions.streamCut({ merge: { probability: 0.5 } });
    sim.spawn("phone", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8000);
      for (let i = 0; i < 20; i++) c!.send(`${i},`);
    });
    sim.runUntilIdle();
    return messages();
  };
  const a = run(3);
  console.log("stream-cut-merge-policy seed 3 messages:", a.length);
  expect(a.join("")).toBe(Array.from({ length: 20 }, (_, i) => `${i},`).join(""));
  expect(a.length).toBeLessThan(20);
  expect(a.length).toBeGreaterThan(1);
  expect(run(3)).toEqual(a);
});
