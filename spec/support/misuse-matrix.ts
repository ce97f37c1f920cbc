import { createSimulation, type SocketClient, type SocketServer } from "../../src/index.js";

/** A fresh world for one matrix row: a running TCP server on 6100, a connected client, the accepted wrapper. */
export function matrixWorld() {
  const sim = createSimulation();
  const { Socket } = sim.renoise;
  const [server] = Socket.create_server(6100);
  let accepted: SocketClient | undefined;
  server!.run({ socket_accepted: (c) => void (accepted = c) });
  const [client] = Socket.create_client("localhost", 6100);
  const [udp] = Socket.create_client("localhost", 6101, 2);
  sim.advance(0);
  return { sim, Socket, server: server!, client: client!, udp: udp!, accepted: accepted! };
}
export type World = ReturnType<typeof matrixWorld>;

/** What a row expects: a thrown logic error matching `raises`, or a returned value. */
export interface Row {
  call: string;
  input: string;
  run: (w: World) => unknown;
  raises?: RegExp;
  returns?: unknown;
}

const api = (w: World) => w.Socket as unknown as Record<string, (...a: unknown[]) => unknown>;
const cl = (c: SocketClient) => c as unknown as Record<string, (...a: unknown[]) => unknown>;
const sv = (s: SocketServer) => s as unknown as Record<string, (...a: unknown[]) => unknown>;

