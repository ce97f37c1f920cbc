import type { ByteString } from "../core/bytes.js";

/** Whoever owns a bound UDP port (a server, or a client's socket). */
export interface UdpEndpoint {
  readonly bindAddress: string;
  /** One datagram arrived from `fromAddr:fromPort`. */
  onDatagram(data: ByteString, fromAddr: string, fromPort: number): void;
}
