import { describe, expect, it } from "vitest";
import { createOscApi, createSimulation, loadLuaTool, OscMessage, type OscElement, type Simulation } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const { Message, Bundle, from_binary_data } = createOscApi();

/** Sends each packet from a UDP client on host "controller" and collects every datagram that comes back. */
function exchange(sim: Simulation, packets: string[]): OscElement[] {
  const replies: OscElement[] = [];
  sim.spawn("controller", function* (peer) {
    const [c] = peer.Socket.create_client(sim.host.address, 8010, peer.Socket.PROTOCOL_UDP);
    for (const packet of packets) {
      c!.send(packet);
      for (;;) {
        const [data] = yield* peer.receive(c!, "*all", 200);
        if (data === undefined) break;
        const [decoded, err] = from_binary_data(data);
        if (!decoded) throw new Error(err);
        replies.push(decoded);
      }
    }
  });
  sim.runUntilIdle();
  return replies;
}

describe("fixture tool: OSC over UDP, table notifier, replies through create_client", () => {
  it("answers /ping with /pong carrying the same arguments, and /sum with the total", async () => {
    const sim = createSimulation({ seed: 4, latency: 3 });
    sim.addHost("controller");
    const tool = await loadLuaTool(sim, { dir: fixtureTool("osc-udp-server") });
    const ping = Message("/ping", [
      { tag: "i", value: 42 },
      { tag: "s", value: "hi" },
      { tag: "T" },
      { tag: "h", value: -5 },
    ]);
    const sum = Message("/sum", [
      { tag: "i", value: 1 },
      { tag: "f", value: 2.5 },
      { tag: "d", value: 0.25 },
    ]);
    const replies = exchange(sim, [ping.binary_data, sum.binary_data]);
    expect(replies.map(String)).toEqual(["/pong ,isTh 42 \"hi\" -5", "/sum/result ,f 3.75"]);
    expect(tool.vm.run("return stats.received, stats.answered, stats.invalid")).toEqual([2, 2, 0]);
    tool.unload();
  });

  it("unpacks nested bundles and answers each message; the blob of /echo comes back byte for byte", async () => {
    const sim = createSimulation({ seed: 4 });
    sim.addHost("controller");
    const tool = await loadLuaTool(sim, { dir: fixtureTool("osc-udp-server") });
    const blob = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join("");
    const bundle = Bundle(1, [
      Message("/ping"),
      Bundle(2, [Message("/echo", [{ tag: "b", value: blob }]), Message("/nope")]),
    ]);
    const replies = exchange(sim, [bundle.binary_data]);
    expect(replies.map((r) => r.constructor.name)).toEqual(["OscMessage", "OscBundle", "OscMessage"]);
    expect(String(replies[0])).toBe("/pong ,");
    const echoed = replies[1]!.binary_data;
    expect(echoed).toBe(Bundle(1, [Message("/echo", [{ tag: "b", value: blob }])]).binary_data);
    expect(String(replies[2])).toBe('/unknown ,s "/nope"');
    tool.unload();
  });

  it("answers data that is not OSC with /error and the decoder's message", async () => {
    const sim = createSimulation({ seed: 4 });
    sim.addHost("controller");
    const tool = await loadLuaTool(sim, { dir: fixtureTool("osc-udp-server") });
    const [reply] = exchange(sim, ["hello\0\xff"]);
    const [, expected] = from_binary_data("hello\0\xff");
    expect(reply).toBeInstanceOf(OscMessage);
    expect((reply as OscMessage).arguments[0]!.value).toBe(expected);
    expect(tool.vm.run("return stats.invalid")).toEqual([1]);
    tool.unload();
  });
});
