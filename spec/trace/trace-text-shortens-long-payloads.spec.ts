import { describe, expect, it } from "vitest";
import { createSimulation, formatPayload, ok } from "../../src/index.js";

// Text traces print a long payload as its first and last bytes around the number left out
// (default: payloads over 64 bytes); the limit is an option; JSON traces keep every stored byte.
describe("text traces", () => {
  it("shorten long payloads to their first and last bytes plus the length", () => {
    const sim = createSimulation({ seed: 1 });
    const server = ok(sim.renoise.Socket.create_server(8000));
    server.run({});
    const client = ok(sim.renoise.Socket.create_client("127.0.0.1", 8000));
    const body = "A".repeat(100) + "\r\nEND";
    client.send(body);
    sim.runUntilIdle();
    const line = sim.formatTrace().split("\n").find((l) => l.includes("tcp.send"))!;
    expect(line).toContain(`105B "${"A".repeat(32)}"…41 bytes…"${"A".repeat(27)}\\r\\nEND"`);
    expect(sim.formatTrace({ payloadBytes: 8 })).toContain('105B "AAAA"…97 bytes…"\\nEND"');
    expect(sim.formatTrace({ payloadBytes: Infinity })).toContain(`105B "${body.replace("\r\n", "\\r\\n")}"`);
    const send = sim.events.find((e) => e.kind === "tcp.send")!;
    expect(send.data).toBe(body.replace("\r\n", "\\r\\n"));
  });

  it("count escaped bytes as one byte each, and mark unknown tails", () => {
    expect(formatPayload(6, "\\x00\\xffabcd", 4)).toBe('6B "\\x00\\xff"…2 bytes…"cd"');
    expect(formatPayload(3, "abc", 4)).toBe('3B "abc"');
    // The trace stored only the first 5 bytes (payloadLimit): the tail is unknown.
    expect(formatPayload(5000, "hello…", 4)).toBe('5000B "he"…4998 bytes…');
    expect(formatPayload(100, "", 4)).toBe("100B");
  });
});
