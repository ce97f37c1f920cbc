import type { TraceEvent } from "../core/trace.js";

/** Options of {@link renderMermaid}. */
export interface MermaidOptions {
  /** Characters of payload shown in an arrow's preview. Default 24. */
  preview?: number;
  /** "change" (default): a note with the virtual time whenever it advances; "none": no time notes. */
  time?: "change" | "none";
  /** Leave out these event kinds (e.g. ["tcp.send"] to show deliveries only). */
  omit?: readonly string[];
}

interface Participant {
  id: string;
  label: string;
}

/** Characters Mermaid would read as syntax (statement end, entity, HTML, comment) or that cannot be shown. */
const UNSAFE_CHARS = new Set([...";#<>&%"]);

/** Escapes text for a Mermaid label: syntax characters become entity codes (`;` is `#59;`). */
export function escapeMermaid(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code < 0x20 || code === 0x7f || UNSAFE_CHARS.has(ch) ? `#${code};` : ch;
  }
  return out;
}

function splitEndpoint(ep: string): [string, number] {
  const i = ep.lastIndexOf(":");
  return [ep.slice(0, i), Number(ep.slice(i + 1))];
}

const str = (v: string | number | boolean | null | undefined): string => (v === undefined || v === null ? "" : String(v));

/** Participants and the rendering of events, built in one pass over a trace. */
class Diagram {
  readonly participants: Participant[] = [];
  private readonly byKey = new Map<string, Participant>();
  private readonly hostAddress = new Map<string, string>();
  private readonly addressHost = new Map<string, string>();
  private readonly servers = new Set<string>();
  private readonly lastConnect = new Map<string, Participant>();
  readonly lines: { t: number; text: string; all?: string }[] = [];

  constructor(private readonly options: Required<Pick<MermaidOptions, "preview">>) {}

  private participant(key: string, label: string): Participant {
    let p = this.byKey.get(key);
    if (!p) {
      p = { id: `P${this.participants.length + 1}`, label };
      this.byKey.set(key, p);
      this.participants.push(p);
    }
    return p;
  }

  private hostOf(addr: string, observer: string): string {
    if (addr.startsWith("127.")) return observer;
    return this.addressHost.get(addr) ?? addr;
  }

  /** The participant that owns an endpoint: a server bound to its port, else the socket itself. */
  private at(ep: string, proto: string, observer: string, conn?: number): Participant {
    const [addr, port] = splitEndpoint(ep);
    const host = this.hostOf(addr, observer);
    const server = `${host}|${proto}|${port}`;
    if (this.servers.has(server)) return this.participant(`S|${server}`, `${host} ${proto} server :${port}`);
    const label = conn !== undefined ? `${host} conn ${conn} (${ep})` : `${host} ${proto} ${ep}`;
    return this.participant(`E|${host}|${proto}|${ep}`, label);
  }

  private hostParticipant(host: string): Participant {
    return this.participant(`H|${host}`, host);
  }

  private serverOf(e: TraceEvent): Participant {
    const label = str(e.server);
    const [proto, ep] = label.split(" ") as [string, string];
    const [, port] = splitEndpoint(ep);
    return this.participant(`S|${e.host}|${proto}|${port}`, `${e.host} ${proto} server :${port}`);
  }

  /** The local participant of a client socket label "tcp a:p->b:q". */
  private socketOf(e: TraceEvent): Participant {
    const m = /^(tcp|udp) (\S+?)->(\S+)$/.exec(str(e.socket));
    if (!m) return this.hostParticipant(e.host);
    return this.at(m[2]!, m[1]!, e.host);
  }

  private preview(e: TraceEvent): string {
    const bytes = typeof e.bytes === "number" ? e.bytes : undefined;
    if (bytes === undefined) return "";
    const data = str(e.data);
    const cutByTrace = data.endsWith("…");
    const full = cutByTrace ? data.slice(0, -1) : data;
    const shown = full.slice(0, this.options.preview);
    return `${bytes} B "${shown}${shown.length < full.length || cutByTrace ? "…" : ""}"`;
  }

  private arrow(t: number, from: Participant, arrow: string, to: Participant, text: string): void {
    this.lines.push({ t, text: `${from.id}${arrow}${to.id}: ${escapeMermaid(text)}` });
  }

  private noteOver(t: number, p: Participant, text: string): void {
    this.lines.push({ t, text: `Note over ${p.id}: ${escapeMermaid(text)}` });
  }

  private noteAll(t: number, text: string): void {
    this.lines.push({ t, text: "", all: escapeMermaid(text) });
  }

