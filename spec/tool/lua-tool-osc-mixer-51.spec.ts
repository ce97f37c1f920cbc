import { describe, expect, it } from "vitest";
import { createOscApi, createSimulation, loadLuaTool, type Simulation } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const { Message } = createOscApi();

/** An OSC string: the bytes, a NUL, padded with NULs to a multiple of 4. */
function oscString(s: string): string {
  const n = s.length + 1;
  return s + "\0".repeat(n + ((4 - (n % 4)) % 4) - s.length);
}

/** The exact datagram of an OSC message with one string argument, built by hand. */
function stringReply(address: string, value: string): string {
  return oscString(address) + oscString(",s") + oscString(value);
}

/** Sends each packet from host "desk" and collects the raw datagrams that come back. */
function exchange(sim: Simulation, packets: string[]): string[] {
  const replies: string[] = [];
  sim.spawn("desk", function* (peer) {
    const [c] = peer.Socket.create_client(sim.host.address, 8020, peer.Socket.PROTOCOL_UDP);
    for (const packet of packets) {
      c!.send(packet);
      const [data] = yield* peer.receive(c!, "*all", 200);
      if (data !== undefined) replies.push(data);
    }
  });
  sim.runUntilIdle();
  return replies;
}

// A tool written with Lua 5.1 idioms ("[\-]" patterns, arg, goto, numbers
// concatenated into OSC addresses and replies) sends exactly the bytes
// Renoise would.
describe("fixture tool: OSC mixer written with Lua 5.1 idioms", () => {
  it("answers with addresses and texts built from computed numbers, byte for byte", async () => {
    const sim = createSimulation({ seed: 11, latency: 2 });
    sim.addHost("desk");
    const tool = await loadLuaTool(sim, { dir: fixtureTool("osc-mixer-51") });
    const replies = exchange(sim, [
      Message("/mixer/set", [{ tag: "s", value: "track-2.volume" }, { tag: "f", value: 0.5 }]).binary_data,
      Message("/mixer/set", [{ tag: "s", value: "track-3.pan" }, { tag: "f", value: -0.25 }]).binary_data,
      Message("/mixer/bank", [{ tag: "i", value: 2 }]).binary_data,
      Message("/mixer/mute", [{ tag: "i", value: 1 }]).binary_data,
    ]);
    expect(replies).toEqual([
      stringReply("/mixer/track/2/volume", "volume=50% db=-6.02"),
      stringReply("/mixer/track/3/pan", "pan=-25%"),
      stringReply("/mixer/bank", "tracks 9-16 of 32"),
      stringReply("/mixer/error", "no handler for /mixer/mute"),
    ]);
    // The first reply spelled out: 24 + 4 + 20 bytes.
    expect(replies[0]).toBe(
      "/mixer/track/2/volume\0\0\0" + ",s\0\0" + "volume=50% db=-6.02\0",
    );
    tool.unload();
  });

  it("cannot even be read as Lua 5.4 (luaVersion \"5.4\"): its escaped patterns are invalid there", async () => {
    const sim = createSimulation({ seed: 11 });
    sim.addHost("desk");
    const source = (await import("node:fs")).readFileSync(`${fixtureTool("osc-mixer-51")}/main.lua`, "latin1");
    await expect(loadLuaTool(sim, { files: { "main.lua": source }, luaVersion: "5.4" })).rejects.toThrow(
      /main\.lua:24: invalid escape sequence near '"\^\(%a\+\)\[\\-'/,
    );
  });
});
