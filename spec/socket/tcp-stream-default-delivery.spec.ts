import { expect, it } from "vitest";
import { serverWorld } from "../support/world.js";

// R21 (choice): by default each send arrives as one socket_message — never split, never merged.
it("delivers each TCP send as exactly one socket_message by default", () => {
  const { sim, Socket, log } = serverWorld(1, 8200);
  const [client] = Socket.create_client("localhost", 8200);
  const big = "x".repeat(100_000);
  client!.send("a");
  client!.send("b");
  client!.send(big);
  sim.runUntilIdle();
  const messages = log.filter((l) => l.startsWith("message")).map((l) => JSON.parse(l.slice(l.indexOf('"'))) as string);
  expect(messages.map((m) => m.length)).toEqual([1, 1, 100_000]);
  expect(messages.join("")).toBe("ab" + big);
});
