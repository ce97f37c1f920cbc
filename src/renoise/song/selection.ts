import { checkIndex, type ModelObject, type PropDef } from "../document/model.js";
import { Instrument } from "./instrument.js";
import { MAX_PATTERNS } from "./sequencer.js";
import { SongPos } from "./song-pos.js";
import type { Song } from "./song.js";
import { Track } from "./track.js";

/**
 * The song's `selected_*` indices and objects. The selected sequence slot and
 * line are the transport's edit position (as in Renoise); the selected
 * pattern is the pattern of that slot, and setting it puts another pattern
 * into the slot.
 *
 * @internal
 */
export class SongSelection {
  track = 1;
  instrument = 1;
  noteColumn = 1;
  effectColumn = 0;

  constructor(private readonly song: Song) {}

  /** Moves the edit position, notifying what changed. */
  moveEdit(sequence: number, line: number): void {
    const t = this.song.transport;
    const old = t.edit_pos;
    const oldPattern = this.song.selected_pattern_index;
    t._edit = new SongPos(sequence, line);
    // Following the player, the cursor is the playback position: moving it moves playback.
    if (t.follow_player && t._play.playing) t._play.jump(t._edit);
    if (old.sequence !== sequence) {
      this.song._context()?.changed("selected_sequence_index", old.sequence, sequence);
      this.song._notify("selected_sequence_index");
    }
    if (old.line !== line) this.song._context()?.changed("selected_line_index", old.line, line);
    if (oldPattern !== this.song.selected_pattern_index) {
      this.song._notify("selected_pattern_index");
      this.song._notify("selected_pattern");
    }
  }

  static readonly props: Record<string, PropDef<Song>> = {
    selected_track_index: {
      type: "integer",
      observable: true,
      range: (s) => [1, s.tracks.length],
      get: (s) => s._selection.track,
      set: (s, i: number) => setTrack(s, i),
    },
    selected_track: {
      type: "object",
      cls: Track,
      observable: true,
      get: (s) => s.tracks[s._selection.track - 1],
      check: (s, t: Track) => (s.tracks.includes(t) ? undefined : "selected_track: the track is not part of this song"),
      set: (s, t: Track) => setTrack(s, s.tracks.indexOf(t) + 1),
    },
    selected_instrument_index: {
      type: "integer",
      observable: true,
      range: (s) => [1, s.instruments.length],
      get: (s) => s._selection.instrument,
      set: (s, i: number) => setInstrument(s, i),
    },
    selected_instrument: {
      type: "object",
      cls: Instrument,
      observable: true,
      get: (s) => s.instruments[s._selection.instrument - 1],
      check: (s, x: Instrument) => (s.instruments.includes(x) ? undefined : "selected_instrument: the instrument is not part of this song"),
      set: (s, x: Instrument) => setInstrument(s, s.instruments.indexOf(x) + 1),
    },
    selected_sequence_index: {
      type: "integer",
      observable: true,
      range: (s) => [1, s.sequencer._slots.length],
      get: (s) => s.transport.edit_pos.sequence,
      set: (s, i: number) => s._selection.moveEdit(i, Math.min(s.transport.edit_pos.line, s.patternLengthAt(i))),
    },
    selected_pattern_index: {
      type: "integer",
      observable: true,
      min: 1,
      max: MAX_PATTERNS,
      get: (s) => s.sequencer.pattern(s.transport.edit_pos.sequence),
      set: (s, p: number) => {
        const seq = s.transport.edit_pos.sequence;
        const slot = s.sequencer._slots[seq - 1]!;
        if (slot.pattern === p) return;
        s._ensurePatterns(p);
        const old = slot.pattern;
        s.transport._play.change(() => {
          slot.pattern = p;
          s.sequencer._list.items[seq - 1] = p;
        });
        s._context()?.changed("selected_pattern_index", old, p);
        s._notify("selected_pattern_index");
        s._notify("selected_pattern");
        s.sequencer._notify("pattern_assignments");
      },
    },
    selected_pattern: { type: "object", readonly: true, observable: true, get: (s) => s.patterns[s.selected_pattern_index - 1] },
    selected_line_index: {
      type: "integer",
      range: (s) => [1, s.patternLengthAt(s.transport.edit_pos.sequence)],
      get: (s) => s.transport.edit_pos.line,
      set: (s, l: number) => s._selection.moveEdit(s.transport.edit_pos.sequence, l),
    },
    selected_note_column_index: {
      type: "integer",
      min: 0,
      max: 12,
      get: (s) => s._selection.noteColumn,
      set: (s, i: number) => {
        s._selection.noteColumn = i;
      },
    },
    selected_effect_column_index: {
      type: "integer",
      min: 0,
      max: 8,
      get: (s) => s._selection.effectColumn,
      set: (s, i: number) => {
        s._selection.effectColumn = i;
      },
    },
  };
}

function setTrack(s: Song, i: number): void {
  const sel = s._selection;
  checkIndex("selected_track_index", i, s.tracks.length);
  if (sel.track === i) return;
  const old = sel.track;
  sel.track = i;
  changed(s, "selected_track_index", old, i);
  s._notify("selected_track");
}

function setInstrument(s: Song, i: number): void {
  const sel = s._selection;
  checkIndex("selected_instrument_index", i, s.instruments.length);
  if (sel.instrument === i) return;
  const old = sel.instrument;
  sel.instrument = i;
  changed(s, "selected_instrument_index", old, i);
  s._notify("selected_instrument");
}

function changed(o: ModelObject, name: string, old: unknown, value: unknown): void {
  o._context()?.changed(o._member(name), old, value);
  o._notify(name);
}
