import { expect, it } from "vitest";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("makes a large transfer take bytes / bandwidth of virtual time, keeping the stream in order", () => {
  const { sim, phone, messages } = toolAndPhone({ latency: 0 });
  sim.conditions.bandwidth(10_000, { from: "phone", to: "renoise" });
  const times: number[] = [];
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("x".repeat(50_000));
    c!.send("after");
  });
  sim.runUntilIdle();
  for (const e of sim.events) if (e.kind === "tcp.deliver") times.push(e.t);
  expect(messages().map((m) => m.length)).toEqual([50_000, 5]);
  expect(times).toEqual([5000, 5000.5]);
  void phone;
});

it("leaves the other direction and other links at full speed", () => {
  const { sim, messages } = toolAndPhone({ latency: 0 });
  sim.conditions.bandwidth(1_000, { from: "renoise", to: "phone" });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("y".repeat(10_000));
  });
  sim.runUntilIdle();
  expect(messages()[0]).toHaveLength(10_000);
  expect(sim.now).toBe(0);
});
