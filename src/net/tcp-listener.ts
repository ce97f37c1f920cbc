import type { TcpEnd, TcpEndPlace } from "./tcp-end.js";

/** Whoever listens on a bound TCP port (a SocketServer). */
export interface TcpListener {
  /** The address the listener is bound to ("0.0.0.0" for any). */
  readonly bindAddress: string;
  /**
   * Makes the accepting end of a new connection at `place`: a subclass that
   * carries the listener's own state of the connection, so that state and
   * the end are one object. Without it, the end is a plain TcpEnd.
   */
  makeEnd?(...place: TcpEndPlace): TcpEnd;
  /** A new connection reached the listener (the handshake completed on its side). */
  onConnection(end: TcpEnd): void;
}
