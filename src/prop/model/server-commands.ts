import fc from "fast-check";
import { escapeBytes, type ByteString } from "../../core/bytes.js";
import { SocketErrors } from "../../net/errors.js";
import type { Notifier, SocketClient } from "../../renoise/socket/types.js";
import { deliver, MODEL_LATENCY, type ModelClient, type ServerModel, type ServerReal } from "./server-model.js";

type Cmd = fc.Command<ServerModel, ServerReal>;

function fail(what: string, actual: unknown, expected: unknown): never {
  throw new Error(`model mismatch: ${what}: real ${JSON.stringify(actual)}, model ${JSON.stringify(expected)}`);
}

function raises(fn: () => unknown, what: string): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof Error && e.name === "SocketLogicError") return;
    throw e;
  }
  throw new Error(`model mismatch: ${what} should raise a SocketLogicError but returned`);
}

/** Compares everything observable about the server and the clients with the model. */
function compare(m: ServerModel, r: ServerReal): void {
  if (r.sim.now !== m.now) fail("virtual time", r.sim.now, m.now);
  if (m.state === "closed") raises(() => r.server.is_running, "is_running after close()");
  else if (r.server.is_running !== (m.state === "running")) fail("is_running", r.server.is_running, m.state === "running");
  m.clients.forEach((c, i) => {
    const ep = r.endpoints[i]!;
    const accepted = r.log.filter((l) => l.callback === "socket_accepted" && l.peer === ep).length;
    if (accepted !== (c.accepted ? 1 : 0)) fail(`socket_accepted calls for client ${i}`, accepted, c.accepted ? 1 : 0);
    const delivered = r.log
      .filter((l) => l.callback === "socket_message" && l.peer === ep)
      .map((l) => l.data ?? "")
      .join("");
    if (delivered !== c.delivered) fail(`bytes delivered from client ${i}`, escapeBytes(delivered), escapeBytes(c.delivered));
    const client = r.clients[i]!;
    if (c.closed) raises(() => client.is_open, `is_open of closed client ${i}`);
    else if (client.is_open !== !c.failed) fail(`is_open of client ${i}`, client.is_open, !c.failed);
  });
}

function recorder(r: ServerReal): Notifier {
  const at = (c: SocketClient): string => `${c.peer_address}:${c.peer_port}`;
  return {
    socket_accepted: (c) => void r.log.push({ callback: "socket_accepted", peer: at(c), at: r.sim.now }),
    socket_message: (c, data) => void r.log.push({ callback: "socket_message", peer: at(c), data, at: r.sim.now }),
  };
}

/** Builds one command from its parts; `act` changes model and real, then the state is compared. */
function command(name: string, act: (m: ServerModel, r: ServerReal) => void, check = (_m: ServerModel) => true): Cmd {
  return {
    check,
    run(m, r) {
      act(m, r);
      compare(m, r);
    },
    toString: () => name,
  };
}

const run = command("run()", (m, r) => {
  if (m.state === "running" || m.state === "closed") return raises(() => r.server.run(recorder(r)), `run() while ${m.state}`);
  r.server.run(recorder(r));
  m.state = "running";
});

const stop = command("stop()", (m, r) => {
  if (m.state === "closed") return raises(() => r.server.stop(), "stop() after close()");
  r.server.stop();
  if (m.state === "running") m.state = "stopped";
});

const close = command("close()", (m, r) => {
  if (m.state === "closed") return raises(() => r.server.close(), "close() twice");
  r.server.close();
  m.state = "closed";
  for (const c of m.clients) {
    c.inFlight = [];
    if (!c.closed) c.finAt = Math.min(c.finAt, m.now + MODEL_LATENCY);
  }
});

const wait = fc.integer({ min: 0, max: 20 }).map((ms) =>
  command(`wait(${ms})`, (m, r) => {
    if (m.state === "closed") return raises(() => r.server.wait(ms), "wait() after close()");
    r.server.wait(ms);
    m.now += ms;
    deliver(m);
  }),
);

const idle = fc.integer({ min: 0, max: 20 }).map((ms) =>
  command(`idle ${ms}ms`, (m, r) => {
    r.sim.advance(ms);
    m.now += ms;
    deliver(m);
  }),
);

