import net from "node:net";
import type { SimHost, SocketClient } from "../src/index.js";

/** The payload every echo benchmark sends: 32 bytes. */
export const PING = "ping 0123456789abcdef0123456789\n";

/** Runs an echo server on `host`: every socket_message is sent straight back. */
export function simEchoServer(host: SimHost, port: number): void {
  const [server, err] = host.Socket.create_server(port);
  if (!server) throw new Error(`bench: create_server(${port}) on ${host.name} failed: ${err}`);
  server.run({
    socket_message(client: SocketClient, message: string) {
      client.send(message);
    },
  });
}

/** One simulated echo round trip: send, then a blocking receive of the answer. */
export function simRoundTrip(client: SocketClient, mode: "*all" | number): void {
  client.send(PING);
  const [reply, err] = client.receive(mode, 1000);
  if (reply !== PING) throw new Error(`bench: echo answered ${JSON.stringify(reply)} (${err})`);
}

/** A real echo server on 127.0.0.1 and one connected client, in this process. */
export interface RealEcho {
  /** Runs `n` sequential round trips of {@link PING}. */
  roundTrips(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a `node:net` echo server on an ephemeral loopback port and connects to it. */
export async function realEcho(): Promise<RealEcho> {
  const server = net.createServer({ noDelay: true }, (s) => {
    s.on("data", (d) => s.write(d));
    s.on("error", () => s.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const client = net.connect({ host: "127.0.0.1", port, noDelay: true });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", resolve);
    client.once("error", reject);
  });
  const payload = Buffer.from(PING, "latin1");
  let waiting: { need: number; resolve: () => void } | undefined;
  client.on("data", (d: Buffer) => {
    if (!waiting) throw new Error("bench: unexpected echo data");
    waiting.need -= d.length;
    if (waiting.need <= 0) {
      const w = waiting;
      waiting = undefined;
      w.resolve();
    }
  });
  return {
    async roundTrips(n) {
      for (let i = 0; i < n; i++) {
        await new Promise<void>((resolve) => {
          waiting = { need: payload.length, resolve };
          client.write(payload);
        });
      }
    },
    async close() {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
