import { describe, expect, it } from "vitest";
import type { Song } from "../../src/renoise/song/song.js";
import type { OscArgument } from "../../src/renoise/osc/index.js";
import { oscServerWorld } from "../support/osc-server.js";

const f = (value: number): OscArgument => ({ tag: "f", value });
const i = (value: number): OscArgument => ({ tag: "i", value });
const s = (value: string): OscArgument => ({ tag: "s", value });
const T: OscArgument = { tag: "T" };

interface Case {
  address: string;
  args?: OscArgument[];
  before?: (song: Song) => void;
  after: (song: Song) => unknown;
  expected: unknown;
}

const db2lin = (db: number): number => 10 ** (db / 20);
const close = (v: number): number => Math.round(v * 1e6) / 1e6;

// One case per track message (/renoise/song/track/XXX/...) and per device
// message (/renoise/song/track/XXX/device/XXX/...) of docs/builtin-osc.md.
const CASES: Case[] = [
  { address: "/renoise/song/track/1/prefx_volume", args: [f(0.5)], after: (g) => g.tracks[0]!.prefx_volume.value, expected: 0.5 },
  {
    address: "/renoise/song/track/1/prefx_volume_db",
    args: [f(-6)],
    after: (g) => close(g.tracks[0]!.prefx_volume.value),
    expected: close(db2lin(-6)),
  },
  { address: "/renoise/song/track/2/postfx_volume", args: [f(0.25)], after: (g) => g.tracks[1]!.postfx_volume.value, expected: 0.25 },
  {
    address: "/renoise/song/track/2/postfx_volume_db",
    args: [f(-12)],
    after: (g) => close(g.tracks[1]!.postfx_volume.value),
    expected: close(db2lin(-12)),
  },
  { address: "/renoise/song/track/1/prefx_panning", args: [i(25)], after: (g) => g.tracks[0]!.prefx_panning.value, expected: 0.75 },
  { address: "/renoise/song/track/1/postfx_panning", args: [i(-50)], after: (g) => g.tracks[0]!.postfx_panning.value, expected: 0 },
  { address: "/renoise/song/track/1/prefx_width", args: [f(0.5)], after: (g) => g.tracks[0]!.prefx_width.value, expected: 0.5 },
  { address: "/renoise/song/track/1/output_delay", args: [f(20)], after: (g) => g.tracks[0]!.output_delay, expected: 20 },
  { address: "/renoise/song/track/2/mute", after: (g) => g.tracks[1]!.mute_state, expected: 2 /* MUTE_STATE_OFF: mute() uses the default mute state */ },
  {
    address: "/renoise/song/track/2/unmute",
    before: (g) => g.tracks[1]!.mute(),
    after: (g) => g.tracks[1]!.mute_state,
    expected: 1,
  },
  { address: "/renoise/song/track/2/solo", after: (g) => g.tracks[1]!.solo_state, expected: true },
  {
    address: "/renoise/song/track/1/device/2/bypass",
    args: [T],
    after: (g) => g.tracks[0]!.devices[1]!.is_active,
    expected: false,
  },
  {
    address: "/renoise/song/track/1/device/2/set_parameter_by_index",
    args: [i(2), f(1)],
    after: (g) => g.tracks[0]!.devices[1]!.parameters[1]!.value,
    expected: 1,
  },
  {
    address: "/renoise/song/track/1/device/2/set_parameter_by_name",
    args: [s("panning"), f(0)],
    after: (g) => g.tracks[0]!.devices[1]!.parameters[1]!.value,
    expected: 0,
  },
];

async function world() {
  const w = await oscServerWorld({}, { seed: 1, song: { tracks: 3 } });
  w.sim.renoise.song().tracks[0]!.insert_device_at("Audio/Effects/Native/Gainer", 2);
  return w;
}

describe("track and device messages act on the song as Renoise's global OSC actions do", () => {
  for (const c of CASES) {
    it(`${c.address} ${(c.args ?? []).map((a) => a.tag).join("")}`, async () => {
      const { sim, server, send } = await world();
      const song = sim.renoise.song();
      c.before?.(song);
      send(c.address, c.args ?? []);
      expect(server.log.map((e) => [e.outcome, e.reason])).toEqual([["accepted", undefined]]);
      expect(c.after(song)).toEqual(c.expected);
    });
  }

  it("-1 addresses the selected track and the selected device", async () => {
    const { sim, send } = await world();
    const song = sim.renoise.song();
    song.selected_track_index = 3;
    send("/renoise/song/track/-1/mute");
    expect(song.tracks[2]!.mute_state).toBe(2);
    song.selected_track_index = 1;
    (song as unknown as { selected_device_index: number }).selected_device_index = 2;
    send("/renoise/song/track/-1/device/-1/bypass", [T]);
    expect(song.tracks[0]!.devices[1]!.is_active).toBe(false);
  });

  it("ignores tracks, devices and parameters that do not exist, and never bypasses the mixer device", async () => {
    const { sim, server, send } = await world();
    send("/renoise/song/track/99/mute");
    send("/renoise/song/track/1/device/9/bypass", [T]);
    send("/renoise/song/track/1/device/1/bypass", [T]);
    send("/renoise/song/track/1/device/2/set_parameter_by_index", [i(40), f(1)]);
    send("/renoise/song/track/1/device/2/set_parameter_by_name", [s("No Such Knob"), f(1)]);
    expect(server.log.map((e) => e.outcome)).toEqual(["accepted", "accepted", "accepted", "accepted", "accepted"]);
    const track = sim.renoise.song().tracks[0]!;
    expect([track.devices[0]!.is_active, track.devices[1]!.is_active]).toEqual([true, true]);
    expect(sim.renoise.song().tracks.every((t) => t.mute_state === 1)).toBe(true);
  });

  it("clamps a track's volume to the parameter's range", async () => {
    const { sim, send } = await world();
    send("/renoise/song/track/1/prefx_volume", [f(99)]);
    const p = sim.renoise.song().tracks[0]!.prefx_volume;
    expect(p.value).toBe(p.value_max);
  });
});
