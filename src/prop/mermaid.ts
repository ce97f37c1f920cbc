import type { TraceEvent } from "../core/trace.js";

const SHOWN = new Set(["tcp.send", "udp.send", "callback", "callback.error", "tcp.close", "tcp.reset", "server.stop", "server.close", "drop"]);

function label(s: string, max = 40): string {
  const short = s.length > max ? s.slice(0, max) + "…" : s;
  // Mermaid message text: no semicolons, "#" or line breaks.
  return short.replace(/[;#]/g, " ").replace(/[\r\n]/g, " ");
}

/**
 * A trace as a Mermaid sequence diagram: hosts as participants, sends as
 * arrows, notifier callbacks and errors as notes. A small renderer kept
 * beside the property kit; the trace package's renderer supersedes it.
 */
export function traceToMermaid(events: readonly TraceEvent[], maxEvents = 200): string {
  const hostByAddress = new Map<string, string>();
  const hosts: string[] = [];
  for (const e of events) {
    if (e.kind === "host.add") {
      hosts.push(e.host);
      if (typeof e.address === "string") hostByAddress.set(e.address, e.host);
    }
  }
  const hostOf = (ep: unknown, fallback: string): string => {
    if (typeof ep !== "string") return fallback;
    const addr = ep.slice(0, ep.lastIndexOf(":"));
    return addr.startsWith("127.") ? fallback : (hostByAddress.get(addr) ?? fallback);
  };
  const id = (h: string): string => h.replace(/[^A-Za-z0-9_]/g, "_");
  const lines = ["sequenceDiagram"];
  for (const h of hosts) lines.push(`  participant ${id(h)} as ${h}`);
  let shown = 0;
  for (const e of events) {
    if (!SHOWN.has(e.kind)) continue;
    if (++shown > maxEvents) {
      lines.push(`  Note over ${id(hosts[0] ?? e.host)}: … ${events.length} events in all`);
      break;
    }
    const from = id(e.host);
    const data = typeof e.data === "string" ? ` "${label(e.data)}"` : "";
    switch (e.kind) {
      case "tcp.send":
      case "udp.send": {
        const to = id(hostOf(e.to, e.host));
        const conn = typeof e.conn === "number" ? `conn ${e.conn} ` : "";
        lines.push(`  ${from}->>${to}: ${e.t}ms ${conn}${String(e.bytes)}B${data}`);
        break;
      }
      case "callback":
        lines.push(`  Note over ${from}: ${e.t}ms ${String(e.callback)}${data}`);
        break;
      case "callback.error":
        lines.push(`  Note over ${from}: ${e.t}ms ${String(e.callback)} raised: ${label(String(e.error), 60)}`);
        break;
      case "drop":
        lines.push(`  Note over ${from}: ${e.t}ms dropped (${label(String(e.reason))})`);
        break;
      default: {
        const to = id(hostOf(e.to, e.host));
        if (to !== from && (e.kind === "tcp.close" || e.kind === "tcp.reset")) {
          lines.push(`  ${from}-x${to}: ${e.t}ms ${e.kind === "tcp.reset" ? "RST" : "FIN"} conn ${String(e.conn)}`);
        } else lines.push(`  Note over ${from}: ${e.t}ms ${e.kind}`);
      }
    }
  }
  return lines.join("\n");
}
