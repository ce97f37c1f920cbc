import { createOscApi, createSimulation, type Simulation, type SimulationOptions } from "../../src/index.js";
import type { OscArgument } from "../../src/renoise/osc/index.js";
import type { RenoiseOscServer } from "../../src/renoise/osc-server/index.js";
import { startOscServer, type StartOscServerOptions } from "../../src/tool/osc-server.js";

const { Message } = createOscApi();

/** A simulation with Renoise's OSC server enabled and a controller host to send from. */
export async function oscServerWorld(options: StartOscServerOptions = {}, simOptions: SimulationOptions = { seed: 1 }): Promise<{
  sim: Simulation;
  server: RenoiseOscServer;
  /** Sends one OSC message from the controller host and runs the simulation until idle. */
  send(this: void, address: string, args?: OscArgument[]): void;
  /** Sends raw bytes. */
  sendRaw(this: void, bytes: string): void;
}> {
  const sim = createSimulation(simOptions);
  const server = await startOscServer(sim, options);
  const controller = sim.addHost("controller");
  const tcp = options.protocol === "tcp";
  const [client, err] = controller.Socket.create_client(sim.host.address, server.port, tcp ? 1 : 2);
  if (!client) throw new Error(`controller cannot reach the OSC server: ${err}`);
  const sendRaw = (bytes: string): void => {
    client.send(bytes);
    sim.runUntilIdle();
  };
  return {
    sim,
    server,
    send: (address, args = []) => sendRaw(Message(address, args).binary_data),
    sendRaw,
  };
}
