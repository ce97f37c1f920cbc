import type { ByteString } from "../bytes.js";
import type { Rng } from "../core/rng.js";
import type { Scheduler } from "../core/scheduler.js";
import type { Trace } from "../core/trace.js";
import { ANY_ADDRESS, endpoint, isLoopback } from "./address.js";
import { Dns } from "./dns.js";
import { Host } from "./host.js";
import type { Packet, PacketKind } from "./packet.js";
import { TcpEnd } from "./tcp-end.js";
import type { UdpEndpoint } from "./udp-endpoint.js";
import { LinkModel, type Decision } from "./link-model.js";

/** Outcome of a TCP connection attempt. */
export type ConnectResult = { ok: true; end: TcpEnd } | { ok: false; reason: "refused" };

/** A TCP connection attempt in progress. */
export interface ConnectAttempt {
  /** The client gave up (timeout): a late SYN-ACK is answered with a reset. */
  abandon(): void;
}

const EPHEMERAL_MIN = 49152;
const EPHEMERAL_MAX = 65535;

/**
 * The simulated network: hosts, names, ports, TCP streams and UDP datagrams,
 * all on the simulation's virtual time. Packets travel through the
 * {@link LinkModel}, which decides when (or whether) each one arrives.
 */
export class Network {
  readonly dns = new Dns();
  readonly hosts = new Map<string, Host>();
  private readonly byAddress = new Map<string, Host>();
  readonly links: LinkModel;
  private packetCount = 0;
  private connCount = 0;
  /** Client ports in use per host and protocol. */
  private readonly ephemeral = new Map<string, Set<number>>();

  constructor(
    private readonly scheduler: Scheduler,
    readonly now: () => number,
    private readonly rng: Rng,
    private readonly trace: Trace,
  ) {
    this.links = new LinkModel(rng);
  }

  addHost(name: string, address: string): Host {
    const host = new Host(name, address);
    this.hosts.set(name, host);
    this.byAddress.set(address, host);
    return host;
  }

  /** The host that owns `addr` as seen from `from` (loopback means `from` itself). */
  hostAt(addr: string, from: Host): Host | undefined {
    if (isLoopback(addr)) return from;
    return this.byAddress.get(addr);
  }

  // ---------------------------------------------------------------- ports

  /** Draws a free client port for `host` from the seeded generator. */
  allocatePort(host: Host, proto: "tcp" | "udp"): number | undefined {
    const key = `${host.name}/${proto}`;
    let used = this.ephemeral.get(key);
    if (!used) this.ephemeral.set(key, (used = new Set()));
    const bound = proto === "tcp" ? host.tcpPorts : host.udpPorts;
    const free = (p: number): boolean => !used.has(p) && !bound.has(p);
    let port: number | undefined;
    for (let i = 0; i < 32 && port === undefined; i++) {
      const p = this.rng.int(EPHEMERAL_MIN, EPHEMERAL_MAX);
      if (free(p)) port = p;
    }
    if (port === undefined) {
      for (let p = EPHEMERAL_MIN; p <= EPHEMERAL_MAX; p++) {
        if (free(p)) {
          port = p;
          break;
        }
      }
    }
    if (port !== undefined) used.add(port);
    return port;
  }

  releasePort(host: Host, proto: "tcp" | "udp", port: number): void {
    this.ephemeral.get(`${host.name}/${proto}`)?.delete(port);
  }

  // ---------------------------------------------------------------- packets

  private packet(
    kind: PacketKind,
    proto: "tcp" | "udp",
    from: Host,
    fromAddr: string,
    fromPort: number,
    toAddr: string,
    toPort: number,
    data?: ByteString,
    end?: TcpEnd,
  ): Packet {
    return {
      id: ++this.packetCount,
      kind,
      proto,
      from,
      fromAddr,
      fromPort,
      to: this.hostAt(toAddr, from),
      toAddr,
      toPort,
      data,
      end,
      sentAt: this.now(),
    };
  }

