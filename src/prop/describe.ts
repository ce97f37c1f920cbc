import { escapeBytes } from "../core/bytes.js";
import { peerCuts } from "./cut-plan.js";
import { peerName, scenarioSize, type FuzzScenario, type PlannedFault, type FuzzStep } from "./scenario.js";

function mode(m: FuzzStep & { op: "wait" }): string {
  return typeof m.mode === "number" ? String(m.mode) : `"${m.mode}"`;
}

/**
 * A scenario as readable text, one step a line, with the cuts next to the
 * sends they cut:
 *
 * ```text
 * tcp scenario (seed 0): 1 peer, 2 steps, 30 bytes, 1 cut
 *   peer1 +0ms connect
 *   peer1 +0ms send "GET / HTTP/1.1\r\n..." (30 B), cut at byte 3
 * ```
 */
export function describeScenario(s: FuzzScenario, maxBytes = 80): string {
  const size = scenarioSize(s);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? "" : "s"}`;
  const lines = [
    `${s.protocol} scenario (seed ${s.seed}): ${plural(size.peers, "peer")}, ${plural(size.steps, "step")}, ` +
      `${plural(size.bytes, "byte")}, ${plural(size.cuts, "cut")}${size.faults > 0 ? `, ${plural(size.faults, "fault")}` : ""}`,
  ];
  for (const f of s.faults ?? []) lines.push(`  fault: ${describeFault(f)}`);
  s.peers.forEach((p, pi) => {
    const cuts = peerCuts(s, pi);
    let send = 0;
    for (const st of p.steps) {
      let line = `  ${peerName(pi)} +${st.gap}ms ${st.op}`;
      if (st.op === "send") {
        line += ` "${escapeBytes(st.data, maxBytes)}" (${st.data.length} B)`;
        const c = cuts.get(send++);
        if (c?.merged) line += ", merged with the send before";
        if (c && c.at.length > 0) line += `, cut at byte${c.at.length > 1 ? "s" : ""} ${c.at.join(", ")}`;
      } else if (st.op === "wait") {
        line += ` up to ${st.ms}ms, receive(${mode(st)})`;
      }
      lines.push(line);
    }
  });
  return lines.join("\n");
}

function describeFault(f: PlannedFault): string {
  switch (f.kind) {
    case "jitter":
      return `latency ${f.fixed}ms + jitter up to ${f.jitter}ms`;
    case "udp":
      return `UDP loss ${f.loss}, duplicate ${f.duplicate}, reorder ${f.reorder}`;
    case "partition":
      return `${peerName(f.peer)} cut off from the tool at ${f.at}ms for ${f.ms}ms`;
    case "server-error":
      return `socket_error at ${f.at}ms`;
    default:
      return `${f.kind} of ${peerName(f.peer)}'s connections at ${f.at}ms`;
  }
}
