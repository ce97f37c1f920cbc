import { expect, it } from "vitest";
import { eventsOf, toolAndPhone } from "../support/tool-and-phone.js";

it("shows each packet to the rules in order; the first answer that is not pass wins", () => {
  const { sim, phone, messages } = toolAndPhone({}, 2);
  const dropX = sim.faults.rule((p) => (p.data === "x" ? "drop" : "pass"));
  sim.faults.rule({ name: "slow udp", decide: (p) => (p.proto === "udp" ? { delay: 50 } : undefined) });
  const [c] = phone.Socket.create_client(sim.host.address, 8000, 2);
  c!.send("x");
  c!.send("y");

  // The second rule would delay "x" too, but the first rule dropped it already.
  const flying = sim.faults.inFlight();
  expect(flying.map((p) => [p.data, p.state, p.arrivesAt])).toEqual([["y", "wire", 60]]);
  sim.advance(59);
  expect(messages()).toEqual([]);
  sim.advance(1);
  expect(messages()).toEqual(["y"]);
  const drop = eventsOf(sim.events, "drop")[0]!;
  expect(drop.reason).toBe("rule");
  expect(eventsOf(sim.events, "packet.delay")[0]).toMatchObject({ ms: 50, reason: "slow udp" });

  // Removing a rule lets the next one decide.
  dropX.remove();
  dropX.remove();
  c!.send("x");
  sim.runUntilIdle();
  expect(messages()).toEqual(["y", "x"]);
  expect(sim.now).toBe(120);
  expect(eventsOf(sim.events, "fault").map((e) => `${e.fault} ${e.action}`)).toEqual(["rule on", "rule on", "rule off"]);
});

it("rejects a rule answer it does not understand, naming the rule", () => {
  const { sim, phone } = toolAndPhone({}, 2);
  sim.faults.rule({ name: "confused", decide: () => ({ later: 5 }) as never });
  const [c] = phone.Socket.create_client(sim.host.address, 8000, 2);
  expect(() => c!.send("x")).toThrow(/fault rule "confused"/);
});
