import { expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";

// R8: a UDP client to a port where nobody listens is still created; its datagrams are lost.
it("creates a UDP client to a silent port and loses its datagrams", () => {
  const sim = createSimulation();
  const { Socket } = sim.renoise;
  const [client, err] = Socket.create_client("localhost", 9999, Socket.PROTOCOL_UDP);
  expect(err).toBeUndefined();
  expect(client!.is_open).toBe(true);
  expect(client!.send("anyone?")).toEqual([true, undefined]);
  sim.runUntilIdle();
  const drop = sim.events.find((e) => e.kind === "drop");
  expect(drop).toMatchObject({ proto: "udp", reason: "no listener", bytes: 7 });
  // Nothing comes back.
  expect(client!.receive("*all", 100)).toEqual([undefined, "timeout"]);
});
