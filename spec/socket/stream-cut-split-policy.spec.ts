import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

function sendThrough(setup: (sim: ReturnType<typeof toolAndPhone>["sim"]) => void, seed = 1, sends = ["hello world", "GET / HTTP/1.0\r\n\r\n"]) {
  const w = toolAndPhone({ seed });
  setup(w.sim);
  w.sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(w.sim.host.address, 8000);
    for (const s of sends) {
      c!.send(s);
      yield* peer.sleep(20);
    }
  });
  w.sim.runUntilIdle();
  return w.messages();
}

it("cuts every send into pieces of the given sizes, cycling", () => {
  expect(sendThrough((sim) => sim.conditions.streamCut({ split: { sizes: [1] } }), 1, ["abc"])).toEqual(["a", "b", "c"]);
  expect(sendThrough((sim) => sim.conditions.streamCut({ split: { sizes: [2, 3] } }), 1, ["abcdefgh"])).toEqual([
    "ab",
    "cde",
    "fg",
    "h",
  ]);
});

it("cuts sends at seeded random boundaries with a probability, keeping every byte in order", () => {
  const sends = Array.from({ length: 30 }, (_, i) => `message number ${i};`);
  const cut = (seed: number) => sendThrough((sim) => sim.conditions.streamCut({ split: { probability: 0.5, maxPieces: 4 } }), seed, sends);
  const a = cut(11);
  console.log("stream-cut-split-policy seed 11 pieces:", a.length);
  expect(a.join("")).toBe(sends.join(""));
  expect(a.length).toBeGreaterThan(sends.length);
  expect(a.length).toBeLessThanOrEqual(sends.length * 4);
  expect(cut(11)).toEqual(a);
  expect(cut(12)).not.toEqual(a);
});

it("applies a split policy only to the selected link", () => {
  const sim = createSimulation({ seed: 1 });
  sim.addHost("phone");
  sim.addHost("tablet");
  sim.conditions.streamCut({ split: { sizes: [1] } }, { from: "phone", to: "renoise" });
  const [server] = sim.renoise.Socket.create_server(8000);
  const got: string[] = [];
  server!.run({ socket_message: (c, m) => void got.push(`${c.peer_address} ${m}`) });
  for (const h of ["phone", "tablet"]) {
    sim.spawn(h, function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8000);
      c!.send("ab");
    });
  }
  sim.runUntilIdle();
  expect(got.sort()).toEqual(["10.0.0.2 a", "10.0.0.2 b", "10.0.0.3 ab"]);
});

it("rejects a malformed policy, naming the call", () => {
  const sim = createSimulation();
  expect(() => sim.conditions.streamCut({ split: { sizes: [0] } })).toThrow(/^sim\.conditions\.streamCut: split\.sizes/);
  expect(() => sim.conditions.streamCut({ split: { probability: 2 } })).toThrow(/probability/);
  expect(() => sim.conditions.streamCut({ merge: "sometimes" as never })).toThrow(/merge must be/);
});
