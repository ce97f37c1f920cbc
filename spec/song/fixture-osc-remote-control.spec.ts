import { describe, expect, it } from "vitest";
import { createOscApi, createSimulation, loadLuaTool, MUTE_STATE, type OscArgument, type Simulation } from "../../src/index.js";
import { fixtureTool } from "../support/lua-peers.js";

const { Message, from_binary_data } = createOscApi();

/** Sends one OSC message from host "controller" to the remote control and returns its reply as text. */
function send(sim: Simulation, address: string, args: OscArgument[] = []): string {
  let reply = "(none)";
  sim.spawn("controller", function* (peer) {
    const [c] = peer.Socket.create_client(sim.host.address, 8020, peer.Socket.PROTOCOL_UDP);
    c!.send(Message(address, args).binary_data);
    const [data] = yield* peer.receive(c!, "*all", 200);
    if (data !== undefined) reply = String(from_binary_data(data)[0]);
    c!.close();
  });
  sim.runUntilIdle();
  return reply;
}

async function setup(): Promise<{ sim: Simulation; unload: () => void }> {
  const sim = createSimulation({ seed: 2, latency: 2 });
  sim.addHost("controller");
  const tool = await loadLuaTool(sim, { dir: fixtureTool("osc-remote-control") });
  return { sim, unload: () => tool.unload() };
}

describe("fixture tool: OSC remote control drives the song", () => {
  it("sets the tempo, starts and stops playback, and the song shows each step", async () => {
    const { sim, unload } = await setup();
    const transport = sim.renoise.song().transport;

    expect(send(sim, "/transport/bpm", [{ tag: "f", value: 140 }])).toBe('/ok ,s "/transport/bpm"');
    expect(transport.bpm).toBe(140);

    expect(send(sim, "/transport/start")).toBe('/ok ,s "/transport/start"');
    expect(transport.playing).toBe(true);

    expect(send(sim, "/transport/stop")).toBe('/ok ,s "/transport/stop"');
    expect(transport.playing).toBe(false);
    unload();
  });

  it("the trace names the socket_message that changed the tempo", async () => {
    const { sim, unload } = await setup();
    send(sim, "/transport/bpm", [{ tag: "i", value: 90 }]);
    const set = sim.events.find((e) => e.kind === "song.set" && e.path === "transport.bpm")!;
    expect([set.old, set.value]).toEqual([120, 90]);
    const cause = sim.events[Number(String(set.cause).split("#")[1]) - 1]!;
    expect(cause.kind).toBe("callback");
    expect(cause.callback).toBe("socket_message");
    expect(String(set.cause)).toMatch(/^socket_message#\d+$/);
    unload();
  });

  it("rejects an out-of-range tempo with Renoise's error and leaves the song as it was", async () => {
    const { sim, unload } = await setup();
    expect(send(sim, "/transport/bpm", [{ tag: "f", value: 1000 }])).toBe(
      "/error ,s \"main.lua:56: invalid value for property 'bpm' of an object of type 'Transport': 1000 is out of range (32 - 999)\"",
    );
    expect(sim.song.transport.bpm).toBe(120);
    expect(send(sim, "/nope")).toBe('/error ,s "unknown address /nope"');
    unload();
  });

  it("mutes and unmutes a track, and sets a device parameter by name", async () => {
    const sim = createSimulation({
      seed: 2,
      song: { tracks: [{ name: "Drums", devices: ["Gainer"] }, "Bass"] },
    });
    sim.addHost("controller");
    const tool = await loadLuaTool(sim, { dir: fixtureTool("osc-remote-control") });
    const drums = sim.renoise.song().tracks[0]!;

    expect(send(sim, "/track/mute", [{ tag: "i", value: 1 }, { tag: "i", value: 1 }])).toBe('/ok ,s "/track/mute"');
    expect(drums.mute_state).toBe(MUTE_STATE.OFF);
    expect(send(sim, "/track/mute", [{ tag: "i", value: 1 }, { tag: "i", value: 0 }])).toBe('/ok ,s "/track/mute"');
    expect(drums.mute_state).toBe(MUTE_STATE.ACTIVE);

    const args: OscArgument[] = [
      { tag: "i", value: 1 },
      { tag: "s", value: "Gainer" },
      { tag: "s", value: "Panning" },
      { tag: "f", value: 0.25 },
    ];
    expect(send(sim, "/device/param", args)).toBe('/ok ,s "/device/param"');
    const gainer = drums.devices.find((d) => d.name === "Gainer")!;
    expect(gainer.parameters.find((p) => p.name === "Panning")!.value).toBe(0.25);

    expect(send(sim, "/device/param", [{ tag: "i", value: 1 }, { tag: "s", value: "Delay" }, { tag: "s", value: "x" }, { tag: "f", value: 0 }])).toBe(
      "/error ,s \"no device named 'Delay'\"",
    );
    expect(send(sim, "/track/mute", [{ tag: "i", value: 9 }, { tag: "i", value: 1 }])).toBe('/error ,s "no track 9"');
    tool.unload();
  });
});
