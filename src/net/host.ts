import { LOOPBACK } from "./address.js";
import type { UdpEndpoint } from "./udp-endpoint.js";
import type { TcpListener } from "./tcp-listener.js";
import { GuiThread, type GuiPending } from "./gui-thread.js";

/** A simulated machine: addresses, bound ports, and its own GUI thread. */
export class Host {
  /** False while the host is crashed (its packets vanish). */
  up = true;
  readonly tcpPorts = new Map<number, TcpListener>();
  readonly udpPorts = new Map<number, UdpEndpoint>();
  /** Ports its clients hold (drawn by the network's allocatePort, given back when they close). */
  readonly clientTcpPorts = new Set<number>();
  readonly clientUdpPorts = new Set<number>();
  /** Callbacks for this host's notifiers run here, one at a time. */
  readonly gui: GuiThread;

  constructor(
    /** Unique host name, used in traces. */
    readonly name: string,
    /** The host's primary (non-loopback) address. */
    readonly address: string,
    /** Where its GUI thread marks queued work, and its bit there (see GuiPending). */
    pending?: GuiPending,
    bit = 0,
  ) {
    this.gui = new GuiThread(pending, bit);
  }

  /** True if `addr` is one of this host's own addresses. */
  owns(addr: string): boolean {
    return addr === this.address || addr === LOOPBACK || addr.startsWith("127.");
  }

  /** The address this host uses as source when talking to `dest`. */
  sourceFor(dest: string): string {
    return dest.startsWith("127.") ? LOOPBACK : this.address;
  }
}
