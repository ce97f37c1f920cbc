import { describe, expect, it } from "vitest";
import { createSimulation, SocketLogicError, type Notifier, type SocketClient, type SocketServer } from "../../src/index.js";

// Hardening: what each call does when made from inside a notifier callback. None may corrupt
// the simulation, deliver a callback to a closed server, or lose bytes already delivered.
type Ctx = { sim: ReturnType<typeof createSimulation>; c: SocketClient; m: string; server: SocketServer };
function world(handler: (ctx: Ctx) => void) {
  const sim = createSimulation();
  const { Socket } = sim.renoise;
  const [server] = Socket.create_server(5500);
  const seen: string[] = [];
  const notifier: Notifier = {
    socket_message: (c, m) => {
      seen.push(m);
      handler({ sim, c, m, server: server! });
    },
  };
  server!.run(notifier);
  const [client] = Socket.create_client("localhost", 5500);
  return { sim, Socket, server: server!, client: client!, seen };
}

describe("re-entrant calls from callbacks", () => {
  it("close() of the server inside a callback: nothing more is delivered to it", () => {
    const w = world(({ server }) => server.close());
    w.client.send("1");
    w.client.send("2");
    w.sim.advance(0);
    expect(w.seen).toEqual(["1"]);
    // "2" reached a connection the close had already shut: the trace shows it dropped.
    expect(w.sim.events.filter((e) => e.kind === "drop").map((e) => [e.reason, e.data])).toEqual([
      ["connection closed by receiver", "2"],
    ]);
    expect(w.client.receive("*all", 10)).toEqual([undefined, "disconnected"]);
  });

  it("stop() then run() with another notifier inside a callback hands the rest to the new one", () => {
    const other: string[] = [];
    const w = world(({ server }) => {
      server.stop();
      server.run({ socket_message: (_c, m) => other.push(m) });
    });
    w.client.send("1");
    w.client.send("2");
    w.sim.advance(0);
    expect(w.seen).toEqual(["1"]);
    expect(other).toEqual(["2"]);
  });

  it("run() while running raises inside the callback; the error is reported, nothing is lost", () => {
    const w = world(({ server }) => server.run({}));
    w.client.send("x");
    expect(() => w.sim.advance(0)).toThrow(/already running/);
    w.client.send("y");
    expect(() => w.sim.advance(0)).toThrow(/already running/);
    expect(w.seen).toEqual(["x", "y"]);
  });

  it("wait() inside a callback passes time but runs no nested callbacks", () => {
    const times: number[] = [];
    const w = world(({ sim, server }) => {
      times.push(sim.now);
      if (times.length === 1) server.wait(100);
    });
    w.client.send("1");
    w.client.send("2");
    w.sim.advance(0);
    expect(w.seen).toEqual(["1", "2"]);
    expect(times).toEqual([0, 100]);
  });

  it("closing the connection, then sending on it, inside a callback", () => {
    const errors: unknown[] = [];
    const w = world(({ c }) => {
      c.send("last words");
      c.close();
      try {
        c.send("after close");
      } catch (e) {
        errors.push(e);
      }
    });
    w.client.send("hi");
    w.sim.advance(0);
    expect(errors[0]).toBeInstanceOf(SocketLogicError);
    expect(w.client.receive("*all", 10)).toEqual(["last words", undefined]);
    expect(w.client.receive("*all", 10)).toEqual([undefined, "disconnected"]);
  });

  it("creating a server and a client inside a callback; the client's blocking receive cannot see the tool's own reply", () => {
    const results: unknown[] = [];
    const w = world(({ sim }) => {
      const { Socket } = sim.renoise;
      const [s2] = Socket.create_server(5501);
      s2!.run({ socket_message: (c, m) => void c.send(`echo ${m}`) });
      const [c2, err] = Socket.create_client("localhost", 5501);
      results.push(err);
      c2!.send("inner");
      // The GUI thread is busy in this callback: s2 cannot answer until it returns.
      results.push(c2!.receive("*all", 50));
      sim.schedule(0, () => results.push(c2!.receive("*all", 0)));
    });
    w.client.send("go");
    w.sim.advance(100);
    expect(results).toEqual([undefined, [undefined, "timeout"], ["echo inner", undefined]]);
  });
});
