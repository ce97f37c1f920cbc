import { expect, it } from "vitest";
import { toolAndPhone } from "../support/tool-and-phone.js";

function send(seed: number, n = 30): string[] {
  const { sim, phone, messages } = toolAndPhone({ seed }, 2);
  sim.conditions.udp({ reorder: { probability: 0.3, maxDelay: 5 } });
  const [c] = phone.Socket.create_client(sim.host.address, 8000, 2);
  for (let i = 0; i < n; i++) c!.send(`${i}`);
  sim.runUntilIdle();
  return messages();
}

it("lets later datagrams overtake delayed ones, seeded, losing none", () => {
  const got = send(5);
  console.log("udp-reorder seed 5 order:", got.join(" "));
  expect([...got].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 30 }, (_, i) => `${i}`));
  expect(got).not.toEqual(Array.from({ length: 30 }, (_, i) => `${i}`));
  expect(send(5)).toEqual(got);
});

it("keeps TCP in order under the same condition", () => {
  const { sim, messages } = toolAndPhone();
  sim.conditions.udp({ reorder: 1 });
  sim.conditions.latency({ fixed: 10, jitter: { uniform: 30 } });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    for (let i = 0; i < 20; i++) c!.send(`${i},`);
  });
  sim.runUntilIdle();
  expect(messages().join("")).toBe(Array.from({ length: 20 }, (_, i) => `${i},`).join(""));
});
