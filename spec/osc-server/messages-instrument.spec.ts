import { describe, expect, it } from "vitest";
import type { OscArgument } from "../../src/renoise/osc/index.js";
import { oscServerWorld } from "../support/osc-server.js";

const f = (value: number): OscArgument => ({ tag: "f", value });
const i = (value: number): OscArgument => ({ tag: "i", value });
const s = (value: string): OscArgument => ({ tag: "s", value });
const T: OscArgument = { tag: "T" };

/** Reads a dotted path ("trigger_options.monophonic", "macros.2.value") of a model object. */
function read(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const part of path.split(".")) {
    v = Array.isArray(v) ? v[Number(part) - 1] : (v as Record<string, unknown>)[part];
  }
  return v;
}

const db2lin = (db: number): number => 10 ** (db / 20);
const close = (v: unknown): number => Math.round(Number(v) * 1e6) / 1e6;

// One case per instrument message (/renoise/song/instrument/XXX/...) of
// docs/builtin-osc.md, on instrument 2 of a song with three.
const CASES: Array<{ address: string; args: OscArgument[]; path: string; expected: unknown; round?: boolean }> = [
  { address: "/volume", args: [f(0.5)], path: "volume", expected: 0.5 },
  { address: "/volume_db", args: [f(-6)], path: "volume", expected: close(db2lin(-6)), round: true },
  { address: "/transpose", args: [i(-12)], path: "transpose", expected: -12 },
  { address: "/macro1", args: [f(0.25)], path: "macros.1.value", expected: 0.25 },
  { address: "/macro2", args: [f(0.5)], path: "macros.2.value", expected: 0.5 },
  { address: "/macro3", args: [f(0.75)], path: "macros.3.value", expected: 0.75 },
  { address: "/macro4", args: [f(1)], path: "macros.4.value", expected: 1 },
  { address: "/macro5", args: [f(0.125)], path: "macros.5.value", expected: 0.125 },
  { address: "/macro6", args: [f(2)], path: "macros.6.value", expected: 1 },
  { address: "/macro7", args: [i(0)], path: "macros.7.value", expected: 0 },
  { address: "/macro8", args: [s("0.5")], path: "macros.8.value", expected: 0.5 },
  { address: "/monophonic", args: [T], path: "trigger_options.monophonic", expected: true },
  { address: "/monophonic_glide", args: [i(40)], path: "trigger_options.monophonic_glide", expected: 40 },
  { address: "/phrase_playback", args: [s("Keymap")], path: "phrase_playback_mode", expected: 3 },
  { address: "/phrase_program", args: [i(5)], path: "phrase_program", expected: 5 },
  { address: "/quantize", args: [s("beat")], path: "trigger_options.quantize", expected: 3 },
  { address: "/scale_key", args: [s("D")], path: "trigger_options.scale_key", expected: 3 },
  { address: "/scale_mode", args: [s("natural major")], path: "trigger_options.scale_mode", expected: "Natural Major" },
];

describe("instrument messages act on the song as Renoise's global OSC actions do", () => {
  for (const c of CASES) {
    it(`/renoise/song/instrument/XXX${c.address} ${c.args.map((a) => a.tag).join("")}`, async () => {
      const { sim, server, send } = await oscServerWorld({}, { seed: 1, song: { instruments: 3 } });
      send(`/renoise/song/instrument/2${c.address}`, c.args);
      expect(server.log.map((e) => [e.outcome, e.reason])).toEqual([["accepted", undefined]]);
      const value = read(sim.renoise.song().instruments[1], c.path);
      expect(c.round ? close(value) : value).toEqual(c.expected);
    });
  }

  it("-1 addresses the selected instrument; an instrument that does not exist is ignored", async () => {
    const { sim, server, send } = await oscServerWorld({}, { seed: 1, song: { instruments: 3 } });
    const song = sim.renoise.song();
    song.selected_instrument_index = 3;
    send("/renoise/song/instrument/-1/transpose", [i(7)]);
    send("/renoise/song/instrument/9/transpose", [i(7)]);
    expect(server.log.map((e) => e.outcome)).toEqual(["accepted", "accepted"]);
    expect(song.instruments.map((x) => x.transpose)).toEqual([0, 0, 7]);
  });

  it("ignores unknown mode names and clamps numbers", async () => {
    const { sim, send } = await oscServerWorld({}, { seed: 1, song: { instruments: 1 } });
    send("/renoise/song/instrument/1/phrase_playback", [s("Sideways")]);
    send("/renoise/song/instrument/1/transpose", [i(500)]);
    const ins = sim.renoise.song().instruments[0]!;
    expect([ins.phrase_playback_mode, ins.transpose]).toEqual([1, 120]);
  });
});
