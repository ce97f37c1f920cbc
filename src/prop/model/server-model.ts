import type { ByteString } from "../../core/bytes.js";
import type { SocketClient, SocketServer } from "../../renoise/socket/types.js";
import type { SimHost, Simulation } from "../../sim/simulation.js";

/** One connection a peer made, as the reference model sees it. */
export interface ModelClient {
  /** Index of the peer host that made it. */
  readonly peer: number;
  /** Virtual time the server's accept (and socket_accepted) became due. */
  readonly acceptAt: number;
  accepted: boolean;
  /** Sent bytes with their arrival times, not yet delivered to socket_message. */
  inFlight: { at: number; data: ByteString }[];
  delivered: ByteString;
  /** close() was called on the client. */
  closed: boolean;
  /** A receive reported "disconnected": send/receive raise, is_open is false. */
  failed: boolean;
  /** Virtual time the server's FIN reaches the client (server closed), or Infinity. */
  finAt: number;
}

/**
 * A small reference model of one TCP server on the tool host and the peers
 * that connect to it. It knows nothing of the network's code: only the
 * rules (R8, R13, R14, R16, R17, R20) and a fixed one-way latency.
 */
export interface ServerModel {
  now: number;
  state: "created" | "running" | "stopped" | "closed";
  clients: ModelClient[];
}

/** The real system the commands drive. */
export interface ServerReal {
  readonly sim: Simulation;
  readonly server: SocketServer;
  readonly peers: readonly SimHost[];
  readonly port: number;
  /** Clients in the order they were created (same indices as the model's). */
  readonly clients: SocketClient[];
  /** What the notifier saw: one entry per callback. */
  readonly log: { callback: string; peer: string; data?: ByteString; at: number }[];
  /** Peer endpoint ("addr:port") of each client, same indices. */
  readonly endpoints: string[];
}

/** One-way latency of the model's network. */
export const MODEL_LATENCY = 1;

/** Lets the model's time pass to `now`; callbacks run only while the server runs (R16, R20). */
export function deliver(m: ServerModel): void {
  if (m.state !== "running") return;
  for (const c of m.clients) {
    if (!c.accepted && c.acceptAt <= m.now) c.accepted = true;
    if (!c.accepted) continue;
    while (c.inFlight.length > 0 && c.inFlight[0]!.at <= m.now) c.delivered += c.inFlight.shift()!.data;
  }
}

/** A fresh model: a created (not yet running) server at time 0. */
export function initialModel(): ServerModel {
  return { now: 0, state: "created", clients: [] };
}

/** Builds the real system: a simulation with a TCP server (not running) and `peers` peer hosts. */
export function initialReal(sim: Simulation, peers: number, port = 8000): ServerReal {
  const [server, err] = sim.renoise.Socket.create_server(port);
  if (!server) throw new Error(`initialReal: create_server failed: ${err}`);
  const hosts = Array.from({ length: peers }, (_, i) => sim.addHost(`peer${i + 1}`));
  return { sim, server, peers: hosts, port, clients: [], log: [], endpoints: [] };
}
