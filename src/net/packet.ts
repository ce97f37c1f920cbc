import type { ByteString } from "../core/bytes.js";
import type { Host } from "./host.js";
import type { TcpEnd } from "./tcp-end.js";

/** What travels between hosts: TCP control and data segments, UDP datagrams. */
export type PacketKind = "syn" | "syn-ack" | "rst" | "data" | "fin" | "datagram";

/** One packet in flight. */
export interface Packet {
  /** Packet number within the simulation (1, 2, 3, ...). */
  id: number;
  kind: PacketKind;
  proto: "tcp" | "udp";
  from: Host;
  fromAddr: string;
  fromPort: number;
  to: Host | undefined;
  toAddr: string;
  toPort: number;
  /** Payload for data segments and datagrams. */
  data?: ByteString;
  /** For TCP: the sending end of the connection (absent for a SYN). */
  end?: TcpEnd;
  /** Virtual time the packet was sent. */
  sentAt: number;
  /** TCP connection number (also set on a SYN, which has no end yet). */
  conn?: number;
  /** TCP data and FIN: position in the sender's stream; the receiver delivers in this order. */
  streamSeq?: number;
  /** TCP retransmission count (0 or absent for the first transmission). */
  attempt?: number;
  /** TCP data: may join the previous socket_message still queued at the receiver (stream merging). */
  merge?: boolean;
}
