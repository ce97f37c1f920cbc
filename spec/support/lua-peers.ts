import type { Simulation, SocketClient } from "../../src/index.js";

/** The body the simulated httpbin.org answers with. */
export const HTTPBIN_BODY = '{\n  "url": "http://httpbin.org/get",\n  "origin": "simulated"\n}\n';

/**
 * Adds a host "httpbin.org" whose TCP server on port 80 answers one HTTP
 * request per connection (after the blank line ending its head) with
 * `HTTPBIN_BODY` and a Content-Length, then closes the connection.
 */
export function addHttpbin(sim: Simulation): void {
  const httpbin = sim.addHost("httpbin.org", { address: "203.0.113.80" });
  const [server, err] = httpbin.Socket.create_server(80);
  if (!server) throw new Error(`httpbin: ${err}`);
  const heads = new Map<string, string>();
  server.run({
    socket_message(client: SocketClient, message: string) {
      const key = `${client.peer_address}:${client.peer_port}`;
      const head = (heads.get(key) ?? "") + message;
      if (!/\r?\n\r?\n/.test(head)) {
        heads.set(key, head);
        return;
      }
      heads.delete(key);
      client.send(
        `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${HTTPBIN_BODY.length}\r\n` +
          `Connection: close\r\n\r\n${HTTPBIN_BODY}`,
      );
      client.close();
    },
  });
}

/** Folder of a fixture tool in fixtures/tools. */
export function fixtureTool(name: string): string {
  return new URL(`../../fixtures/tools/${name}`, import.meta.url).pathname;
}
