import { describe, expect, it } from "vitest";
import { createSimulation, SongPos } from "../../src/index.js";

/** 150 bpm, 4 lines a beat: one line every 100 ms. */
function sim4x4() {
  return createSimulation({ seed: 1, song: { patterns: [4, 4, 4], bpm: 150, lpb: 4 } });
}

const at = (p: SongPos): string => p.toString();

describe("playback on virtual time", () => {
  it("loop_pattern repeats the current pattern", () => {
    const sim = sim4x4();
    const t = sim.song.transport;
    t.loop_pattern = true;
    t.start(1);
    sim.advance(450);
    expect(at(t.playback_pos)).toBe("{1, 1}"); // 4 lines, then line 1 again
    sim.advance(100);
    expect(at(t.playback_pos)).toBe("{1, 2}");
  });

  it("a loop range jumps from its end back to its start", () => {
    const sim = sim4x4();
    const t = sim.song.transport;
    t.loop_range = [new SongPos(2, 2), new SongPos(2, 4)];
    t.start_at(new SongPos(2, 2));
    sim.advance(200);
    expect(at(t.playback_pos)).toBe("{2, 2}");
    expect(t.loop_sequence_range).toEqual([]);
    t.loop_sequence_range = [2, 3];
    expect([at(t.loop_start), at(t.loop_end)]).toEqual(["{2, 1}", "{3, 5}"]);
  });

  it("a scheduled slot plays after the current pattern; trigger_sequence jumps at once", () => {
    const sim = sim4x4();
    const t = sim.song.transport;
    t.start(1);
    t.add_scheduled_sequence(3);
    sim.advance(400);
    expect(at(t.playback_pos)).toBe("{3, 1}");
    t.trigger_sequence(2);
    expect(at(t.playback_pos)).toBe("{2, 1}");
  });

  it("stop keeps the position, continue goes on from it, restart goes to line 1 of the edited slot", () => {
    const sim = sim4x4();
    const t = sim.song.transport;
    t.start(1);
    sim.advance(250);
    t.stop();
    sim.advance(1000);
    expect(at(t.playback_pos)).toBe("{1, 3}");
    t.start(2);
    sim.advance(100);
    expect(at(t.playback_pos)).toBe("{1, 4}");
    sim.song.selected_sequence_index = 3; // following the player: playback moves there
    expect(at(t.playback_pos)).toBe("{3, 4}");
    t.start(1);
    expect(at(t.playback_pos)).toBe("{3, 1}");
  });

  it("with follow_player, edit_pos and the selected slot follow playback", () => {
    const sim = sim4x4();
    const t = sim.song.transport;
    t.start(1);
    sim.advance(500);
    expect(at(t.edit_pos)).toBe("{2, 2}");
    expect(sim.song.selected_sequence_index).toBe(2);
    t.follow_player = false;
    expect(at(t.edit_pos)).toBe("{1, 1}");
  });

  it("a tempo change while playing re-anchors at the current line", () => {
    const sim = sim4x4();
    const t = sim.song.transport;
    t.start(1);
    sim.advance(150); // line 2, half-way
    t.bpm = 75; // 200 ms a line from now
    sim.advance(199);
    expect(at(t.playback_pos)).toBe("{1, 2}");
    sim.advance(1);
    expect(at(t.playback_pos)).toBe("{1, 3}");
  });
});
