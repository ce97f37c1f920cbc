import { describe, expect, it } from "vitest";
import { createOscApi, createSimulation, type Peer } from "../../src/index.js";
import { startOscServer } from "../../src/tool/osc-server.js";

const { Message } = createOscApi();

// An external controller (a phone app, a control surface) as a peer script:
// it sets the tempo, starts playback, mutes a track and turns a send knob.
function* controller(peer: Peer, renoise: string, buggy: boolean) {
  const [c] = peer.Socket.create_client(renoise, 8000, peer.Socket.PROTOCOL_UDP);
  const send = (address: string, args: { tag: "i" | "f" | "s"; value: number | string }[] = []) =>
    c!.send(Message(address, args).binary_data);
  send("/renoise/song/bpm", buggy ? [{ tag: "f", value: 128 }, { tag: "i", value: 0 }] : [{ tag: "f", value: 128 }]);
  yield* peer.sleep(100);
  send("/renoise/transport/start");
  yield* peer.sleep(100);
  send("/renoise/song/track/2/mute");
  send("/renoise/song/track/1/postfx_volume_db", [{ tag: "f", value: -6 }]);
}

describe("an external controller talking to Renoise's OSC server", () => {
  it("changes the song message by message", async () => {
    const sim = createSimulation({ seed: 1, song: { tracks: 2 }, latency: 5 });
    await startOscServer(sim);
    sim.addHost("phone");
    sim.spawn("phone", (peer) => controller(peer, sim.host.address, false));
    const song = sim.renoise.song();
    sim.advance(50);
    expect([song.transport.bpm, song.transport.playing]).toEqual([128, false]);
    sim.advance(100);
    expect(song.transport.playing).toBe(true);
    sim.advance(100);
    expect(song.tracks[1]!.mute_state).toBe(2);
    expect(song.tracks[0]!.postfx_volume.value).toBeCloseTo(10 ** (-6 / 20), 6);
    const changes = sim.events.filter((e) => e.kind === "song.set").map((e) => e.path);
    expect(changes).toContain("transport.bpm");
  });

  it("a controller bug (an extra argument) shows as a rejected message in the trace, and the tempo stays", async () => {
    const sim = createSimulation({ seed: 1, song: { tracks: 2 } });
    const server = await startOscServer(sim);
    sim.addHost("phone");
    sim.spawn("phone", (peer) => controller(peer, sim.host.address, true));
    sim.runUntilIdle();
    const rejected = sim.events.filter((e) => e.kind === "osc_server.reject");
    expect(rejected.map((e) => [e.address, e.args, e.reason])).toEqual([
      ["/renoise/song/bpm", "f:128 i:0", "/renoise/song/bpm expects 1 argument(s), got 2"],
    ]);
    expect(sim.renoise.song().transport.bpm).toBe(120);
    expect(server.log.filter((e) => e.outcome === "accepted")).toHaveLength(3);
  });
});
