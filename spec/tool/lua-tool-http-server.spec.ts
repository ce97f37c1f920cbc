import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool, type Peer, type SocketClient, type Wait } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const BODY = "line one\r\n\r\nnot a header: \0\xff\x01 end";
const POST = `POST /echo HTTP/1.1\r\nHost: renoise\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`;
const GET = "GET /status HTTP/1.1\r\nHost: renoise\r\n\r\n";

/** Reads whole responses (head plus Content-Length body) until `count` were read or nothing comes for 500 ms. */
function* readResponses(peer: Peer, c: SocketClient, count: number): Generator<Wait, string[], void> {
  const out: string[] = [];
  let buffer = "";
  while (out.length < count) {
    const [data] = yield* peer.receive(c, "*all", 500);
    if (data === undefined) break;
    buffer += data;
    for (;;) {
      const headEnd = buffer.indexOf("\r\n\r\n");
      if (headEnd < 0) break;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.slice(0, headEnd))?.[1] ?? 0);
      if (buffer.length < headEnd + 4 + length) break;
      out.push(buffer.slice(0, headEnd + 4 + length));
      buffer = buffer.slice(headEnd + 4 + length);
    }
  }
  return out;
}

async function setup() {
  const sim = createSimulation({ seed: 9, latency: 2 });
  sim.addHost("browser");
  sim.addHost("curl");
  const tool = await loadLuaTool(sim, { dir: fixtureTool("http-server") });
  const requests = () => tool.vm.run("return table.concat(http_server.requests, '|')")[0];
  const callbacks = () => sim.events.filter((e) => e.kind === "callback" && e.callback === "socket_message").length;
  return { sim, tool, requests, callbacks };
}

describe("fixture tool: HTTP server with a class notifier, requests reassembled by Content-Length", () => {
  it("answers a POST whose body holds a blank line and binary bytes", async () => {
    const { sim, tool, requests } = await setup();
    let responses: string[] = [];
    sim.spawn("browser", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8080);
      c!.send(POST);
      responses = yield* readResponses(peer, c!, 1);
    });
    sim.runUntilIdle();
    expect(responses).toEqual([
      `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
    ]);
    expect(requests()).toBe(`POST /echo ${BODY.length}`);
    tool.unload();
  });

  it("waits for the rest of a request split inside the head, the blank line and the body", async () => {
    const { sim, tool, requests, callbacks } = await setup();
    const blank = POST.indexOf("\r\n\r\n");
    sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [3, blank + 1, blank + 3, POST.length - 5] }] });
    let responses: string[] = [];
    sim.spawn("browser", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8080);
      c!.send(POST);
      responses = yield* readResponses(peer, c!, 1);
    });
    sim.runUntilIdle();
    expect(callbacks()).toBe(5);
    expect(responses).toHaveLength(1);
    expect(responses[0]!.endsWith(`\r\n\r\n${BODY}`)).toBe(true);
    expect(requests()).toBe(`POST /echo ${BODY.length}`);
    tool.unload();
  });

  it("answers both requests when two sends arrive merged in one socket_message", async () => {
    const { sim, tool, requests, callbacks } = await setup();
    sim.faults.cutStream({ merges: [{ conn: 1, send: 1 }] });
    let responses: string[] = [];
    sim.spawn("browser", function* (peer) {
      const [c] = yield* peer.connect(sim.host.address, 8080);
      c!.send(GET);
      c!.send(POST);
      responses = yield* readResponses(peer, c!, 2);
    });
    sim.runUntilIdle();
    expect(callbacks()).toBe(1);
    const delivered = sim.events.find((e) => e.kind === "callback" && e.callback === "socket_message");
    expect(delivered?.bytes).toBe(GET.length + POST.length);
    expect(responses.map((r) => r.split("\r\n")[0])).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 200 OK"]);
    expect(responses[0]!.endsWith("\r\n\r\nok")).toBe(true);
    expect(requests()).toBe(`GET /status 0|POST /echo ${BODY.length}`);
    tool.unload();
  });

  it("keeps the pieces of two peers apart (state keyed by peer_address:peer_port)", async () => {
    const { sim, tool, requests } = await setup();
    const responses: Record<string, string[]> = {};
    for (const [host, target, start] of [
      ["browser", "/status", 0],
      ["curl", "/missing", 1],
    ] as const) {
      sim.spawn(host, function* (peer) {
        yield* peer.sleep(start);
        const [c] = yield* peer.connect(sim.host.address, 8080);
        const request = `GET ${target} HTTP/1.1\r\nHost: renoise\r\nUser-Agent: ${host}\r\n\r\n`;
        // Three pieces, 2 ms apart; the other peer's pieces fall in between.
        for (const piece of [request.slice(0, 10), request.slice(10, 40), request.slice(40)]) {
          c!.send(piece);
          yield* peer.sleep(2);
        }
        responses[host] = yield* readResponses(peer, c!, 1);
      });
    }
    sim.runUntilIdle();
    const order = sim.events
      .filter((e) => e.kind === "callback" && e.callback === "socket_message")
      .map((e) => (e.peer as string).split(":")[0]);
    expect(order).toEqual(["10.0.0.2", "10.0.0.3", "10.0.0.2", "10.0.0.3", "10.0.0.2", "10.0.0.3"]);
    expect(responses.browser![0]!.endsWith("\r\n\r\nok")).toBe(true);
    expect(responses.curl![0]!.startsWith("HTTP/1.1 404 Not Found")).toBe(true);
    expect(requests()).toBe("GET /status 0|GET /missing 0");
    expect(tool.vm.run("return http_server.connections, next(http_server.buffers)")).toEqual([2, undefined]);
    tool.unload();
  });
});
