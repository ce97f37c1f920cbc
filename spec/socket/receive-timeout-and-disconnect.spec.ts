import { describe, expect, it } from "vitest";
import { createSimulation, SocketLogicError, type SocketClient } from "../../src/index.js";

// R13: "timeout" leaves the socket open and usable; "disconnected" closes it, and send/receive then raise.
function world() {
  const sim = createSimulation({ loopbackLatency: 5 });
  const [server] = sim.renoise.Socket.create_server(7300);
  let conn: SocketClient | undefined;
  server!.run({ socket_accepted: (c) => void (conn = c) });
  const [client] = sim.renoise.Socket.create_client("localhost", 7300);
  sim.advance(0);
  return { sim, client: client!, conn: () => conn! };
}

describe("timeout vs disconnected", () => {
  it("a timeout keeps the socket open and usable", () => {
    const { sim, client, conn } = world();
    expect(client.receive("*line", 200)).toEqual([undefined, "timeout"]);
    expect(client.is_open).toBe(true);
    conn().send("late\n");
    sim.advance(10);
    expect(client.receive("*line", 0)).toEqual(["late", undefined]);
  });

  it("the peer's close ends with 'disconnected', after which the socket is closed and calls raise", () => {
    const { sim, client, conn } = world();
    conn().send("bye\n");
    conn().close();
    sim.advance(20);
    expect(client.is_open).toBe(true); // not observed yet
    expect(client.receive("*line", 100)).toEqual(["bye", undefined]);
    expect(client.receive("*line", 100)).toEqual([undefined, "disconnected"]);
    expect(client.is_open).toBe(false);
    expect(() => client.send("x")).toThrow(SocketLogicError);
    expect(() => client.receive("*all", 0)).toThrow(/receive failed and closed it/);
    // Properties other than is_open stay readable after an error close.
    expect(client.peer_port).toBe(7300);
  });

  it("a last line without newline is returned once before 'disconnected'", () => {
    const { sim, client, conn } = world();
    conn().send("tail-without-newline");
    conn().close();
    sim.advance(20);
    expect(client.receive("*line", 100)).toEqual(["tail-without-newline", undefined]);
    expect(client.receive("*line", 100)).toEqual([undefined, "disconnected"]);
  });

  it("a receive blocked on an idle connection wakes with 'disconnected' when the peer closes", () => {
    const { sim, client, conn } = world();
    sim.schedule(40, () => conn().close());
    const t0 = sim.now;
    expect(client.receive("*all", 1000)).toEqual([undefined, "disconnected"]);
    expect(sim.now - t0).toBe(45);
  });
});
