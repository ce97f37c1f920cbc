import { describe, expect, it } from "vitest";
import { createSimulation, sameSocket, type SocketClient } from "../../src/index.js";

// R25: the same connection may arrive as different wrapper objects; they compare equal (sameSocket).
function wrappersFor(connectionWrappers: "fresh" | "stable"): SocketClient[] {
  const sim = createSimulation({ semantics: { connectionWrappers } });
  const [server] = sim.renoise.Socket.create_server(8600);
  const got: SocketClient[] = [];
  server!.run({ socket_accepted: (c) => void got.push(c), socket_message: (c) => void got.push(c) });
  const [a] = sim.renoise.Socket.create_client("localhost", 8600);
  const [b] = sim.renoise.Socket.create_client("localhost", 8600);
  a!.send("1");
  a!.send("2");
  b!.send("3");
  sim.advance(0);
  return got; // accepted a, accepted b, msg a, msg a, msg b
}

describe("connection wrappers", () => {
  it("hands out a fresh wrapper per callback by default; sameSocket tells they are one connection", () => {
    const [accA, accB, m1, m2, m3] = wrappersFor("fresh");
    expect(accA).not.toBe(m1);
    expect(m1).not.toBe(m2);
    expect(sameSocket(accA, m1)).toBe(true);
    expect(sameSocket(m1, m2)).toBe(true);
    expect(sameSocket(accB, m3)).toBe(true);
    expect(sameSocket(accA, accB)).toBe(false);
  });

  it('with connectionWrappers: "stable" every callback gets the same object', () => {
    const [accA, , m1, m2] = wrappersFor("stable");
    expect(accA).toBe(m1);
    expect(m1).toBe(m2);
  });
});
