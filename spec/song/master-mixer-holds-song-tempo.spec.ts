import { describe, expect, it } from "vitest";
import { newSong } from "../../src/renoise/song/song.js";

describe("the master's mixer device carries the song's BPM, LPB and TPL as parameters 6-8", () => {
  it("reads and writes the transport, automatable once per line", () => {
    const s = newSong();
    const master = s.tracks[s.tracks.length - 1]!;
    const [bpm, lpb, tpl] = master.devices[0]!.parameters.slice(5);
    expect([bpm!.name, lpb!.name, tpl!.name]).toEqual(["BPM", "LPB", "TPL"]);
    expect([bpm!.time_quantum, master.prefx_volume.time_quantum]).toEqual([1, 1 / 256]);
    expect(bpm!.value).toBe(120);
    let fired = 0;
    bpm!.value_observable.add_notifier(() => fired++);
    bpm!.value = 140;
    expect(s.transport.bpm).toBe(140);
    expect(fired).toBe(1);
    s.transport.lpb = 8;
    expect(lpb!.value_string).toBe("8");
    expect(() => (tpl!.value = 17)).toThrow(/17 is out of range \(1 - 16\)/);
    master.devices[0]!.active_preset = 1; // Init does not reset the tempo
    expect(s.transport.bpm).toBe(140);
    expect(s.tracks[0]!.devices[0]!.parameters.length).toBe(5);
  });
});
