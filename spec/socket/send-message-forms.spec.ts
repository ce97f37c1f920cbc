import { expect, it } from "vitest";
import { text } from "../../src/index.js";
import { serverWorld } from "../support/world.js";

// R11: send returns true; byte strings, bytes and OSC objects are sent as-is, never framed.
it("sends byte strings, Uint8Arrays and OSC objects without adding framing", () => {
  const { sim, Socket, log } = serverWorld(1, 9000);
  const [client] = Socket.create_client("localhost", 9000);
  const osc = sim.renoise.Osc.Message("/transport/start", []);
  expect(client!.send("plain")).toEqual([true, undefined]);
  expect(client!.send(new Uint8Array([0, 1, 255]))).toEqual([true, undefined]);
  expect(client!.send(osc)).toEqual([true, undefined]);
  expect(client!.send(text("häh"))).toEqual([true, undefined]);
  sim.runUntilIdle();
  const messages = log.filter((l) => l.startsWith("message")).map((l) => JSON.parse(l.slice(l.indexOf('"'))) as string);
  expect(messages).toEqual(["plain", "\u0000\u0001\u00ff", osc.binary_data, "h\u00c3\u00a4h"]);
  // No SLIP, no length prefix: the OSC payload is exactly its binary form (a multiple of 4 bytes).
  expect(messages[2]!.length % 4).toBe(0);
  expect(messages[2]!.startsWith("/transport/start")).toBe(true);
});
