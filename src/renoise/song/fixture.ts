import { ModelError } from "../document/model.js";
import { Instrument } from "./instrument.js";
import { Pattern } from "./pattern.js";
import { newSong, type Song } from "./song.js";
import { createTrack, type Track, TRACK_TYPE } from "./track.js";

/** A track in a {@link SongFixture}: a name, or details. */
export type TrackFixture = string | { name?: string; type?: "sequencer" | "group" | "send"; [more: string]: unknown };

/**
 * A compact description of a song for `createSimulation({ song })` and
 * scenario files. Everything is optional; what is left out is as in a new
 * Renoise song (docs/song.md).
 */
export interface SongFixture {
  name?: string;
  artist?: string;
  comments?: string[];
  file_name?: string;
  tool_data?: string;
  bpm?: number;
  lpb?: number;
  tpl?: number;
  /** Sequencer (and group/send) tracks, before the master; a number gives that many default tracks. */
  tracks?: number | TrackFixture[];
  /** Number of patterns (64 lines each), or the line count of each. */
  patterns?: number | number[];
  /** The pattern sequence (pattern indices); default: 1..#patterns. */
  sequence?: number[];
  /** Instruments: a count, or names. */
  instruments?: number | string[];
}

const FIXTURE_KEYS = new Set([
  "name", "artist", "comments", "file_name", "tool_data", "bpm", "lpb", "tpl", "tracks", "patterns", "sequence", "instruments",
]);

/** Extension point: the tracks module adds what a track fixture's other fields mean (devices...). @internal */
export const trackFixtureHooks: ((track: Track, fixture: Exclude<TrackFixture, string>, song: Song) => void)[] = [];

/** Builds a song from a fixture; raises a ModelError naming the bad field. */
export function buildSong(f: SongFixture): Song {
  if (typeof f !== "object" || f === null) throw new ModelError("song fixture: an object is expected");
  for (const k of Object.keys(f)) {
    if (!FIXTURE_KEYS.has(k)) throw new ModelError(`song fixture: unknown field "${k}" (known: ${[...FIXTURE_KEYS].join(", ")})`);
  }
  const song = newSong();
  if (f.tracks !== undefined) {
    const list: TrackFixture[] =
      typeof f.tracks === "number" ? Array.from({ length: f.tracks }, (_, i) => `Track ${String(i + 1).padStart(2, "0")}`) : f.tracks;
    if (!Array.isArray(list) || list.length < 1) throw new ModelError("song fixture: tracks must be a number >= 1 or a non-empty list");
    const master = song.tracks[song.tracks.length - 1]!;
    while (song._tracks.items.length > 0) song._removeTrack(1);
    const sends: Track[] = [];
    list.forEach((t, i) => {
      const spec = typeof t === "string" ? { name: t } : t;
      const type = spec.type === "send" ? TRACK_TYPE.SEND : spec.type === "group" ? TRACK_TYPE.GROUP : TRACK_TYPE.SEQUENCER;
      const track = createTrack(type, spec.name ?? (type === TRACK_TYPE.SEND ? `Send ${String(sends.length + 1).padStart(2, "0")}` : `Track ${String(i + 1).padStart(2, "0")}`));
      if (type === TRACK_TYPE.SEND) sends.push(track);
      else song._insertTrack(song._tracks.items.length + 1, track);
      if (typeof t !== "string") for (const hook of trackFixtureHooks) hook(track, t, song);
    });
    song._insertTrack(song._tracks.items.length + 1, master);
    for (const s of sends) song._insertTrack(song._tracks.items.length + 1, s);
  }
  if (f.patterns !== undefined) {
    const lens = typeof f.patterns === "number" ? Array.from({ length: f.patterns }, () => 64) : f.patterns;
    if (!Array.isArray(lens) || lens.length < 1) throw new ModelError("song fixture: patterns must be a number >= 1 or a list of line counts");
    song._patterns.items.length = 0;
    for (const n of lens) {
      const p = new Pattern(64);
      p._owner = song;
      song._patterns.items.push(p);
      p.number_of_lines = n;
    }
    if (f.sequence === undefined) song.sequencer.pattern_sequence = lens.map((_, i) => i + 1);
  }
  if (f.sequence !== undefined) song.sequencer.pattern_sequence = f.sequence;
  if (f.instruments !== undefined) {
    const names = typeof f.instruments === "number" ? Array.from({ length: f.instruments }, () => "") : f.instruments;
    song._instruments.items.length = 0;
    names.forEach((n, i) => song._insertInstrument(i + 1, new Instrument(n)));
  }
  if (f.name !== undefined) song.name = f.name;
  if (f.artist !== undefined) song.artist = f.artist;
  if (f.comments !== undefined) song.comments = f.comments;
  if (f.file_name !== undefined) song._v.file_name = f.file_name;
  if (f.tool_data !== undefined) song.tool_data = f.tool_data;
  if (f.bpm !== undefined) song.transport.bpm = f.bpm;
  if (f.lpb !== undefined) song.transport.lpb = f.lpb;
  if (f.tpl !== undefined) song.transport.tpl = f.tpl;
  return song;
}
