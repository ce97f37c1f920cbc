import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { SIM_SECTIONS } from "../../src/index.js";
import { runLuaSpecs } from "../support/specs.js";

afterEach(() => {
  delete SIM_SECTIONS.song;
});

// An area of the double (song, preferences, MIDI, dialogs) extends the sim
// global by registering a section: a table of host functions, built per test.
it("adds a registered section to the sim global of every test", async () => {
  let built = 0;
  SIM_SECTIONS.song = (world) => {
    built++;
    return { bpm: () => 120, seed: world.sim.seed };
  };
  const dir = mkdtempSync(join(tmpdir(), "renoise-sim-section-"));
  writeFileSync(
    join(dir, "song_spec.lua"),
    'describe("song", function()\n  it("has a tempo", function() assert.are.equal(120, sim.song.bpm()) end)\n  it("sees its world", function() assert.are.equal(3, sim.song.seed) end)\nend)\n',
  );
  const s = await runLuaSpecs([dir], { seed: 3 });
  expect(s.results.map((r) => r.status)).toEqual(["success", "success"]);
  expect(built).toBe(2); // one world per test (the first reuses the world the file was loaded in)
}, 60_000);