  add(e: TraceEvent): void {
    const t = e.t;
    const conn = typeof e.conn === "number" ? e.conn : undefined;
    switch (e.kind) {
      case "host.add":
        this.hostAddress.set(e.host, str(e.address));
        this.addressHost.set(str(e.address), e.host);
        return;
      case "server.create": {
        if (e.error !== undefined) return this.noteOver(t, this.hostParticipant(e.host), `create_server → "${str(e.error)}"`);
        const [proto, ep] = str(e.server).split(" ") as [string, string];
        this.servers.add(`${e.host}|${proto}|${splitEndpoint(ep)[1]}`);
        this.serverOf(e);
        return;
      }
      case "server.run":
      case "server.stop":
      case "server.close":
      case "server.vanish":
        return this.noteOver(t, this.serverOf(e), `${e.kind.slice(7)}()`.replace("vanish()", "vanished (host crashed)"));
      case "server.wait":
        return this.noteOver(t, this.serverOf(e), `wait(${str(e.timeout)})`);
      case "server.error":
        return this.noteOver(t, this.serverOf(e), `background error "${str(e.error)}"`);
      case "callback": {
        const s = this.serverOf(e);
        const name = str(e.callback);
        const arg =
          name === "socket_error" ? `"${str(e.error)}"` : name === "socket_accepted" ? str(e.peer) : `${str(e.peer)}, ${this.preview(e)}`;
        return this.arrow(t, s, "->>", s, `${name}(${arg})${e.handled === false ? " [no handler]" : ""}`);
      }
      case "callback.error":
        return this.noteOver(t, this.hostParticipant(e.host), `${str(e.callback)} raised: ${str(e.error)}`);
      case "song.set":
        return this.noteOver(t, this.hostParticipant(e.host), `song.${str(e.path)} = ${str(e.value)} (was ${str(e.old)})`);
      case "song.call":
        return this.noteOver(t, this.hostParticipant(e.host), `song.${str(e.path)}(${str(e.args)})`);
      case "callback.dropped":
        return this.noteOver(t, this.serverOf(e), `${str(e.callback)} dropped (server closed)`);
      case "message.merge":
        return this.noteOver(t, this.serverOf(e), `+${str(e.bytes)} B joined the queued socket_message (${str(e.total)} B)`);
      case "connection.peer-gone":
        return this.noteOver(t, this.serverOf(e), `${str(e.peer)} ${e.reset ? "reset" : "closed"}: is_open false`);
      case "connection.close": {
        const m = /^tcp (\S+)<-(\S+)$/.exec(str(e.socket));
        const p = m ? this.at(m[1]!, "tcp", e.host) : this.hostParticipant(e.host);
        return this.noteOver(t, p, `close() of ${m ? m[2]! : "connection"}`);
      }
      case "tcp.connect": {
        const a = this.at(str(e.from), "tcp", e.host, conn);
        this.lastConnect.set(e.host, a);
        return this.arrow(t, a, "->>", this.at(str(e.to), "tcp", e.host), `connect (conn ${str(conn)})`);
      }
      case "tcp.accept":
        return this.arrow(t, this.at(str(e.to), "tcp", e.host), "-->>", this.at(str(e.from), "tcp", e.host, conn), "accept");
      case "tcp.refused":
        return this.arrow(t, this.at(str(e.to), "tcp", e.host), "--x", this.at(str(e.from), "tcp", e.host, conn), "refused (RST)");
      case "tcp.send":
        return this.arrow(t, this.at(str(e.from), "tcp", e.host, conn), "--)", this.at(str(e.to), "tcp", e.host), `send ${str(e.send)}: ${this.preview(e)}`);
      case "tcp.deliver":
        return this.arrow(t, this.at(str(e.from), "tcp", e.host, conn), "->>", this.at(str(e.to), "tcp", e.host, conn), `deliver ${this.preview(e)}`);
      case "tcp.split":
        return this.noteOver(t, this.at(str(e.from), "tcp", e.host, conn), `send ${str(e.send)} split into ${str(e.pieces)} B`);
      case "tcp.merge":
        return this.noteOver(t, this.at(str(e.from), "tcp", e.host, conn), `send ${str(e.send)} merged into send ${str(e.into)}`);
      case "tcp.close":
      case "tcp.reset":
        return this.arrow(
          t,
          this.at(str(e.from), "tcp", e.host, conn),
          e.kind === "tcp.close" ? "--)" : "--x",
          this.at(str(e.to), "tcp", e.host, conn),
          `${e.kind === "tcp.close" ? "FIN" : "RST"} (${str(e.why)})`,
        );
      case "tcp.fin-arrived":
      case "tcp.reset-arrived":
      case "tcp.timeout":
        return this.noteOver(
          t,
          this.at(str(e.at), "tcp", e.host, conn),
          e.kind === "tcp.fin-arrived" ? "peer closed (FIN arrived)" : e.kind === "tcp.timeout" ? "connection timed out (no answer to retransmissions)" : "connection reset (RST arrived)",
        );
      case "tcp.vanish":
        return this.noteOver(t, this.at(str(e.from), "tcp", e.host, conn), "vanished without FIN or RST (half-open)");
      case "tcp.retransmit":
        return this.arrow(t, this.at(str(e.from), "tcp", e.host, conn), "--)", this.at(str(e.to), "tcp", e.host, conn), `retransmit ${str(e.packet)} (try ${Number(e.attempt) + 1})`);
      case "tcp.give-up":
        return this.noteOver(t, this.at(str(e.from), "tcp", e.host, conn), `gave up ${str(e.packet)} after ${str(e.attempts)} tries`);
      case "tcp.stale":
        return this.noteOver(t, this.hostParticipant(e.host), `no such connection (conn ${str(conn)}): answers RST`);
      case "udp.send":
        return this.arrow(t, this.at(str(e.from), "udp", e.host), "--)", this.at(str(e.to), "udp", e.host), `datagram ${this.preview(e)}`);
      case "udp.deliver":
        return this.arrow(t, this.at(str(e.from), "udp", e.host), "->>", this.at(str(e.to), "udp", e.host), `deliver ${this.preview(e)}`);
      case "drop": {
        const proto = str(e.proto);
        return this.arrow(
          t,
          this.at(str(e.from), proto, e.host, conn),
          "-x",
          this.at(str(e.to), proto, e.host, conn),
          `lost ${str(e.packet)}${typeof e.bytes === "number" ? ` ${e.bytes} B` : ""} (${str(e.reason)})`,
        );
      }
      case "packet.hold":
      case "packet.release":
      case "packet.delay":
      case "packet.duplicate": {
        const proto = str(e.proto);
        const what = `${str(e.packet)}${typeof e.bytes === "number" ? ` ${e.bytes} B` : ""}`;
        const text =
          e.kind === "packet.hold"
            ? `${what} held (${str(e.reason)})`
            : e.kind === "packet.release"
              ? `${what} released`
              : e.kind === "packet.delay"
                ? `${what} delayed +${str(e.ms)} ms (${str(e.reason)})`
                : `${what} duplicated`;
        return this.noteOver(t, this.at(str(e.from), proto, e.host, conn), text);
      }
      case "client.create":
        if (e.error === undefined) return;
        return this.noteOver(t, this.lastConnect.get(e.host) ?? this.hostParticipant(e.host), `create_client(${str(e.to)}) → nil, "${str(e.error)}"`);
      case "client.receive": {
        const p = this.socketOf(e);
        const result = e.error !== undefined ? `nil, "${str(e.error)}"` : this.preview(e);
        return this.arrow(t, p, "->>", p, `receive(${str(e.mode)}, ${str(e.timeout)}) → ${result}`);
      }
      case "client.send": {
        const p = this.socketOf(e);
        return this.arrow(t, p, "-x", p, `send(${str(e.bytes)} B) → false, "${str(e.error)}"`);
      }
      case "client.close":
        return this.noteOver(t, this.socketOf(e), "close()");
      case "fault": {
        const details = Object.entries(e)
          .filter(([k]) => !["seq", "t", "kind", "host", "fault", "action"].includes(k))
          .map(([k, v]) => (k === "what" || k === "target" ? str(v) : `${k}=${str(v)}`))
          .join(" ");
        return this.noteAll(t, `fault ${str(e.fault)} ${str(e.action)}: ${details}`);
      }
      case "condition":
        return this.noteAll(t, `condition ${str(e.condition)} [${str(e.link)}]: ${str(e.what)}`);
      default:
        return;
    }
  }
}