  /** Sends a packet through the link model; `arrive` runs on arrival. */
  private transmit(p: Packet, arrive: (p: Packet) => void): void {
    const to = p.to;
    if (!p.from.up) return this.dropped(p, "sender down");
    if (!to) return this.dropped(p, "no route to host");
    const d: Decision = this.links.decide(p, this.now());
    if (d.kind === "drop") return this.dropped(p, d.reason);
    let at = d.at;
    if (p.end && p.proto === "tcp") {
      // A TCP stream never reorders: a segment arrives no earlier than the previous one.
      at = Math.max(at, p.end.lastArrival);
      p.end.lastArrival = at;
    }
    this.scheduler.schedule(at, () => {
      if (!to.up) return this.dropped(p, "receiver down");
      arrive(p);
    });
  }

  private dropped(p: Packet, reason: string): void {
    this.trace.record("drop", p.from.name, {
      proto: p.proto,
      packet: p.kind,
      from: endpoint(p.fromAddr, p.fromPort),
      to: endpoint(p.toAddr, p.toPort),
      reason,
      ...(p.data !== undefined ? this.trace.payload(p.data) : {}),
    });
  }

  // ---------------------------------------------------------------- TCP

  /**
   * Starts a TCP handshake from `from` (using local port `localPort`) to
   * `toAddr:toPort`. `done` runs on the client side when the SYN-ACK or a
   * refusing RST arrives. Without an answer, `done` never runs (the caller
   * times out).
   */
  connect(
    from: Host,
    localPort: number,
    toAddr: string,
    toPort: number,
    done: (r: ConnectResult) => void,
  ): ConnectAttempt {
    const fromAddr = from.sourceFor(toAddr);
    let abandoned = false;
    const conn = ++this.connCount;
    this.trace.record("tcp.connect", from.name, {
      conn,
      from: endpoint(fromAddr, localPort),
      to: endpoint(toAddr, toPort),
    });
    const syn = this.packet("syn", "tcp", from, fromAddr, localPort, toAddr, toPort);
    this.transmit(syn, (p) => {
      const server = p.to!;
      const listener = server.tcpPorts.get(toPort);
      const reachable =
        listener &&
        (listener.bindAddress === ANY_ADDRESS ||
          listener.bindAddress === toAddr ||
          (isLoopback(toAddr) && isLoopback(listener.bindAddress)));
      if (!listener || !reachable) {
        this.trace.record("tcp.refuse", server.name, { conn, from: endpoint(fromAddr, localPort), to: endpoint(toAddr, toPort) });
        const rst = this.packet("rst", "tcp", server, toAddr, toPort, fromAddr, localPort);
        rst.to = from;
        this.transmit(rst, () => {
          if (abandoned) return;
          this.trace.record("tcp.refused", from.name, { conn, from: endpoint(fromAddr, localPort), to: endpoint(toAddr, toPort) });
          done({ ok: false, reason: "refused" });
        });
        return;
      }
      const serverEnd = new TcpEnd(conn, "server", server, toAddr, toPort, fromAddr, localPort);
      const clientEnd = new TcpEnd(conn, "client", from, fromAddr, localPort, toAddr, toPort);
      serverEnd.peer = clientEnd;
      clientEnd.peer = serverEnd;
      serverEnd.lastArrival = clientEnd.lastArrival = this.now();
      this.trace.record("tcp.accept", server.name, { conn, from: endpoint(fromAddr, localPort), to: endpoint(toAddr, toPort) });
      listener.onConnection(serverEnd);
      const synAck = this.packet("syn-ack", "tcp", server, toAddr, toPort, fromAddr, localPort, undefined, serverEnd);
      synAck.to = from;
      this.transmit(synAck, () => {
        if (abandoned) {
          // The client gave up before the answer came: refuse the late connection.
          clientEnd.closedLocal = true;
          this.reset(clientEnd, "connect abandoned");
          return;
        }
        this.trace.record("tcp.established", from.name, { conn, from: endpoint(fromAddr, localPort), to: endpoint(toAddr, toPort) });
        done({ ok: true, end: clientEnd });
      });
    });
    return {
      abandon: () => {
        abandoned = true;
      },
    };
  }

