import { describe, expect, it } from "vitest";
import type { Song } from "../../src/renoise/song/song.js";
import type { OscArgument } from "../../src/renoise/osc/index.js";
import { oscServerWorld } from "../support/osc-server.js";

const i = (value: number): OscArgument => ({ tag: "i", value });
const f = (value: number): OscArgument => ({ tag: "f", value });
const T: OscArgument = { tag: "T" };
const F: OscArgument = { tag: "F" };
const s = (value: string): OscArgument => ({ tag: "s", value });

interface Case {
  address: string;
  args?: OscArgument[];
  /** Changes the song before the message (default: nothing). */
  before?: (song: Song) => void;
  /** What the song (or, for calls the model only records, the trace) shows afterwards. */
  after: (song: Song, calls: string[]) => unknown;
  expected: unknown;
}

// One case per global message of docs/builtin-osc.md: the effect on the song.
const CASES: Case[] = [
  { address: "/renoise/transport/start", after: (g) => g.transport.playing, expected: true },
  { address: "/renoise/transport/continue", after: (g) => g.transport.playing, expected: true },
  { address: "/renoise/transport/stop", before: (g) => g.transport.start(1), after: (g) => g.transport.playing, expected: false },
  { address: "/renoise/transport/panic", before: (g) => g.transport.start(1), after: (g) => g.transport.playing, expected: false },
  { address: "/renoise/transport/loop/pattern", args: [T], after: (g) => g.transport.loop_pattern, expected: true },
  { address: "/renoise/transport/loop/block", args: [i(1)], after: (g) => g.transport.loop_block_enabled, expected: true },
  {
    address: "/renoise/transport/loop/block_move_forwards",
    after: (_g, calls) => calls,
    expected: ["transport.loop_block_move_forwards"],
  },
  {
    address: "/renoise/transport/loop/block_move_backwards",
    after: (_g, calls) => calls,
    expected: ["transport.loop_block_move_backwards"],
  },
  { address: "/renoise/transport/loop/sequence", args: [i(2), i(3)], after: (g) => g.transport.loop_sequence_range, expected: [2, 3] },
  { address: "/renoise/song/bpm", args: [f(140)], after: (g) => g.transport.bpm, expected: 140 },
  { address: "/renoise/song/lpb", args: [i(8)], after: (g) => g.transport.lpb, expected: 8 },
  { address: "/renoise/song/tpl", args: [s("3")], after: (g) => g.transport.tpl, expected: 3 },
  { address: "/renoise/song/edit/mode", args: [s("TRUE")], after: (g) => g.transport.edit_mode, expected: true },
  { address: "/renoise/song/edit/octave", args: [i(6)], after: (g) => g.transport.octave, expected: 6 },
  { address: "/renoise/song/edit/step", args: [i(3)], after: (g) => g.transport.edit_step, expected: 3 },
  {
    address: "/renoise/song/edit/pattern_follow",
    args: [F],
    before: (g) => (g.transport.follow_player = true),
    after: (g) => g.transport.follow_player,
    expected: false,
  },
  { address: "/renoise/song/record/metronome", args: [T], after: (g) => g.transport.metronome_enabled, expected: true },
  {
    address: "/renoise/song/record/metronome_precount",
    args: [T],
    after: (g) => g.transport.metronome_precount_enabled,
    expected: true,
  },
  { address: "/renoise/song/record/quantization", args: [T], after: (g) => g.transport.record_quantize_enabled, expected: true },
  { address: "/renoise/song/record/quantization_step", args: [i(4)], after: (g) => g.transport.record_quantize_lines, expected: 4 },
  {
    address: "/renoise/song/sequence/trigger",
    args: [i(2)],
    after: (g) => [g.transport.playing, g.transport.playback_pos.sequence],
    expected: [true, 2],
  },
  { address: "/renoise/song/sequence/schedule_set", args: [i(3)], after: (g) => g.transport._scheduled, expected: [3] },
  {
    address: "/renoise/song/sequence/schedule_add",
    args: [i(3)],
    before: (g) => g.transport.set_scheduled_sequence(2),
    after: (g) => g.transport._scheduled,
    expected: [2, 3],
  },
  {
    address: "/renoise/song/sequence/slot_mute",
    args: [i(1), i(2)],
    after: (g) => g.sequencer.track_sequence_slot_is_muted(1, 2),
    expected: true,
  },
  {
    address: "/renoise/song/sequence/slot_unmute",
    args: [i(1), i(2)],
    before: (g) => g.sequencer.set_track_sequence_slot_is_muted(1, 2, true),
    after: (g) => g.sequencer.track_sequence_slot_is_muted(1, 2),
    expected: false,
  },
  {
    address: "/renoise/evaluate",
    args: [s("renoise.song().transport.bpm = 99")],
    after: (g) => g.transport.bpm,
    expected: 99,
  },
];

describe("global messages act on the song as Renoise's global OSC actions do", () => {
  for (const c of CASES) {
    it(`${c.address} ${(c.args ?? []).map((a) => a.tag).join("")}`, async () => {
      const { sim, server, send } = await oscServerWorld({}, { seed: 1, song: { patterns: 3 } });
      const song = sim.renoise.song();
      c.before?.(song);
      send(c.address, c.args ?? []);
      expect(server.log.map((e) => [e.outcome, e.reason])).toEqual([["accepted", undefined]]);
      const calls = sim.events.filter((e) => e.kind === "song.call" && e.cause !== "test").map((e) => String(e.path));
      expect(c.after(song, calls)).toEqual(c.expected);
    });
  }

  it("clamps values to the property's range", async () => {
    const { sim, send } = await oscServerWorld();
    send("/renoise/song/bpm", [f(5000)]);
    send("/renoise/song/lpb", [i(0)]);
    send("/renoise/song/edit/octave", [i(-3)]);
    const t = sim.renoise.song().transport;
    expect([t.bpm, t.lpb, t.octave]).toEqual([999, 1, 0]);
  });

  it("ignores slots outside the song: accepted, nothing changes", async () => {
    const { sim, server, send } = await oscServerWorld();
    send("/renoise/song/sequence/slot_mute", [i(99), i(1)]);
    send("/renoise/song/sequence/slot_mute", [i(1), i(99)]);
    expect(server.log.map((e) => e.outcome)).toEqual(["accepted", "accepted"]);
    expect(sim.renoise.song().sequencer.track_sequence_slot_is_muted(1, 1)).toBe(false);
  });
});