/** Every public call with every class of bad argument. */
export const ARGUMENT_ROWS: Row[] = [
  { call: "create_server", input: "no arguments", run: (w) => api(w).create_server!(), raises: /create_server: expected \(\[address,\] port/ },
  { call: "create_server", input: "port is a table", run: (w) => api(w).create_server!({}), raises: /create_server: expected/ },
  { call: "create_server", input: "port -1", run: (w) => w.Socket.create_server(-1), raises: /port must be an integer in 0..65535, got -1/ },
  { call: "create_server", input: "port 65536", run: (w) => w.Socket.create_server(65536), raises: /port must be an integer in 0..65535/ },
  { call: "create_server", input: "port NaN", run: (w) => w.Socket.create_server(NaN), raises: /port must be/ },
  { call: "create_server", input: "port 1.5", run: (w) => w.Socket.create_server(1.5), raises: /port must be/ },
  { call: "create_server", input: "address, no port", run: (w) => api(w).create_server!("localhost"), raises: /port must be/ },
  { call: "create_server", input: "empty address", run: (w) => w.Socket.create_server("", 6200), raises: /address must be a non-empty string/ },
  { call: "create_server", input: "protocol 3", run: (w) => api(w).create_server!(6200, 3), raises: /protocol must be renoise.Socket.PROTOCOL_TCP \(1\) or PROTOCOL_UDP \(2\), got 3/ },
  { call: "create_server", input: 'protocol "udp"', run: (w) => api(w).create_server!(6200, "udp"), raises: /protocol must be/ },
  { call: "create_server", input: "foreign address", run: (w) => w.Socket.create_server("10.9.9.9", 6200), returns: [undefined, "Cannot assign requested address"] },
  { call: "create_server", input: "port in use", run: (w) => w.Socket.create_server(6100), returns: [undefined, "Address already in use"] },
  { call: "create_client", input: "no arguments", run: (w) => api(w).create_client!(), raises: /create_client: address must be a non-empty string/ },
  { call: "create_client", input: "address is a number", run: (w) => api(w).create_client!(127, 80), raises: /address must be a non-empty string .*got 127/ },
  { call: "create_client", input: "missing port", run: (w) => api(w).create_client!("localhost"), raises: /port must be an integer in 1..65535, got nil/ },
  { call: "create_client", input: "port 0", run: (w) => w.Socket.create_client("localhost", 0), raises: /port must be an integer in 1..65535/ },
  { call: "create_client", input: "port 70000", run: (w) => w.Socket.create_client("localhost", 70000), raises: /port must be/ },
  { call: "create_client", input: "protocol 0", run: (w) => api(w).create_client!("localhost", 80, 0), raises: /protocol must be/ },
  { call: "create_client", input: "timeout 0", run: (w) => w.Socket.create_client("localhost", 80, 1, 0), raises: /timeout must be a finite number > 0/ },
  { call: "create_client", input: "timeout -1", run: (w) => w.Socket.create_client("localhost", 80, 1, -1), raises: /timeout must be/ },
  { call: "create_client", input: "timeout NaN", run: (w) => w.Socket.create_client("localhost", 80, 1, NaN), raises: /timeout must be/ },
  { call: "create_client", input: "timeout Infinity", run: (w) => w.Socket.create_client("localhost", 80, 1, Infinity), raises: /timeout must be/ },
  { call: "create_client", input: 'timeout "100"', run: (w) => api(w).create_client!("localhost", 80, 1, "100"), raises: /timeout must be/ },
  { call: "create_client", input: "huge timeout, nobody there", run: (w) => w.Socket.create_client("10.8.8.8", 80, 1, 1e9), returns: [undefined, "Connection timed out"] },
  { call: "create_client", input: "unknown host", run: (w) => w.Socket.create_client("no.such.host", 80), returns: [undefined, "Host not found (authoritative)"] },
  { call: "SocketClient:receive", input: 'mode "*nothing"', run: (w) => cl(w.client).receive!("*nothing", 10), raises: /invalid receive mode "\*nothing"/ },
  { call: "SocketClient:receive", input: "mode 0", run: (w) => w.client.receive(0, 10), raises: /invalid receive mode 0/ },
  { call: "SocketClient:receive", input: "mode -3", run: (w) => w.client.receive(-3, 10), raises: /invalid receive mode -3/ },
  { call: "SocketClient:receive", input: "mode {}", run: (w) => cl(w.client).receive!({}, 10), raises: /invalid receive mode a table/ },
  { call: "SocketClient:receive", input: "mode missing", run: (w) => cl(w.client).receive!(), raises: /invalid receive mode nil/ },
  { call: "SocketClient:receive", input: "timeout missing", run: (w) => cl(w.client).receive!("*all"), raises: /timeout must be a finite number >= 0 \(milliseconds\), got nil/ },
  { call: "SocketClient:receive", input: "timeout -1", run: (w) => w.client.receive("*all", -1), raises: /timeout must be/ },
  { call: "SocketClient:receive", input: "timeout NaN", run: (w) => w.client.receive("*all", NaN), raises: /timeout must be/ },
  { call: "SocketClient:receive", input: "timeout 0", run: (w) => w.client.receive("*all", 0), returns: [undefined, "timeout"] },
  { call: "SocketClient:send", input: "a number", run: (w) => cl(w.client).send!(42), raises: /send: message must be a byte string, a Uint8Array or a renoise.Osc Message\/Bundle, got 42/ },
  { call: "SocketClient:send", input: "nil", run: (w) => cl(w.client).send!(), raises: /send: message must be/ },
  { call: "SocketClient:send", input: "a table", run: (w) => cl(w.client).send!({ a: 1 }), raises: /send: message must be/ },
  { call: "SocketClient:send", input: "text with U+20AC", run: (w) => w.client.send("5€"), raises: /character U\+20AC at index 1 is not a byte/ },
  { call: "SocketClient:send", input: "UDP, 65,508 bytes", run: (w) => w.udp.send("x".repeat(65508)), returns: [false, "Message too long"] },
  { call: "SocketServer:run", input: "nil", run: (w) => sv(w.server).run!(), raises: /run: notifier must be a table of callbacks or a class instance, got nil/ },
  { call: "SocketServer:run", input: "a string", run: (w) => sv(w.server).run!("x"), raises: /run: notifier must be/ },
  { call: "SocketServer:run", input: "socket_message = 1", run: (w) => (w.server.stop(), sv(w.server).run!({ socket_message: 1 })), raises: /notifier.socket_message must be a function, got 1/ },
  { call: "SocketServer:wait", input: "timeout -5", run: (w) => w.server.wait(-5), raises: /wait: timeout must be a finite number >= 0/ },
  { call: "SocketServer:wait", input: 'timeout "1"', run: (w) => sv(w.server).wait!("1"), raises: /wait: timeout must be/ },
];

/** Every call on a socket in every lifecycle state. */
export const STATE_ROWS: Row[] = [
  { call: "server.run", input: "server running", run: (w) => w.server.run({}), raises: /already running; call stop\(\) before run\(\) again/ },
  { call: "server.run", input: "server stopped", run: (w) => (w.server.stop(), w.server.run({}), w.server.is_running), returns: true },
  { call: "server.stop", input: "server stopped", run: (w) => (w.server.stop(), w.server.stop(), w.server.is_running), returns: false },
  { call: "server.wait", input: "server stopped", run: (w) => (w.server.stop(), w.server.wait(10), w.sim.now), returns: 10 },
  { call: "server.is_open", input: "server stopped", run: (w) => (w.server.stop(), w.server.is_open), returns: true },
  { call: "server.local_port", input: "server closed", run: (w) => (w.server.close(), w.server.local_port), raises: /SocketServer.local_port: the server was closed with close\(\)/ },
  { call: "server.close", input: "server closed", run: (w) => (w.server.close(), w.server.close()), raises: /SocketServer:close: the server was closed/ },
  { call: "client.send", input: "client open", run: (w) => w.client.send("x"), returns: [true, undefined] },
  { call: "client.is_open", input: "client closed by the user", run: (w) => (w.client.close(), w.client.is_open), raises: /SocketClient.is_open: the socket was closed with close\(\)/ },
  { call: "client.send", input: "client closed by the user", run: (w) => (w.client.close(), w.client.send("x")), raises: /SocketClient:send: the socket was closed with close\(\)/ },
  { call: "client.receive", input: "client closed by an error", run: (w) => (w.accepted.close(), w.client.receive("*all", 10), w.client.receive("*all", 10)), raises: /receive failed and closed it/ },
  { call: "client.is_open", input: "client closed by an error", run: (w) => (w.accepted.close(), w.client.receive("*all", 10), w.client.is_open), returns: false },
  { call: "client.peer_port", input: "client closed by an error", run: (w) => (w.accepted.close(), w.client.receive("*all", 10), w.client.peer_port), returns: 6100 },
  { call: "client.close", input: "client closed by an error", run: (w) => (w.accepted.close(), w.client.receive("*all", 10), w.client.close(), "ok"), returns: "ok" },
  { call: "client.send", input: "disconnected by the peer, not yet observed", run: (w) => (w.accepted.close(), w.sim.advance(0), w.client.send("x")), returns: [false, "disconnected"] },
  { call: "client.receive", input: "disconnected by the peer", run: (w) => (w.accepted.close(), w.client.receive("*line", 10)), returns: [undefined, "disconnected"] },
  { call: "accepted.is_open", input: "peer disconnected", run: (w) => (w.client.close(), w.sim.advance(0), w.accepted.is_open), returns: false },
  { call: "accepted.send", input: "peer disconnected", run: (w) => (w.client.close(), w.sim.advance(0), w.accepted.send("x")), raises: /is_open is false\)\. Check is_open before replying/ },
  { call: "accepted.receive", input: "open", run: (w) => w.accepted.receive("*all", 0), raises: /its data arrives through the notifier's socket_message callback/ },
  { call: "accepted.send", input: "closed by the user", run: (w) => (w.accepted.close(), w.accepted.send("x")), raises: /this connection was closed with close\(\)/ },
  { call: "accepted.is_open", input: "server closed", run: (w) => (w.server.close(), w.accepted.is_open), returns: false },
];

/** The misuse table as Markdown (docs/misuse.md is this, checked by spec/docs/misuse-matrix.spec.ts). */
export function renderMatrix(outcome: (r: Row) => string): string {
  const head = (rows: Row[]) =>
    ["| Call | Input / state | Outcome |", "|---|---|---|", ...rows.map((r) => `| \`${r.call}\` | ${r.input} | ${outcome(r)} |`)].join("\n");
  return [
    "# Misuse matrix",
    "",
    "Generated from `spec/support/misuse-matrix.ts`; `spec/docs/misuse-matrix.spec.ts` runs every row",
    "and fails if this page and the code disagree. **raises** = a `SocketLogicError`",
    "(a Lua runtime error in Renoise) with the message shown; **returns** = Renoise's",
    "expected-failure channel. After every row the simulation is still usable.",
    "",
    "## Arguments",
    "",
    head(ARGUMENT_ROWS),
    "",
    "## Lifecycle states",
    "",
    head(STATE_ROWS),
    "",
  ].join("\n");
}
