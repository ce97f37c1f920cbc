import { describe, expect, it } from "vitest";
import { newSong } from "../../src/renoise/song/song.js";
import { MUTE_STATE } from "../../src/renoise/song/track.js";

function song() {
  const s = newSong();
  s.insert_track_at(s.tracks.length + 1); // a send track behind the master
  s.insert_group_at(1);
  const [group, seq, master, send] = [s.tracks[0]!, s.tracks[1]!, s.tracks[s.tracks.length - 2]!, s.tracks[s.tracks.length - 1]!];
  return { s, group, seq, master, send };
}

describe("what each track type allows (sequencer, group, master, send)", () => {
  it("types, and the counts the song reports", () => {
    const { s, group, seq, master, send } = song();
    expect([seq.type, master.type, send.type, group.type]).toEqual([1, 2, 3, 4]);
    expect(s.sequencer_track_count).toBe(9); // tracks before the master, the group included
    expect(s.send_track_count).toBe(1);
  });

  it("mute(), unmute(), solo(): the master cannot be muted or soloed, but unmuting it is harmless", () => {
    const { seq, master } = song();
    seq.mute();
    expect(seq.mute_state).toBe(MUTE_STATE.OFF);
    seq.unmute();
    expect(seq.mute_state).toBe(MUTE_STATE.ACTIVE);
    seq.solo();
    expect(seq.solo_state).toBe(true);
    seq.solo();
    expect(seq.solo_state).toBe(false);
    expect(() => master.mute()).toThrow(/master track cannot be muted/);
    expect(() => master.solo()).toThrow(/cannot be soloed/);
    expect(() => (master.mute_state = MUTE_STATE.MUTED)).toThrow(/cannot be muted/);
    master.unmute();
    expect(master.mute_state).toBe(MUTE_STATE.ACTIVE);
  });

  it("output_delay only on sequencer tracks, within -100..100 ms", () => {
    const { group, seq, master, send } = song();
    seq.output_delay = -20;
    expect(seq.output_delay).toBe(-20);
    for (const t of [group, master, send]) expect(() => (t.output_delay = 1)).toThrow(/only sequencer tracks have an output delay/);
    expect(() => (seq.output_delay = 101)).toThrow(/101 is out of range \(-100 - 100\)/);
  });

  it("columns: sequencer 1-12 note and 0-8 effect columns; others no note columns and 1-8 effect columns", () => {
    const { group, seq, master } = song();
    expect([seq.min_note_columns, seq.max_note_columns, seq.min_effect_columns, seq.max_effect_columns]).toEqual([1, 12, 0, 8]);
    expect([master.min_note_columns, master.max_note_columns, master.min_effect_columns]).toEqual([0, 0, 1]);
    seq.visible_effect_columns = 0;
    expect(() => (master.visible_effect_columns = 0)).toThrow(/0 is out of range \(1 - 8\)/);
    expect(() => (seq.visible_note_columns = 13)).toThrow(/out of range \(1 - 12\)/);
    expect(() => (group.volume_column_visible = true)).toThrow(/only sequencer tracks/);
    seq.delay_column_visible = true;
    expect(seq.delay_column_visible).toBe(true);
  });

  it("note column names and mutes travel with a note column swap; indices are checked", () => {
    const { seq } = song();
    seq.set_column_name(1, "kick");
    seq.set_column_is_muted(2, true);
    seq.swap_note_columns_at(1, 2);
    expect([seq.column_name(1), seq.column_name(2), seq.column_is_muted(1)]).toEqual(["", "kick", true]);
    expect(() => seq.set_column_name(13, "x")).toThrow(/index 13 is out of range \(1 - 12\)/);
    expect(() => seq.set_column_name(1, true as never)).toThrow(/string expected, got true/);
    expect(() => seq.swap_effect_columns_at(1, 9)).toThrow(/out of range \(1 - 8\)/);
  });

  it("colour is three whole numbers 0-255; a bad one changes nothing", () => {
    const { seq } = song();
    seq.color = [255, 12, 88];
    for (const bad of [[256, 0, 0], ["255", 0, 0], [1, 2]]) expect(() => (seq.color = bad as number[])).toThrow(/0 - 255/);
    expect(seq.color).toEqual([255, 12, 88]);
    expect(() => (seq.color_blend = 101)).toThrow(/out of range \(0 - 100\)/);
  });

  it("output routing: a group member may go to its group or the master", () => {
    const { s, group } = song();
    s.add_track_to_group(2, 1);
    const member = s.tracks[0]!;
    expect(member.group_parent).toBe(group);
    expect(member.available_output_routings).toEqual(["Group 02", "Master"]);
    expect(member.output_routing).toBe("Group 02");
    member.output_routing = "Master";
    expect(member.output_routing).toBe("Master");
    expect(() => (member.output_routing = "Nowhere")).toThrow(/not one of the available_output_routings/);
  });

  it("the device chain: the mixer stays first; send devices are not offered on the master", () => {
    const { seq, master } = song();
    expect(seq.devices[0]!.name).toBe("TrackVolPan");
    expect(() => seq.insert_device_at("Audio/Effects/Native/Gainer", 1)).toThrow(/out of range \(2 - 2\)/);
    expect(() => seq.delete_device_at(1)).toThrow(/cannot be deleted/);
    expect(() => seq.insert_device_at("Audio/Effects/Native/Nope", 2)).toThrow(/not one of this track's available_devices/);
    seq.insert_device_at("Audio/Effects/Native/Gainer", 2);
    seq.insert_device_at("Audio/Effects/Native/Delay", 3);
    seq.swap_devices_at(2, 3);
    expect(seq.devices.map((d) => d.name)).toEqual(["TrackVolPan", "Delay", "Gainer"]);
    seq.delete_device_at(2);
    expect(seq.devices.map((d) => d.name)).toEqual(["TrackVolPan", "Gainer"]);
    expect(master.available_devices).not.toContain("Audio/Effects/Native/#Send");
    expect(seq.available_devices).toContain("Audio/Effects/Native/#Send");
  });

  it("the pre/post-FX mixer parameters are the mixer device's parameters; post-FX ones are not automatable", () => {
    const { seq } = song();
    const names = seq.devices[0]!.parameters.map((p) => p.name);
    for (const p of [seq.prefx_volume, seq.prefx_panning, seq.prefx_width, seq.postfx_volume, seq.postfx_panning]) {
      expect(names).toContain(p.name);
    }
    expect([seq.prefx_volume.is_automatable, seq.postfx_volume.is_automatable]).toEqual([true, false]);
  });
});
