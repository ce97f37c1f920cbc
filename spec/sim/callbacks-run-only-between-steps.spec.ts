import { describe, expect, it } from "vitest";
import { createSimulation, type SocketClient } from "../../src/index.js";

// R2, R20: callbacks never run in the middle of other code: only when virtual time
// steps (advance / runUntilIdle), or inside server:wait() for that server.
describe("callback delivery", () => {
  it("does not call the notifier while user code runs", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(7700);
    const log: string[] = [];
    server!.run({ socket_message: (_c, m) => log.push(m) });
    const [client] = sim.renoise.Socket.create_client("localhost", 7700);
    client!.send("one");
    client!.send("two");
    expect(log).toEqual([]);
    sim.advance(0);
    expect(log).toEqual(["one", "two"]);
  });

  it("a blocking receive on the tool host does not run that host's callbacks", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(7701);
    let replied = false;
    server!.run({
      socket_message: (c: SocketClient) => {
        replied = true;
        c.send("pong\n");
      },
    });
    const [client] = sim.renoise.Socket.create_client("localhost", 7701);
    client!.send("ping\n");
    // The GUI thread is blocked in receive: the server cannot answer in time.
    expect(client!.receive("*line", 300)).toEqual([undefined, "timeout"]);
    expect(replied).toBe(false);
    sim.advance(0);
    expect(replied).toBe(true);
    expect(client!.receive("*line", 0)).toEqual(["pong", undefined]);
  });

  it("server:wait runs that server's callbacks as events happen, not other servers'", () => {
    const sim = createSimulation();
    const { Socket } = sim.renoise;
    const [a] = Socket.create_server(7702);
    const [b] = Socket.create_server(7703);
    const log: string[] = [];
    a!.run({ socket_message: (_c, m) => log.push(`a:${m}@${sim.now}`) });
    b!.run({ socket_message: (_c, m) => log.push(`b:${m}@${sim.now}`) });
    const [ca] = Socket.create_client("localhost", 7702);
    const [cb] = Socket.create_client("localhost", 7703);
    ca!.send("x");
    cb!.send("y");
    a!.wait(100);
    expect(log).toEqual(["a:x@0"]);
    sim.advance(0);
    expect(log).toEqual(["a:x@0", "b:y@100"]);
  });

  it("a peer on another host keeps serving while the tool blocks", () => {
    const sim = createSimulation({ latency: 10 });
    const peer = sim.addHost("peer");
    const [server] = peer.Socket.create_server(7704);
    server!.run({ socket_message: (c, m) => void c.send(`re:${m}`) });
    const [client] = sim.renoise.Socket.create_client("peer", 7704);
    client!.send("q");
    expect(client!.receive("*all", 100)).toEqual(["re:q", undefined]);
    expect(sim.now).toBe(40);
  });
});
