import { describe, expect, it } from "vitest";
import { createSimulation, fromBytes, text, toBytes, toText, type SocketClient } from "../../src/index.js";

// R23: payloads are binary-safe (any byte 0-255, NUL included) and lengths are byte lengths.
const ALL = fromBytes(Uint8Array.from({ length: 256 }, (_, i) => i));

describe("binary payloads", () => {
  for (const proto of [1, 2] as const) {
    it(`round-trips all 256 byte values both ways over ${proto === 1 ? "TCP" : "UDP"}`, () => {
      const sim = createSimulation({ semantics: { udpDummyCanSend: true } });
      const [server] = sim.renoise.Socket.create_server(8400, proto);
      const seen: string[] = [];
      server!.run({
        socket_message: (c: SocketClient, m: string) => {
          seen.push(m);
          c.send(m.split("").reverse().join(""));
        },
      });
      const [client] = sim.renoise.Socket.create_client("localhost", 8400, proto);
      client!.send(ALL);
      sim.advance(0);
      expect(seen).toEqual([ALL]);
      expect(seen[0]!.length).toBe(256);
      const [back] = client!.receive(256, 100);
      expect(back).toBe(ALL.split("").reverse().join(""));
      expect(Array.from(toBytes(back!))).toEqual(Array.from({ length: 256 }, (_, i) => 255 - i));
    });
  }

  it("text() gives UTF-8 bytes whose length is the byte length", () => {
    const t = text("é€😀");
    expect(t.length).toBe(2 + 3 + 4);
    expect(toText(t)).toBe("é€😀");
  });

  it("delivers empty messages as empty strings", () => {
    const sim = createSimulation();
    const [server] = sim.renoise.Socket.create_server(8401, 2);
    const seen: string[] = [];
    server!.run({ socket_message: (_c, m) => seen.push(m) });
    sim.renoise.Socket.create_client("localhost", 8401, 2)[0]!.send("");
    sim.advance(0);
    expect(seen).toEqual([""]);
  });
});
