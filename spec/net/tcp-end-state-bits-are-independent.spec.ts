import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { Host } from "../../src/net/host.js";
import { TcpEnd } from "../../src/net/tcp-end.js";
import type { TcpClient } from "../../src/renoise/socket/client.js";
import { identityOf } from "../../src/renoise/socket/handle.js";
import { Connection } from "../../src/renoise/socket/server-sockets.js";

// A TCP end keeps its side and its closed states as bits of one number, and the
// classes that are their own ends (TcpClient, Connection) keep theirs above those:
// setting any one of them never changes another.

const END_STATES = ["closedLocal", "peerClosed", "peerReset"] as const;

function plainEnd(side: "client" | "server"): TcpEnd {
  const host = new Host("h", "10.0.0.9");
  return new TcpEnd(1, side, host, "10.0.0.9", 50000);
}

describe("a TCP end's state bits", () => {
  it("each closed state turns on and off alone, on either side", () => {
    for (const side of ["client", "server"] as const) {
      for (const name of END_STATES) {
        const end = plainEnd(side);
        end[name] = true;
        for (const other of END_STATES) expect(end[other], `${side}: ${name} set, ${other}`).toBe(other === name);
        expect(end.side).toBe(side);
        end[name] = false;
        for (const other of END_STATES) expect(end[other]).toBe(false);
        expect(end.side).toBe(side);
      }
    }
  });

  it("an end's stream bookkeeping, made on first need, leaves every other bit as it was", () => {
    const end = plainEnd("server");
    end.peerClosed = true;
    expect(end.stream).toBeUndefined();
    const st = end.makeStream();
    expect(end.stream).toBe(st);
    expect(end.makeStream()).toBe(st);
    expect([end.side, end.peerClosed, end.peerReset, end.closedLocal]).toEqual(["server", true, false, false]);
    end.peerClosed = false;
    expect(end.stream).toBe(st);
    expect(plainEnd("server").stream).toBeUndefined();
  });

  it("a client's state, line-ending bit and connection are kept beside its end's states", () => {
    const sim = createSimulation();
    sim.renoise.Socket.create_server(7410);
    const [client] = sim.renoise.Socket.create_client("localhost", 7410);
    const c = client as unknown as TcpClient;
    expect(c.side).toBe("client");
    expect(c.state).toBe("open");
    c.peerClosed = true;
    c.peerReset = true;
    c.rxSkipLf = true;
    expect([c.state, c.rxSkipLf, c.peerClosed, c.peerReset, c.closedLocal]).toEqual(["open", true, true, true, false]);
    c.state = "failed";
    expect([c.state, c.rxSkipLf, c.peerClosed, c.peerReset, c.side]).toEqual(["failed", true, true, true, "client"]);
    c.state = "closed";
    c.rxSkipLf = false;
    expect([c.state, c.rxSkipLf, c.peerClosed, c.peerReset, c.side]).toEqual(["closed", false, true, true, "client"]);
    c.state = "open";
    c.peerClosed = false;
    c.peerReset = false;
    expect([c.state, c.rxSkipLf, c.peerClosed, c.peerReset, c.closedLocal]).toEqual(["open", false, false, false, false]);
    // Still connected: what arrives reaches its buffer.
    c.onData("x");
    expect(c.receive("*all", 0)).toEqual(["x", undefined]);
  });

  it("a connection's table membership and closed-by-the-tool bit are kept beside its end's states", () => {
    const sim = createSimulation();
    let conn: Connection | undefined;
    const [server] = sim.renoise.Socket.create_server(7411);
    server!.run({
      socket_accepted(socket) {
        conn = identityOf(socket) as Connection;
      },
    });
    sim.renoise.Socket.create_client("localhost", 7411);
    sim.runUntilIdle();
    const k = conn!;
    expect(k).toBeInstanceOf(Connection);
    expect([k.listed, k.closedByUser, k.side]).toEqual([true, false, "server"]);
    k.closedByUser = true;
    k.peerClosed = true;
    expect([k.listed, k.closedByUser, k.peerClosed, k.peerReset, k.closedLocal]).toEqual([true, true, true, false, false]);
    k.unlist();
    expect([k.listed, k.closedByUser, k.peerClosed, k.side]).toEqual([false, true, true, "server"]);
  });
});
