import { describe, expect, it } from "vitest";
import { createSimulation, SocketLogicError, type SocketClient } from "../../src/index.js";

// R18: a UDP server's socket_message gets a "dummy" socket: peer address/port only, is_open false.
describe("the UDP dummy socket", () => {
  function world(udpDummyCanSend: boolean) {
    const sim = createSimulation({ semantics: { udpDummyCanSend } });
    const [server] = sim.renoise.Socket.create_server(8100, 2);
    const got: SocketClient[] = [];
    const errors: unknown[] = [];
    server!.run({
      socket_message: (c) => {
        got.push(c);
        try {
          c.send("reply");
        } catch (e) {
          errors.push(e);
        }
      },
    });
    const [client] = sim.renoise.Socket.create_client("localhost", 8100, 2);
    client!.send("hello");
    sim.advance(0);
    return { sim, got, errors, client: client! };
  }

  it("tells the peer's address and port, is_open is false, send raises a helpful error", () => {
    const { got, errors, client } = world(false);
    expect(got).toHaveLength(1);
    expect(got[0]!.is_open).toBe(false);
    expect(got[0]!.peer_address).toBe("127.0.0.1");
    expect(got[0]!.peer_port).toBe(client.local_port);
    expect(errors[0]).toBeInstanceOf(SocketLogicError);
    expect(String(errors[0])).toMatch(/create_client\("127.0.0.1", \d+, renoise.Socket.PROTOCOL_UDP\)/);
    expect(client.receive("*all", 50)).toEqual([undefined, "timeout"]);
  });

  it("with semantics.udpDummyCanSend, the dummy replies to the peer", () => {
    const { errors, client } = world(true);
    expect(errors).toEqual([]);
    expect(client.receive("*all", 50)).toEqual(["reply", undefined]);
  });

  it("never fires socket_accepted for UDP", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(8101, 2);
    const log: string[] = [];
    server!.run({ socket_accepted: () => log.push("accepted"), socket_message: () => log.push("message") });
    sim.renoise.Socket.create_client("localhost", 8101, 2)[0]!.send("x");
    sim.advance(0);
    expect(log).toEqual(["message"]);
  });
});
