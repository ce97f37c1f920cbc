import type { TcpEnd } from "./tcp-end.js";

/** Whoever listens on a bound TCP port (a SocketServer). */
export interface TcpListener {
  /** The address the listener is bound to ("0.0.0.0" for any). */
  readonly bindAddress: string;
  /** A new connection reached the listener (the handshake completed on its side). */
  onConnection(end: TcpEnd): void;
}
