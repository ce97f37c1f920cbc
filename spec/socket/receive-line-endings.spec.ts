import { describe, expect, it } from "vitest";
import { createSimulation, type SocketClient } from "../../src/index.js";

// R12: "*line" (and "*l") returns the next line without its newline; \n, \r\n and a lone \r all end a line.
function connected(): { sim: ReturnType<typeof createSimulation>; client: SocketClient; reply: (s: string) => void } {
  const sim = createSimulation();
  const { Socket } = sim.renoise;
  const [server] = Socket.create_server(7100);
  let conn: SocketClient | undefined;
  server!.run({ socket_accepted: (c) => void (conn = c) });
  const [client] = Socket.create_client("localhost", 7100);
  sim.advance(0);
  return { sim, client: client!, reply: (s) => void conn!.send(s) };
}

describe('receive("*line")', () => {
  it("splits on \\n, \\r\\n and a lone \\r, keeping the rest buffered", () => {
    const { client, reply } = connected();
    reply("one\ntwo\r\nthree\rfour");
    expect(client.receive("*line", 100)).toEqual(["one", undefined]);
    expect(client.receive("*l", 100)).toEqual(["two", undefined]);
    expect(client.receive("*line", 100)).toEqual(["three", undefined]);
    // "four" has no newline yet: it stays buffered and the read times out.
    expect(client.receive("*line", 0)).toEqual([undefined, "timeout"]);
    expect(client.receive("*all", 0)).toEqual(["four", undefined]);
  });

  it("treats \\r\\n split over two arrivals as one newline", () => {
    const { sim, client, reply } = connected();
    reply("alpha\r");
    expect(client.receive("*line", 100)).toEqual(["alpha", undefined]);
    reply("\nbeta\n");
    sim.advance(0);
    expect(client.receive("*line", 100)).toEqual(["beta", undefined]);
  });

  it("returns empty lines for consecutive newlines", () => {
    const { client, reply } = connected();
    reply("\n\r\n\rx\n");
    expect(client.receive("*line", 10)).toEqual(["", undefined]);
    expect(client.receive("*line", 10)).toEqual(["", undefined]);
    expect(client.receive("*line", 10)).toEqual(["", undefined]);
    expect(client.receive("*line", 10)).toEqual(["x", undefined]);
  });

  it("never returns a newline character", () => {
    const { client, reply } = connected();
    reply("a\r\r\n\n\rb\r\n");
    const lines: string[] = [];
    for (;;) {
      const [line] = client.receive("*line", 0);
      if (line === undefined) break;
      lines.push(line);
    }
    expect(lines.join("|")).toBe("a||||b");
    expect(lines.some((l) => /[\r\n]/.test(l))).toBe(false);
  });
});
