import { expect, it } from "vitest";
import { toolAndPhone } from "../support/tool-and-phone.js";

function send(seed: number, loss: number, n = 100): string[] {
  const { sim, phone, messages } = toolAndPhone({ seed }, 2);
  sim.conditions.udp({ loss });
  const [c] = phone.Socket.create_client(sim.host.address, 8000, 2);
  for (let i = 0; i < n; i++) c!.send(`#${i}`);
  sim.runUntilIdle();
  return messages();
}

it("loses datagrams with the given probability, the same ones for the same seed", () => {
  const got = send(21, 0.3);
  console.log("udp-loss seed 21 delivered:", got.length);
  expect(got.length).toBeGreaterThan(50);
  expect(got.length).toBeLessThan(90);
  expect(send(21, 0.3)).toEqual(got);
  expect(send(22, 0.3)).not.toEqual(got);
  // What arrives arrives whole and in order (no reordering asked for).
  const idx = got.map((m) => Number(m.slice(1)));
  expect([...idx].sort((a, b) => a - b)).toEqual(idx);
});

it("loses every datagram at probability 1, and records each loss", () => {
  const { sim, phone, messages } = toolAndPhone({}, 2);
  sim.conditions.udp({ loss: 1 });
  const [c] = phone.Socket.create_client(sim.host.address, 8000, 2);
  c!.send("gone");
  sim.runUntilIdle();
  expect(messages()).toEqual([]);
  expect(sim.events.filter((e) => e.kind === "drop").map((e) => e.reason)).toEqual(["udp loss"]);
});
