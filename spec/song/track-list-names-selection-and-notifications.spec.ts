import { describe, expect, it } from "vitest";
import type { ListChange } from "../../src/renoise/document/observable-list.js";
import { newSong } from "../../src/renoise/song/song.js";

describe("song-level track operations: names, selection and tracks_observable", () => {
  it("new tracks are named by kind and place and coloured from a fixed palette", () => {
    const s = newSong();
    const t = s.insert_track_at(3);
    const g = s.insert_group_at(1);
    const send = s.insert_track_at(s.tracks.length + 1);
    expect([t.name, g.name, send.name]).toEqual(["Track 03", "Group 01", "Send 01"]);
    expect(t.color).toEqual(newSong().insert_track_at(3).color);
    expect(t.color).not.toEqual(g.color);
    expect([t.volume_column_visible, t.panning_column_visible, t.visible_note_columns, t.visible_effect_columns]).toEqual([true, false, 1, 1]);
  });

  it("the selected track stays selected when it moves, and falls back to the nearest index when deleted", () => {
    const s = newSong();
    s.selected_track_index = 3;
    const selected = s.selected_track;
    s.insert_track_at(1);
    expect(s.selected_track).toBe(selected);
    expect(s.selected_track_index).toBe(4);
    s.delete_track_at(4);
    expect(s.selected_track_index).toBe(4);
    s.selected_track_index = s.tracks.length; // the master
    s.delete_track_at(8);
    expect(s.selected_track.type).toBe(2);
  });

  it("a group moved as a block is reported as the swaps that produce the new order", () => {
    const s = newSong();
    s.insert_group_at(1);
    s.add_track_to_group(2, 1);
    s.add_track_to_group(3, 2); // Track 01, Track 02 in the group at 3
    const names = s.tracks.map((t) => t.name);
    const seen: ListChange[] = [];
    s.tracks_observable.add_notifier((e: ListChange) => seen.push(e));
    s.swap_tracks_at(3, 4);
    const replay = [...names];
    for (const e of seen) {
      expect(e.type).toBe("swap");
      if (e.type === "swap") [replay[e.index1 - 1], replay[e.index2 - 1]] = [replay[e.index2 - 1]!, replay[e.index1 - 1]!];
    }
    expect(replay).toEqual(s.tracks.map((t) => t.name));
    expect(s.tracks.slice(0, 4).map((t) => t.name)).toEqual(["Track 03", "Track 01", "Track 02", "Group 01"]);
  });

  it("the master routes to the sound card; display_name keeps what is set", () => {
    const s = newSong();
    const master = s.tracks[s.tracks.length - 1]!;
    expect(master.available_output_routings).toEqual(["Output 1+2"]);
    const d = s.tracks[0]!.insert_device_at("Audio/Effects/Native/Gainer", 2);
    d.display_name = "";
    expect(d.display_name).toBe("");
  });
});
