import { describe, expect, it } from "vitest";
import { createSimulation, fromBytes, hashBytes, type SocketClient } from "../../src/index.js";

// Hardening: large payloads, bursts, many connections, invalid UTF-8 — byte-exact, nothing dropped.
function pseudoRandomBytes(n: number, seed: number): string {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return fromBytes(out);
}

describe("volume and hostile payloads", () => {
  it("moves 16 MiB each way byte-exact", () => {
    const sim = createSimulation();
    const up = pseudoRandomBytes(16 * 1024 * 1024, 7);
    const down = pseudoRandomBytes(16 * 1024 * 1024, 9);
    const [server] = sim.renoise.Socket.create_server(5600);
    let got = "";
    server!.run({
      socket_message: (c, m) => {
        got += m;
        if (got.length === up.length) c.send(down);
      },
    });
    const [client] = sim.renoise.Socket.create_client("localhost", 5600);
    client!.send(up);
    sim.advance(0);
    expect(got.length).toBe(up.length);
    expect(hashBytes(got)).toBe(hashBytes(up));
    const [back] = client!.receive(down.length, 100);
    expect(back!.length).toBe(down.length);
    expect(back === down).toBe(true);
  });

  it("delivers a burst of 100,000 messages in order", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(5601);
    let count = 0;
    let inOrder = true;
    server!.run({
      socket_message: (_c, m) => {
        if (m !== `m${count}`) inOrder = false;
        count++;
      },
    });
    const [client] = sim.renoise.Socket.create_client("localhost", 5601);
    for (let i = 0; i < 100_000; i++) client!.send(`m${i}`);
    sim.runUntilIdle();
    expect(count).toBe(100_000);
    expect(inOrder).toBe(true);
  });

  it("holds 10,000 simultaneous connections, each accepted once", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(5602);
    const peers = new Set<string>();
    server!.run({ socket_accepted: (c: SocketClient) => void peers.add(`${c.peer_address}:${c.peer_port}`) });
    const hosts = [sim.addHost("a"), sim.addHost("b")];
    const clients: SocketClient[] = [];
    for (let i = 0; i < 10_000; i++) {
      const [c, err] = hosts[i % 2]!.Socket.create_client("192.168.1.10", 5602);
      expect(err).toBeUndefined();
      clients.push(c!);
    }
    sim.runUntilIdle();
    expect(peers.size).toBe(10_000);
    expect(clients.every((c) => c.is_open)).toBe(true);
  });

  it("passes invalid UTF-8 and NUL-only messages unchanged", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(5603, 2);
    const got: string[] = [];
    server!.run({ socket_message: (_c, m) => got.push(m) });
    const [client] = sim.renoise.Socket.create_client("localhost", 5603, 2);
    const hostile = ["\xff\xfe\xc0\x80", "\0\0\0", "\xed\xa0\x80", ""];
    for (const h of hostile) client!.send(h);
    sim.advance(0);
    expect(got).toEqual(hostile);
  });
});
