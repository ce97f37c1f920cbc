import type { SimHost } from "../sim/simulation.js";
import type { Responder } from "./types.js";
import { text } from "../core/bytes.js";

/** Starts a built-in responder on `host`. */
export function startResponder(host: SimHost, r: Responder): void {
  const { Socket } = host;
  if (r.kind === "http") {
    const [server, err] = Socket.create_server(r.port ?? 80);
    if (!server) throw new Error(`responder on ${host.name}: ${err}`);
    const pending = new Map<string, string>();
    const body = text(r.body ?? `<html><body>${host.name}</body></html>\n`);
    const status = r.status ?? 200;
    server.run({
      socket_message(c, m) {
        const key = `${c.peer_address}:${c.peer_port}`;
        const req = (pending.get(key) ?? "") + m;
        if (!/\r?\n\r?\n/.test(req)) {
          pending.set(key, req);
          return;
        }
        pending.delete(key);
        if (!c.is_open) return;
        c.send(
          `HTTP/1.0 ${status} ${status === 200 ? "OK" : "Status"}\r\n` +
            `Content-Type: ${r.contentType ?? "text/html"}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        );
        c.close();
      },
    });
    return;
  }
  if (r.kind === "echo") {
    const udp = r.protocol === "udp";
    const [server, err] = Socket.create_server(r.port, udp ? 2 : 1);
    if (!server) throw new Error(`responder on ${host.name}: ${err}`);
    server.run({
      socket_message(c, m) {
        if (c.is_open) {
          c.send(m);
        } else if (udp) {
          const [reply] = Socket.create_client(c.peer_address, c.peer_port, 2);
          reply?.send(m);
          reply?.close();
        }
      },
    });
    return;
  }
  const [server, err] = Socket.create_server(r.port);
  if (!server) throw new Error(`responder on ${host.name}: ${err}`);
  const partial = new Map<string, string>();
  server.run({
    socket_message(c, m) {
      const key = `${c.peer_address}:${c.peer_port}`;
      const lines = ((partial.get(key) ?? "") + m).split("\n");
      partial.set(key, lines.pop()!);
      for (const line of lines) if (c.is_open) c.send(`${r.prefix ?? ""}${line}\n`);
    },
  });
}
