import { describe, expect, it } from "vitest";
import { createSimulation, type SocketClient } from "../../src/index.js";

// R12: "*all" returns whatever is queued now (not "until close"); n returns exactly n bytes; timeout 0 only polls.
function world(latency = 10) {
  const sim = createSimulation({ latency });
  const peer = sim.addHost("peer");
  const [server] = peer.Socket.create_server(7200);
  let conn: SocketClient | undefined;
  server!.run({ socket_accepted: (c) => void (conn = c) });
  const [client] = sim.renoise.Socket.create_client("peer", 7200);
  sim.advance(0);
  return { sim, client: client!, conn: () => conn! };
}

describe('receive("*all") and receive(n)', () => {
  it('"*all" returns only what has arrived, later bytes come with the next call', () => {
    const { sim, client, conn } = world();
    conn().send("first ");
    sim.schedule(50, () => conn().send("second"));
    const t0 = sim.now;
    expect(client.receive("*all", 500)).toEqual(["first ", undefined]);
    expect(sim.now - t0).toBe(10); // returned as soon as the first bytes arrived
    expect(client.receive("*all", 500)).toEqual(["second", undefined]);
  });

  it('"*all" with timeout 0 polls without waiting', () => {
    const { sim, client, conn } = world();
    conn().send("later");
    const t0 = sim.now;
    expect(client.receive("*all", 0)).toEqual([undefined, "timeout"]);
    expect(sim.now).toBe(t0);
    expect(client.is_open).toBe(true);
  });

  it("n waits for exactly n bytes and leaves the rest", () => {
    const { sim, client, conn } = world();
    conn().send("abc");
    sim.schedule(30, () => conn().send("defgh"));
    expect(client.receive(5, 500)).toEqual(["abcde", undefined]);
    expect(client.receive(3, 0)).toEqual(["fgh", undefined]);
  });

  it('"*all" also returns the bytes that arrive at the same instant as the first ones', () => {
    const { client, conn } = world();
    conn().send("a");
    conn().send("b");
    expect(client.receive("*all", 500)).toEqual(["ab", undefined]);
  });

  it("timeout 0 sees what arrives at the current instant", () => {
    const { sim, client, conn } = world();
    conn().send("now");
    sim.schedule(10, () => expect(client.receive("*all", 0)).toEqual(["now", undefined]));
    sim.advance(10);
    expect.assertions(1);
  });

  it("at the end of the stream a short block is returned once, then 'disconnected'", () => {
    const { sim, client, conn } = world();
    conn().send("abc");
    conn().close();
    sim.advance(20);
    expect(client.receive(5, 100)).toEqual(["abc", undefined]);
    expect(client.receive(5, 100)).toEqual([undefined, "disconnected"]);
  });

  it("a timed-out n read keeps the partial bytes for the next read", () => {
    const { client, conn } = world();
    conn().send("xy");
    expect(client.receive(4, 100)).toEqual([undefined, "timeout"]);
    expect(client.receive(2, 0)).toEqual(["xy", undefined]);
  });
});
