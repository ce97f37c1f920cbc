import { describe, expect, it } from "vitest";
import type { OscArgument } from "../../src/renoise/osc/index.js";
import { oscServerWorld } from "../support/osc-server.js";

const i = (value: number): OscArgument => ({ tag: "i", value });

describe("the realtime triggers are handled by the server itself", () => {
  it("/renoise/trigger/note_on and note_off record the note; -1 is the selected instrument and track", async () => {
    const { sim, server, send } = await oscServerWorld({}, { seed: 1, song: { tracks: 3, instruments: 2 } });
    sim.renoise.song().selected_track_index = 2;
    sim.renoise.song().selected_instrument_index = 2;
    send("/renoise/trigger/note_on", [i(-1), i(-1), i(48), i(100)]);
    send("/renoise/trigger/note_off", [i(1), i(3), i(48)]);
    expect(server.triggered).toEqual([
      { kind: "note_on", time: 0, instrument: 2, track: 2, note: 48, velocity: 100 },
      { kind: "note_off", time: 0, instrument: 1, track: 3, note: 48 },
    ]);
    expect(server.log.map((e) => e.outcome)).toEqual(["accepted", "accepted"]);
  });

  it("/renoise/trigger/midi unpacks status and data bytes from one integer", async () => {
    const { server, send } = await oscServerWorld();
    send("/renoise/trigger/midi", [i(0x90 | (0x30 << 8) | (0x64 << 16))]);
    expect(server.triggered).toEqual([{ kind: "midi", time: 0, bytes: [0x90, 0x30, 0x64] }]);
  });

  it("rejects wrong counts, non-numbers and out-of-range indices, notes and velocities", async () => {
    const { server, send } = await oscServerWorld({}, { seed: 1, song: { tracks: 2, instruments: 1 } });
    send("/renoise/trigger/note_on", [i(1), i(1), i(48)]);
    send("/renoise/trigger/note_on", [i(1), i(1), { tag: "s", value: "C-4" }, i(100)]);
    send("/renoise/trigger/note_on", [i(5), i(1), i(48), i(100)]);
    send("/renoise/trigger/note_on", [i(1), i(9), i(48), i(100)]);
    send("/renoise/trigger/note_on", [i(1), i(1), i(120), i(100)]);
    send("/renoise/trigger/note_on", [i(1), i(1), i(48), i(128)]);
    expect(server.triggered).toEqual([]);
    expect(server.log.map((e) => e.reason)).toEqual([
      "/renoise/trigger/note_on expects 4 argument(s), got 3",
      "argument 3 of /renoise/trigger/note_on must be a number, got tag 's'",
      "instrument index 5 is out of range (the song has 1)",
      "track index 9 is out of range (the song has 3)",
      "note 120 is out of range (0 - 119)",
      "velocity 128 is out of range (0 - 127)",
    ]);
  });

  it("takes 0-based instrument and track indices with triggerIndexBase 0", async () => {
    const { server, send } = await oscServerWorld({ triggerIndexBase: 0 }, { seed: 1, song: { tracks: 2, instruments: 2 } });
    send("/renoise/trigger/note_on", [i(0), i(1), i(60), i(90)]);
    expect(server.triggered).toEqual([{ kind: "note_on", time: 0, instrument: 1, track: 2, note: 60, velocity: 90 }]);
  });
});
