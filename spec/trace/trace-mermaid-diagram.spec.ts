import { expect, it } from "vitest";
import { escapeMermaid, parseTraceJsonl, renderMermaid } from "../../src/index.js";
import { toolAndPhone } from "../support/tool-and-phone.js";

it("draws servers and peer connections as participants, with arrows for connect, send, deliver and callbacks", () => {
  const { sim } = toolAndPhone();
  sim.faults.cutStream({ splits: [{ conn: 1, send: 0, at: [4] }] });
  sim.spawn("phone", function* (peer) {
    const [c] = yield* peer.connect(sim.host.address, 8000);
    c!.send("GET /x");
    c!.close();
  });
  sim.runUntilIdle();
  const d = renderMermaid(sim.events);
  const lines = d.split("\n");
  expect(lines[0]).toBe("sequenceDiagram");
  expect(lines).toContain("  participant P1 as renoise tcp server :8000");
  expect(lines.some((l) => /^ {2}participant P2 as phone conn 1 \(10\.0\.0\.2:\d+\)$/.test(l))).toBe(true);
  expect(lines).toContain("  P2->>P1: connect (conn 1)");
  expect(lines).toContain('  P2--)P1: send 0: 6 B "GET /x"');
  expect(lines).toContain("  Note over P2: send 0 split into 4+2 B");
  expect(lines).toContain('  P2->>P1: deliver 4 B "GET "');
  expect(lines.some((l) => /^ {2}P1->>P1: socket_message\(10\.0\.0\.2:\d+, 2 B "\/x"\)$/.test(l))).toBe(true);
  expect(lines).toContain("  Note over P2: peer closed (FIN arrived)".replace("P2", "P1"));
  expect(lines).toContain("  Note over P1,P2: fault cut-stream on: splits=1 merges=0");
  expect(lines).toContain("  Note over P1,P2: 30 ms");
  // The same diagram from a trace read back from JSON Lines.
  expect(renderMermaid(parseTraceJsonl(sim.traceJsonl()))).toBe(d);
});

it("crosses out lost packets and refused connects, and escapes payload text", () => {
  const { sim, phone } = toolAndPhone({}, 2);
  expect(phone.Socket.create_client(sim.host.address, 8001)[1]).toBe("Connection refused");
  sim.faults.partition("renoise", "phone");
  phone.Socket.create_client(sim.host.address, 8000, 2)[0]!.send("a;b#c<d>\n");
  sim.runUntilIdle();
  const d = renderMermaid(sim.events, { time: "none" });
  expect(d).toContain("-xP1: lost datagram 9 B (partition renoise #60;-#62; phone)");
  expect(d).toContain('datagram 9 B "a#59;b#35;c#60;d#62;\\n"');
  expect(d).toContain("refused (RST)");
  expect(d).not.toContain("ms\n");
  expect(escapeMermaid("x;y")).toBe("x#59;y");
});
