import { describe, expect, it } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";

// An argument that is no item of the kept list (out of range, not a whole
// number, not a number) goes to the host method, which raises what it always
// raised, naming the calling line: whether or not Lua kept the list yet.
// Each bad argument in Lua, with the value the host method receives ("#+1": one past the list's end).
const BAD: [string, unknown][] = [
  ["0", 0],
  ["-1", -1],
  ["#+1", "#+1"],
  ["1.5", 1.5],
  ["'1'", "1"],
  ["nil", undefined],
  ["math.huge", Infinity],
  ["-math.huge", -Infinity],
  ["0/0", NaN],
  ["2^53", 2 ** 53],
  ["{}", []],
  ["true", true],
];
const CALLS = [
  { call: "song:track(%)", what: "track" },
  { call: "song.tracks[1]:device(%)", what: "device" },
  { call: "song.tracks[1].devices[1]:parameter(%)", what: "parameter" },
];

/** What the TypeScript model raises for `what(arg)` (the message the host method raises in Lua). */
function hostMessage(sim: ReturnType<typeof createSimulation>, what: string, arg: unknown): string {
  const song = sim.song;
  const target = { track: song, device: song.tracks[0]!, parameter: song.tracks[0]!.devices[0]! }[what] as unknown as Record<string, (a: unknown) => unknown>;
  try {
    target[what]!(arg);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${what}(${String(arg)}) did not raise`);
}

describe("index methods raise as the host method for anything but an item's index", () => {
  for (const kept of [false, true]) {
    it(`raises the host's message at the calling line (list ${kept ? "kept" : "not read yet"})`, async () => {
      const sim = createSimulation();
      const tool = await loadLuaTool(sim, { files: { "main.lua": "song = renoise.song()" } });
      const song = sim.song;
      const lengths = { track: song.tracks.length, device: song.tracks[0]!.devices.length, parameter: song.tracks[0]!.devices[0]!.parameters.length };
      for (const { call, what } of CALLS) {
        for (const [lua, value] of BAD) {
          const past = lengths[what as keyof typeof lengths] + 1;
          const bad = lua === "#+1" ? String(past) : lua;
          const expected = hostMessage(sim, what, value === "#+1" ? past : value);
          const code = `local x = 1\nlocal x = ${call.replace("%", bad)}`;
          if (kept) {
            tool.vm.run("local l = song.tracks[1].devices[1].parameters; l = song.tracks[1].devices; l = song.tracks");
          } else {
            // A layout change (undone) empties what Lua kept: the call finds no list kept.
            song.swap_tracks_at(1, 2);
            song.swap_tracks_at(1, 2);
          }
          let message = "";
          try {
            tool.vm.run(code, "=probe");
          } catch (e) {
            message = (e as { luaMessage?: string }).luaMessage ?? String(e);
          }
          expect(message, call.replace("%", bad)).toBe(`probe:2: ${expected}`);
        }
      }
      tool.unload();
    });
  }

  it("raises the host's bad-argument error for a self of another class or none", async () => {
    const sim = createSimulation();
    const tool = await loadLuaTool(sim, { files: { "main.lua": "song = renoise.song()" } });
    tool.vm.run("local l, d = song.tracks, song.tracks[1].devices");
    for (const [code, msg] of [
      ["local x = song.track(song.tracks[1], 1)", "bad argument #1 to 'track' (Song expected, got object); call it as object:track(...)"],
      ["local x = song.track(nil, 1)", "bad argument #1 to 'track' (Song expected, got nil); call it as object:track(...)"],
      ["local t = song.tracks[1]\nlocal x = t.device(t.devices[1], 1)", "bad argument #1 to 'device' (Track expected, got object); call it as object:device(...)"],
    ] as const) {
      const line = code.split("\n").length;
      expect(() => tool.vm.run(code, "=probe")).toThrow(`probe:${line}: ${msg}`);
    }
    tool.unload();
  });
});