/**
 * Renders a trace as a Mermaid sequence diagram. Participants are servers
 * and each socket that talks to them (a TCP connection's client end, a UDP
 * socket); arrows show connects, sends (dashed) and deliveries (solid) with
 * byte counts and a short escaped preview, callbacks and receives
 * (self-arrows), losses and resets (crossed); notes show faults, conditions
 * and the virtual time.
 */
export function renderMermaid(events: readonly TraceEvent[], options: MermaidOptions = {}): string {
  const d = new Diagram({ preview: options.preview ?? 24 });
  const omit = new Set(options.omit ?? []);
  for (const e of events) if (!omit.has(e.kind)) d.add(e);
  const ps = d.participants;
  const out = ["sequenceDiagram"];
  for (const p of ps) out.push(`  participant ${p.id} as ${escapeMermaid(p.label)}`);
  const span = ps.length === 0 ? undefined : ps.length === 1 ? ps[0]!.id : `${ps[0]!.id},${ps[ps.length - 1]!.id}`;
  let lastT: number | undefined;
  for (const l of d.lines) {
    if (span === undefined) break;
    if ((options.time ?? "change") === "change" && l.t !== lastT) {
      out.push(`  Note over ${span}: ${escapeMermaid(`${l.t} ms`)}`);
      lastT = l.t;
    }
    out.push(l.all !== undefined ? `  Note over ${span}: ${l.all}` : `  ${l.text}`);
  }
  return out.join("\n") + "\n";
}