  /** Queues bytes on the stream from `end` to its peer. */
  sendData(end: TcpEnd, data: ByteString): void {
    end.bytesSent += data.length;
    this.trace.record("tcp.send", end.host.name, {
      conn: end.conn,
      from: endpoint(end.localAddr, end.localPort),
      to: endpoint(end.peerAddr, end.peerPort),
      ...this.trace.payload(data),
    });
    const p = this.packet("data", "tcp", end.host, end.localAddr, end.localPort, end.peerAddr, end.peerPort, data, end);
    p.to = end.peer.host;
    this.transmit(p, () => {
      const peer = end.peer;
      if (peer.closedLocal) {
        this.dropped(p, "connection closed by receiver");
        return;
      }
      peer.bytesReceived += data.length;
      this.trace.record("tcp.deliver", peer.host.name, {
        conn: end.conn,
        from: endpoint(end.localAddr, end.localPort),
        to: endpoint(peer.localAddr, peer.localPort),
        ...this.trace.payload(data),
      });
      peer.owner?.onData(peer, data);
    });
  }

  /** Orderly close from `end`: the peer learns it after the bytes already sent. */
  close(end: TcpEnd, why = "close"): void {
    end.closedLocal = true;
    this.trace.record("tcp.close", end.host.name, {
      conn: end.conn,
      from: endpoint(end.localAddr, end.localPort),
      to: endpoint(end.peerAddr, end.peerPort),
      why,
    });
    if (end.side === "client") this.releasePort(end.host, "tcp", end.localPort);
    if (end.peerClosed) return;
    const p = this.packet("fin", "tcp", end.host, end.localAddr, end.localPort, end.peerAddr, end.peerPort, undefined, end);
    p.to = end.peer.host;
    this.transmit(p, () => this.peerGone(end.peer, false));
  }

  /** Abortive close from `end`: the peer sees a reset. */
  reset(end: TcpEnd, why = "reset"): void {
    end.closedLocal = true;
    this.trace.record("tcp.reset", end.host.name, {
      conn: end.conn,
      from: endpoint(end.localAddr, end.localPort),
      to: endpoint(end.peerAddr, end.peerPort),
      why,
    });
    if (end.side === "client") this.releasePort(end.host, "tcp", end.localPort);
    if (end.peerClosed) return;
    const p = this.packet("rst", "tcp", end.host, end.localAddr, end.localPort, end.peerAddr, end.peerPort, undefined, end);
    p.to = end.peer.host;
    this.transmit(p, () => this.peerGone(end.peer, true));
  }

  private peerGone(end: TcpEnd, reset: boolean): void {
    if (end.peerClosed) return;
    end.peerClosed = true;
    end.peerReset = reset;
    this.trace.record(reset ? "tcp.reset-arrived" : "tcp.fin-arrived", end.host.name, {
      conn: end.conn,
      at: endpoint(end.localAddr, end.localPort),
      peer: endpoint(end.peerAddr, end.peerPort),
    });
    if (end.closedLocal) return;
    end.owner?.onPeerClose(end, reset);
  }

  // ---------------------------------------------------------------- UDP

  /** Sends one datagram; it arrives whole or not at all. */
  sendDatagram(from: Host, fromAddr: string, fromPort: number, toAddr: string, toPort: number, data: ByteString): void {
    this.trace.record("udp.send", from.name, {
      from: endpoint(fromAddr, fromPort),
      to: endpoint(toAddr, toPort),
      ...this.trace.payload(data),
    });
    const p = this.packet("datagram", "udp", from, fromAddr, fromPort, toAddr, toPort, data);
    this.transmit(p, (pk) => {
      const host = pk.to!;
      const ep: UdpEndpoint | undefined = host.udpPorts.get(toPort);
      const reachable =
        ep &&
        (ep.bindAddress === ANY_ADDRESS ||
          ep.bindAddress === toAddr ||
          (isLoopback(toAddr) && isLoopback(ep.bindAddress)));
      if (!ep || !reachable) {
        this.dropped(pk, "no listener");
        return;
      }
      this.trace.record("udp.deliver", host.name, {
        from: endpoint(fromAddr, fromPort),
        to: endpoint(toAddr, toPort),
        ...this.trace.payload(data),
      });
      ep.onDatagram(data, fromAddr, fromPort);
    });
  }
}
