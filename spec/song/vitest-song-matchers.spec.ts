import { describe, expect, it } from "vitest";
import { createSimulation } from "../../src/index.js";
import { renoiseMatchers } from "../../src/vitest-base.js";

expect.extend(renoiseMatchers);

describe("vitest matchers for the song", () => {
  it("toHaveSongChange matches path, new and old value and cause; toHaveSongCalls lists calls; toBeSongPos a position", () => {
    const sim = createSimulation({ seed: 1 });
    sim.song.transport.bpm = 140;
    sim.song.transport.start(1);
    sim.advance(250);
    sim.song.transport.stop();
    expect(sim).toHaveSongChange("transport.bpm", { from: 120, to: 140, cause: "test" });
    expect(sim).not.toHaveSongChange("transport.bpm", { to: 150 });
    expect(sim).not.toHaveSongChange("transport.lpb");
    expect(sim).toHaveSongCalls(["transport.start", "transport.stop"]);
    // 140 bpm, 4 lines a beat: 107 ms a line, so 250 ms in is line 3.
    expect(sim.song.transport.playback_pos).toBeSongPos(1, 3);
    expect(sim.song.transport.playback_pos).not.toBeSongPos(1, 4);
  });

  it("says what changed instead when a change is missing", () => {
    const sim = createSimulation({ seed: 1 });
    sim.song.transport.bpm = 140;
    const r = renoiseMatchers.toHaveSongChange(sim, "transport.bpm", { to: 150 });
    expect(r.pass).toBe(false);
    expect(r.message()).toContain('transport.bpm: 120 -> 140 (test)');
    expect(renoiseMatchers.toHaveSongChange(sim, "transport.lpb").message()).toContain("changed: transport.bpm");
  });
});
