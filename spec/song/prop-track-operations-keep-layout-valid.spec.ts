import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/renoise/document/model.js";
import { newSong, type Song } from "../../src/renoise/song/song.js";
import type { Track } from "../../src/renoise/song/track.js";

const SEED = 1313;

type Op = [string, number, number];

function run(song: Song, [name, a, b]: Op): void {
  switch (name) {
    case "insert_track_at": song.insert_track_at(a); break;
    case "insert_group_at": song.insert_group_at(a); break;
    case "delete_track_at": song.delete_track_at(a); break;
    case "swap_tracks_at": song.swap_tracks_at(a, b); break;
    case "add_track_to_group": song.add_track_to_group(a, b); break;
    case "remove_track_from_group": song.remove_track_from_group(a); break;
    case "delete_group_at": song.delete_group_at(a); break;
  }
}

const inside = (t: Track, g: Track): boolean => {
  for (let p = t.group_parent; p; p = p.group_parent) if (p === g) return true;
  return false;
};

/** Renoise's layout rules; returns what is wrong, or undefined. */
function broken(song: Song): string | undefined {
  const ts = song.tracks;
  const kinds = ts.map((t) => t.type);
  const m = kinds.indexOf(2);
  if (m < 0 || kinds.lastIndexOf(2) !== m) return "not exactly one master";
  if (kinds.slice(0, m).some((k) => k === 3) || kinds.slice(m + 1).some((k) => k !== 3)) return "sends must follow the master";
  if (!kinds.includes(1)) return "no sequencer track left";
  for (const [i, t] of ts.entries()) {
    if (t.group_parent && (t.type === 2 || t.type === 3)) return `track ${i + 1}: master/send in a group`;
    if (t.group_parent && ts.indexOf(t.group_parent) < i) return `track ${i + 1}: its group stands left of it`;
    if (t.type === 4) {
      // members form one run right before the group
      let j = i - 1;
      while (j >= 0 && inside(ts[j]!, t)) j--;
      if (ts.slice(0, j + 1).some((x) => inside(x, t))) return `group at ${i + 1}: members not contiguous`;
    }
  }
  return undefined;
}

const picture = (s: Song): string =>
  s.tracks.map((t) => `${t.name}/${t.type}<${t.group_parent ? s.tracks.indexOf(t.group_parent) + 1 : 0}`).join(" ");

describe("song-level track operations keep Renoise's layout, and a refused one changes nothing", () => {
  it(`random operation sequences (seed ${SEED})`, () => {
    const op = fc.tuple(
      fc.constantFrom(
        "insert_track_at", "insert_group_at", "delete_track_at", "swap_tracks_at",
        "add_track_to_group", "remove_track_from_group", "delete_group_at",
      ),
      fc.integer({ min: -1, max: 16 }),
      fc.integer({ min: -1, max: 16 }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const song = newSong();
        for (const o of ops) {
          const before = picture(song);
          try {
            run(song, o);
          } catch (e) {
            expect(e).toBeInstanceOf(ModelError);
            expect(picture(song)).toBe(before);
          }
          const why = broken(song);
          if (why) throw new Error(`${why} after ${o.join(" ")}: ${picture(song)}`);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
