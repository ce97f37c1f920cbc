import { describe, expect, it } from "vitest";
import { createSimulation, SocketErrors, type Notifier, type SocketClient, type Simulation } from "../../src/index.js";

/**
 * Replays, in our own code, the scenario of Renoise's socket test script
 * (renoise/xrnx tests/socket.lua) against the simulation.
 */

const BODY = "<html><body>hello from the simulated httpbin</body></html>";

function addHttpbin(sim: Simulation): void {
  const httpbin = sim.addHost("httpbin.org", { address: "203.0.113.80" });
  const [server, err] = httpbin.Socket.create_server(80);
  expect(err).toBeUndefined();
  const pending = new Map<string, string>();
  server!.run({
    socket_message(client: SocketClient, message: string) {
      const key = `${client.peer_address}:${client.peer_port}`;
      const req = (pending.get(key) ?? "") + message;
      if (!/\r?\n\r?\n/.test(req)) {
        pending.set(key, req);
        return;
      }
      pending.delete(key);
      client.send(`HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`);
      client.close();
    },
  });
}

function expectThrows(fn: () => unknown): void {
  expect(fn).toThrow();
}

describe("Renoise's own socket test scenario", () => {
  it("client: bogus host fails, HTTP GET works, bogus modes throw, timeout, disconnect closes", () => {
    const sim = createSimulation({ seed: 7, latency: 15 });
    addHttpbin(sim);
    const { Socket } = sim.renoise;
    const receiveTimeout = 500;

    const [bogus, bogusErr] = Socket.create_client("www.googleqwe_does_not_exist.com", 66, Socket.PROTOCOL_TCP);
    expect(bogus).toBeUndefined();
    expect(bogusErr).toBe(SocketErrors.HOST_NOT_FOUND);

    const [client, err] = Socket.create_client("httpbin.org", 80, Socket.PROTOCOL_TCP);
    expect(err).toBeUndefined();
    const c = client!;
    expect(sim.now).toBe(30); // one round trip for the handshake

    expectThrows(() => c.receive("*nothing" as never, receiveTimeout));
    expectThrows(() => c.receive(0, receiveTimeout));
    expectThrows(() => c.receive({} as never, receiveTimeout));

    // Nothing requested, nothing sent: the receive times out after 500 ms and the socket stays open.
    const [none, noneErr] = c.receive("*all", receiveTimeout);
    expect(none).toBeUndefined();
    expect(noneErr).toBe("timeout");
    expect(sim.now).toBe(530);
    expect(c.is_open).toBe(true);

    expect(c.send("GET / HTTP/1.0\n\n")).toEqual([true, undefined]);
    const [page, pageErr] = c.receive("*all", receiveTimeout);
    expect(pageErr).toBeUndefined();
    expect(page).toContain("HTTP/1.0 200 OK");
    expect(page).toContain(BODY);

    expect(c.is_open).toBe(true);
    expect(c.local_port).not.toBe(80);
    expect(c.local_address).toBe("192.168.1.10");
    expect(c.peer_port).toBe(80);
    expect(c.peer_address).toBe("203.0.113.80");

    // The server closed after answering: the next receive reports it and closes the socket.
    const [rest, restErr] = c.receive(1024, receiveTimeout);
    expect(rest).toBeUndefined();
    expect(restErr).toBe("disconnected");
    expect(c.is_open).toBe(false);

    expectThrows(() => c.send("something"));
    expectThrows(() => c.receive("*all", receiveTimeout));
  });

  it("servers: TCP with a class notifier and UDP with a table notifier, two clients each", () => {
    const sim = createSimulation({ seed: 3 });
    const { Socket } = sim.renoise;
    const printed: string[] = [];

    class NotificationClass implements Notifier {
      constructor(readonly server: unknown) {}
      socket_error(message: string): void {
        throw new Error("server error: " + message);
      }
      socket_accepted(socket: SocketClient): void {
        printed.push(`client ${socket.peer_address}:${socket.peer_port} connected`);
      }
      socket_message(socket: SocketClient, message: string): void {
        printed.push(`client ${socket.peer_address}:${socket.peer_port} sent '${message}'`);
        if (socket.is_open) {
          const [ok, e] = socket.send("Hello Client!\r");
          expect(ok, e).toBe(true);
        }
      }
    }
    const notificationTable: Notifier = {
      socket_error(message) {
        throw new Error("server error: " + message);
      },
      socket_message(socket, message) {
        printed.push(`client ${socket.peer_address}:${socket.peer_port} sent '${message}'`);
        if (socket.is_open) socket.send("Hello Client!\r\n");
      },
    };

    for (const protocol of [Socket.PROTOCOL_TCP, Socket.PROTOCOL_UDP] as const) {
      const [server, serr] = Socket.create_server(1024, protocol);
      expect(serr).toBeUndefined();
      server!.run(protocol === Socket.PROTOCOL_TCP ? new NotificationClass(server) : notificationTable);

      const [c1, e1] = Socket.create_client("localhost", 1024, protocol);
      expect(e1).toBeUndefined();
      const [c2, e2] = Socket.create_client("localhost", 1024, protocol);
      expect(e2).toBeUndefined();
      const name = protocol === Socket.PROTOCOL_TCP ? "TCP" : "UDP";
      c1!.send(`Hello ${name} Server from ${c1!.local_address}:${c1!.local_port}`);
      c2!.send(`Hello ${name} Server from ${c2!.local_address}:${c2!.local_port}`);

      server!.wait(500);

      if (protocol === Socket.PROTOCOL_TCP) {
        const [m1, me1] = c1!.receive("*line", 500);
        expect(me1).toBeUndefined();
        expect(m1).toBe("Hello Client!");
        const [m2, me2] = c2!.receive("*line", 500);
        expect(me2).toBeUndefined();
        expect(m2).toBe("Hello Client!");
      }
      server!.close();
    }
    expect(printed.filter((l) => l.endsWith("connected"))).toHaveLength(2);
    expect(printed.filter((l) => l.includes("sent 'Hello TCP Server"))).toHaveLength(2);
    expect(printed.filter((l) => l.includes("sent 'Hello UDP Server"))).toHaveLength(2);
  });
});