function connect(peers: number): fc.Arbitrary<Cmd> {
  return fc.nat({ max: peers - 1 }).map((p) =>
    command(`peer${p + 1} create_client`, (m, r) => {
      const [client, err] = r.peers[p]!.Socket.create_client(r.sim.host.address, r.port, 1, 1000);
      const start = m.now;
      m.now += 2 * MODEL_LATENCY;
      if (m.state === "closed") {
        if (client || err !== SocketErrors.CONNECTION_REFUSED) fail("create_client to a closed server", err ?? "a client", SocketErrors.CONNECTION_REFUSED);
        deliver(m);
        return;
      }
      if (!client) return fail("create_client", err, "a client");
      r.clients.push(client);
      r.endpoints.push(`${client.local_address}:${client.local_port}`);
      const c: ModelClient = { peer: p, acceptAt: start + MODEL_LATENCY, accepted: false, inFlight: [], delivered: "", closed: false, failed: false, finAt: Infinity };
      m.clients.push(c);
      deliver(m);
    }),
  );
}

const hasClients = (m: ServerModel): boolean => m.clients.length > 0;

const send = fc
  .tuple(fc.nat({ max: 7 }), fc.uint8Array({ minLength: 1, maxLength: 6 }))
  .map(([i, bytes]) => {
    const data: ByteString = String.fromCharCode(...bytes);
    return command(
      `client ${i} send "${escapeBytes(data)}"`,
      (m, r) => {
        const k = i % m.clients.length;
        const c = m.clients[k]!;
        const client = r.clients[k]!;
        if (c.closed || c.failed) return raises(() => client.send(data), `send on a ${c.closed ? "closed" : "failed"} client`);
        const result = client.send(data);
        const expected = c.finAt <= m.now ? [false, SocketErrors.DISCONNECTED] : [true, undefined];
        if (result[0] !== expected[0] || result[1] !== expected[1]) fail(`send result of client ${k}`, result, expected);
        if (result[0] && m.state !== "closed") c.inFlight.push({ at: m.now + MODEL_LATENCY, data });
      },
      hasClients,
    );
  });

const receive = fc.nat({ max: 7 }).map((i) =>
  command(
    `client ${i} receive("*all", 0)`,
    (m, r) => {
      const k = i % m.clients.length;
      const c = m.clients[k]!;
      const client = r.clients[k]!;
      if (c.closed || c.failed) return raises(() => client.receive("*all", 0), `receive on a ${c.closed ? "closed" : "failed"} client`);
      const result = client.receive("*all", 0);
      const gone = c.finAt <= m.now;
      const expected = [undefined, gone ? SocketErrors.DISCONNECTED : SocketErrors.TIMEOUT];
      if (result[0] !== expected[0] || result[1] !== expected[1]) fail(`receive result of client ${k}`, result, expected);
      if (gone) c.failed = true;
      deliver(m);
    },
    hasClients,
  ),
);

const clientClose = fc.nat({ max: 7 }).map((i) =>
  command(
    `client ${i} close()`,
    (m, r) => {
      const k = i % m.clients.length;
      const c = m.clients[k]!;
      const client = r.clients[k]!;
      if (c.closed) return raises(() => client.close(), "close() of a closed client");
      client.close();
      c.closed = true;
    },
    hasClients,
  ),
);

/**
 * Random sequences of run / stop / close / wait / idle on the server and
 * create_client / send / receive / close on peers, for `fc.modelRun` against
 * {@link initialModel} and {@link initialReal}.
 */
export function serverCommands(peers = 2, maxCommands = 30): fc.Arbitrary<Iterable<Cmd>> {
  // Weighted toward traffic; close() ends most of what can happen, so it stays rare.
  const cmd = fc.oneof(
    { arbitrary: fc.constant(run), weight: 3 },
    { arbitrary: fc.constant(stop), weight: 1 },
    { arbitrary: fc.constant(close), weight: 1 },
    { arbitrary: wait, weight: 2 },
    { arbitrary: idle, weight: 3 },
    { arbitrary: connect(peers), weight: 3 },
    { arbitrary: send, weight: 5 },
    { arbitrary: receive, weight: 2 },
    { arbitrary: clientClose, weight: 1 },
  );
  return fc.commands([cmd], { maxCommands, size: "large" });
}
