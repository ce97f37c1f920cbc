import net from "node:net";
import { createSimulation, type SocketClient } from "../src/index.js";
import type { Benchmark } from "./report.js";
import { paired, timeMs, timeMsAsync } from "./stats.js";

/**
 * Connection churn: connect, accept, and both sides close — one connection
 * after the other. Simulated: create_client to a server on another host whose
 * socket_accepted closes the accepted socket, then the client closes. Real:
 * the same over `node:net` on 127.0.0.1, each cycle ending when both sockets
 * report 'close'.
 */
const SIM_CYCLES = 5_000;
const REAL_CYCLES = 400;
const REPS = 11;
/** Each repetition keeps the best of this many interleaved runs per side (see RepOptions in stats.ts). */
const BEST_OF = 3;

function simulated(): number {
  const sim = createSimulation();
  const host = sim.addHost("server");
  const [server, err] = host.Socket.create_server(7000);
  if (!server) throw new Error(`churn: create_server failed: ${err}`);
  let accepted = 0;
  server.run({
    socket_accepted(client: SocketClient) {
      accepted++;
      client.close();
    },
  });
  const { Socket } = sim.renoise;
  const ms = timeMs(() => {
    for (let i = 0; i < SIM_CYCLES; i++) {
      const [c, e] = Socket.create_client("server", 7000);
      if (!c) throw new Error(`churn: connect failed: ${e}`);
      c.close();
    }
    sim.runUntilIdle();
  });
  sim.dispose();
  if (accepted !== SIM_CYCLES) throw new Error(`churn: ${accepted} accepted, expected ${SIM_CYCLES}`);
  return (SIM_CYCLES / ms) * 1000;
}

async function real(): Promise<number> {
  let serverClosed: (() => void) | undefined;
  const server = net.createServer((s) => {
    s.on("error", () => s.destroy());
    s.on("close", () => serverClosed?.());
    s.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const cycle = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let open = 2;
      const done = (): void => {
        if (--open === 0) resolve();
      };
      serverClosed = done;
      const c = net.connect({ host: "127.0.0.1", port });
      c.on("error", reject);
      c.on("connect", () => c.end());
      c.on("data", () => undefined);
      c.on("close", done);
    });
  const ms = await timeMsAsync(async () => {
    for (let i = 0; i < REAL_CYCLES; i++) await cycle();
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return (REAL_CYCLES / ms) * 1000;
}

export const churn: Benchmark = {
  name: "churn",
  title: "3. Connection churn",
  async run() {
    const p = await paired(REPS, 1, simulated, real, { bestOf: BEST_OF });
    return [
      {
        label: "connect + accept + close (both sides)",
        unit: "connections/s",
        value: p.value,
        reference: { label: "node:net 127.0.0.1", value: p.reference },
        ratio: p.ratio,
        goal: { text: "≥ 15× (low end)", met: p.ratio.min >= 15 },
      },
    ];
  },
};
