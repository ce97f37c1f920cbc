import { defineModel, ModelError, ModelObject, type PropDef } from "../document/model.js";
import type { Observable } from "../document/observable.js";
import { Playback } from "./playback.js";
import { SongPos } from "./song-pos.js";
import type { Song } from "./song.js";

/** renoise.Transport constants. */
export const TRANSPORT_CONSTANTS = {
  PLAYMODE_RESTART_PATTERN: 1,
  PLAYMODE_CONTINUE_PATTERN: 2,
  RECORD_PARAMETER_MODE_PATTERN: 1,
  RECORD_PARAMETER_MODE_AUTOMATION: 2,
  TIMING_MODEL_SPEED: 1,
  TIMING_MODEL_LPB: 2,
} as const;

/** Lowest track headroom: math.db2lin(-12). */
export const MIN_TRACK_HEADROOM = Math.pow(10, -12 / 20);

/**
 * renoise.Transport: tempo, playback on virtual time, loops, edit settings,
 * metronome, quantize, groove. Properties and ranges as in Renoise's API
 * definitions; see docs/song.md.
 */
export class Transport extends ModelObject {
  /** @internal */
  readonly _play = new Playback(this);
  /** @internal edit position when not following the player */
  _edit = new SongPos(1, 1);
  /** @internal {start, end} of the loop range, or undefined (no loop) */
  _loop: [SongPos, SongPos] | undefined;
  /** @internal sequence indices scheduled to play next */
  _scheduled: number[] = [];

  declare playing: boolean;
  declare readonly timing_model: number;
  declare bpm: number;
  declare lpb: number;
  declare tpl: number;
  declare playback_pos: SongPos;
  declare playback_pos_beats: number;
  declare edit_pos: SongPos;
  declare edit_pos_beats: number;
  declare readonly song_length: SongPos;
  declare readonly song_length_beats: number;
  declare readonly loop_start: SongPos;
  declare readonly loop_end: SongPos;
  declare loop_range: SongPos[];
  declare readonly loop_start_beats: number;
  declare readonly loop_end_beats: number;
  declare loop_range_beats: number[];
  declare readonly loop_sequence_start: number;
  declare readonly loop_sequence_end: number;
  declare loop_sequence_range: number[];
  declare loop_pattern: boolean;
  declare loop_block_enabled: boolean;
  declare readonly loop_block_start_pos: SongPos;
  declare loop_block_range_coeff: number;
  declare edit_mode: boolean;
  declare edit_step: number;
  declare octave: number;
  declare metronome_enabled: boolean;
  declare metronome_beats_per_bar: number;
  declare metronome_lines_per_beat: number;
  declare metronome_precount_enabled: boolean;
  declare metronome_precount_bars: number;
  declare record_quantize_enabled: boolean;
  declare record_quantize_lines: number;
  declare record_parameter_mode: number;
  declare follow_player: boolean;
  declare wrapped_pattern_edit: boolean;
  declare single_track_edit_mode: boolean;
  declare groove_enabled: boolean;
  declare groove_amounts: number[];
  declare track_headroom: number;
  declare keyboard_velocity_enabled: boolean;
  declare keyboard_velocity: number;

  declare readonly playing_observable: Observable;
  declare readonly bpm_observable: Observable;
  declare readonly lpb_observable: Observable;
  declare readonly tpl_observable: Observable;
  declare readonly loop_pattern_observable: Observable;
  declare readonly edit_mode_observable: Observable;
  declare readonly edit_step_observable: Observable;
  declare readonly octave_observable: Observable;
  declare readonly metronome_enabled_observable: Observable;
  declare readonly metronome_beats_per_bar_observable: Observable;
  declare readonly metronome_lines_per_beat_observable: Observable;
  declare readonly metronome_precount_enabled_observable: Observable;
  declare readonly metronome_precount_bars_observable: Observable;
  declare readonly record_quantize_enabled_observable: Observable;
  declare readonly record_quantize_lines_observable: Observable;
  declare readonly record_parameter_mode_observable: Observable;
  declare readonly follow_player_observable: Observable;
  declare readonly wrapped_pattern_edit_observable: Observable;
  declare readonly single_track_edit_mode_observable: Observable;
  declare readonly groove_enabled_observable: Observable;
  declare readonly groove_assignment_observable: Observable;
  declare readonly track_headroom_observable: Observable;
  declare readonly keyboard_velocity_enabled_observable: Observable;
  declare readonly keyboard_velocity_observable: Observable;

  constructor(song: Song) {
    super();
    this._owner = song;
    Object.assign(this._v, {
      timing_model: TRANSPORT_CONSTANTS.TIMING_MODEL_LPB,
      bpm: 120,
      lpb: 4,
      tpl: 12,
      loop_pattern: false,
      loop_block_enabled: false,
      loop_block_range_coeff: 4,
      edit_mode: false,
      edit_step: 1,
      octave: 4,
      metronome_enabled: false,
      metronome_beats_per_bar: 4,
      metronome_lines_per_beat: 0,
      metronome_precount_enabled: false,
      metronome_precount_bars: 1,
      record_quantize_enabled: false,
      record_quantize_lines: 1,
      record_parameter_mode: TRANSPORT_CONSTANTS.RECORD_PARAMETER_MODE_PATTERN,
      follow_player: true,
      wrapped_pattern_edit: true,
      single_track_edit_mode: false,
      groove_enabled: false,
      groove_amounts: [0, 0, 0, 0],
      track_headroom: Math.pow(10, -6 / 20),
      keyboard_velocity_enabled: false,
      keyboard_velocity: 127,
    });
  }

  /** @internal */
  get _song(): Song {
    return this._owner as Song;
  }

  override _path(): string {
    return "transport";
  }

  /** Starts playback: `PLAYMODE_RESTART_PATTERN` (1) from line 1 of the edited pattern, `PLAYMODE_CONTINUE_PATTERN` (2) from where it stands. */
  start(mode: number): void {
    if (mode !== 1 && mode !== 2) {
      throw new ModelError(`start: mode must be renoise.Transport.PLAYMODE_RESTART_PATTERN (1) or PLAYMODE_CONTINUE_PATTERN (2), got ${String(mode)}`);
    }
    this._called("start", [mode]);
    const from = mode === 1 ? new SongPos(this.edit_pos.sequence, 1) : this._play.position();
    this._play.start(from);
  }

  /** Starts at a line of the edited pattern, or at a SongPos. */
  start_at(where: number | SongPos): void {
    const pos = typeof where === "number" ? new SongPos(this.edit_pos.sequence, where) : where;
    if (!(pos instanceof SongPos)) throw new ModelError("start_at: a line number or a renoise.SongPos is expected");
    this._checkPos("start_at", pos);
    this._called("start_at", [pos]);
    this._play.start(pos);
  }

  /** Stops playback (the position stays where it stopped). */
  stop(): void {
    this._called("stop", []);
    this._play.stop();
  }

  /** Stops playback and all sounding notes. */
  panic(): void {
    this._called("panic", []);
    this._play.stop();
  }

  /** Starts playing at once at line 1 of a sequence slot. */
  trigger_sequence(sequence_pos: number): void {
    this._checkSequence("trigger_sequence", sequence_pos);
    this._called("trigger_sequence", [sequence_pos]);
    this._scheduled = [];
    this._play.start(new SongPos(sequence_pos, 1));
  }

  /** Adds a sequence slot to play when the current pattern ends. */
  add_scheduled_sequence(sequence_pos: number): void {
    this._checkSequence("add_scheduled_sequence", sequence_pos);
    this._called("add_scheduled_sequence", [sequence_pos]);
    this._play.sync();
    this._scheduled.push(sequence_pos);
  }

  /** Replaces the scheduled slots with one. */
  set_scheduled_sequence(sequence_pos: number): void {
    this._checkSequence("set_scheduled_sequence", sequence_pos);
    this._called("set_scheduled_sequence", [sequence_pos]);
    this._play.sync();
    this._scheduled = [sequence_pos];
  }

  /** Moves the block loop one block forwards (recorded; the block loop does not shape playback here). */
  loop_block_move_forwards(): void {
    this._called("loop_block_move_forwards", []);
  }

  /** Moves the block loop one block backwards (recorded only). */
  loop_block_move_backwards(): void {
    this._called("loop_block_move_backwards", []);
  }

  /** Recorded only: no sample recording in the simulation. */
  start_stop_sample_recording(): void {
    this._called("start_stop_sample_recording", []);
  }

  /** Recorded only. */
  cancel_sample_recording(): void {
    this._called("cancel_sample_recording", []);
  }

  /** @internal */
  _checkSequence(call: string, i: unknown): void {
    const n = this._song.sequencer.pattern_sequence.length;
    if (typeof i !== "number" || !Number.isInteger(i) || i < 1 || i > n) {
      throw new ModelError(`${call}: sequence index ${String(i)} is out of range (1 - ${n})`);
    }
  }

  /** @internal */
  _checkPos(call: string, p: SongPos): void {
    this._checkSequence(call, p.sequence);
    const lines = this._song.patternLengthAt(p.sequence);
    if (p.line < 1 || p.line > lines) throw new ModelError(`${call}: line ${p.line} is out of range (1 - ${lines})`);
  }

  /** Lines from the song start to a position. */
  /** @internal */
  _linesTo(p: SongPos): number {
    let lines = 0;
    for (let s = 1; s < p.sequence; s++) lines += this._song.patternLengthAt(s);
    return lines + p.line - 1;
  }

  /** @internal the position `lines` lines from the song start (clamped to the song). */
  _posAtLines(lines: number): SongPos {
    const n = this._song.sequencer.pattern_sequence.length;
    let rest = Math.max(0, Math.floor(lines));
    for (let s = 1; s <= n; s++) {
      const len = this._song.patternLengthAt(s);
      if (rest < len) return new SongPos(s, rest + 1);
      rest -= len;
    }
    return new SongPos(n, this._song.patternLengthAt(n));
  }

  /** @internal loop range as stored, or undefined */
  get _loopRange(): [SongPos, SongPos] | undefined {
    return this._loop;
  }
}

const flag = (): PropDef<Transport> => ({ type: "boolean", observable: true });
const int = (min: number, max: number): PropDef<Transport> => ({ type: "integer", min, max, observable: true });

function songPosProp(name: string, get: (t: Transport) => SongPos, set: (t: Transport, p: SongPos) => void): PropDef<Transport> {
  return {
    type: "object",
    cls: SongPos,
    get,
    set: (t, p: SongPos) => {
      t._checkPos(name, p);
      set(t, p);
    },
  };
}

defineModel(Transport, {
  typeName: "Transport",
  props: {
    playing: {
      type: "boolean",
      observable: true,
      get: (t) => t._play.playing,
      set: (t, v: boolean) => {
        if (v === t._play.playing) return;
        if (v) t.start(TRANSPORT_CONSTANTS.PLAYMODE_CONTINUE_PATTERN);
        else t.stop();
      },
    },
    timing_model: { type: "integer", readonly: true },
    bpm: { type: "number", min: 32, max: 999, observable: true, set: (t, v: number) => t._play.retime("bpm", v) },
    lpb: { type: "integer", min: 1, max: 256, observable: true, set: (t, v: number) => t._play.retime("lpb", v) },
    tpl: int(1, 16),
    playback_pos: { ...songPosProp("playback_pos", (t) => t._play.position(), (t, p) => t._play.jump(p)), luaCache: true },
    playback_pos_beats: {
      type: "number",
      get: (t) => t._linesTo(t._play.position()) / t.lpb,
      set: (t, b: number) => t._play.jump(t._posAtLines(b * t.lpb)),
      range: (t) => [0, t.song_length_beats],
    },
    edit_pos: songPosProp(
      "edit_pos",
      (t) => (t.follow_player && t._play.playing ? t._play.position() : t._edit),
      (t, p) => {
        const old = t._edit;
        t._edit = p;
        if (!old.equals(p)) t._context()?.changed(t._member("edit_pos"), old, p);
      },
    ),
    edit_pos_beats: {
      type: "number",
      get: (t) => t._linesTo(t.edit_pos) / t.lpb,
      set: (t, b: number) => {
        t.edit_pos = t._posAtLines(b * t.lpb);
      },
      range: (t) => [0, t.song_length_beats],
    },
    song_length: {
      type: "object",
      readonly: true,
      get: (t) => {
        const n = t._song.sequencer.pattern_sequence.length;
        return new SongPos(n, t._song.patternLengthAt(n));
      },
    },
    song_length_beats: { type: "number", readonly: true, get: (t) => t._song.totalLines() / t.lpb },
    loop_start: { type: "object", readonly: true, get: (t) => t._loop?.[0] ?? new SongPos(1, 1) },
    loop_end: { type: "object", readonly: true, get: (t) => t._loop?.[1] ?? new SongPos(1, 1) },
    loop_range: {
      type: "table",
      get: (t) => [t.loop_start, t.loop_end],
      set: (t, r: unknown[]) => setLoopRange(t, r),
    },
    loop_start_beats: { type: "number", readonly: true, get: (t) => t._linesTo(t.loop_start) / t.lpb },
    loop_end_beats: { type: "number", readonly: true, get: (t) => t._linesTo(t.loop_end) / t.lpb },
    loop_range_beats: {
      type: "table",
      get: (t) => [t.loop_start_beats, t.loop_end_beats],
      set: (t, r: unknown[]) => {
        if (r.length !== 2 || typeof r[0] !== "number" || typeof r[1] !== "number") {
          throw new ModelError("loop_range_beats: a table {start_beats, end_beats} is expected");
        }
        setLoopRange(t, [t._posAtLines(r[0] * t.lpb), posAfterLines(t, r[1] * t.lpb)]);
      },
    },
    loop_sequence_start: { type: "integer", readonly: true, get: (t) => sequenceRange(t)[0] ?? 0 },
    loop_sequence_end: { type: "integer", readonly: true, get: (t) => sequenceRange(t)[1] ?? 0 },
    loop_sequence_range: {
      type: "table",
      get: (t) => sequenceRange(t),
      set: (t, r: unknown[]) => {
        if (r.length === 0) return setLoopRange(t, []);
        if (r.length !== 2) throw new ModelError("loop_sequence_range: {} or {start_sequence, end_sequence} is expected");
        const [a, b] = r as number[];
        t._checkSequence("loop_sequence_range", a);
        t._checkSequence("loop_sequence_range", b);
        if (b! < a!) throw new ModelError("loop_sequence_range: the end must not lie before the start");
        setLoopRange(t, [new SongPos(a!, 1), b! < t._song.sequencer.pattern_sequence.length ? new SongPos(b! + 1, 1) : endOfSong(t)]);
      },
    },
    loop_pattern: { type: "boolean", observable: true, set: (t, v: boolean) => t._play.change(() => t.store("loop_pattern", v)) },
    loop_block_enabled: flag(),
    loop_block_start_pos: { type: "object", readonly: true, get: (t) => new SongPos(t.edit_pos.sequence, 1) },
    loop_block_range_coeff: { type: "integer", min: 2, max: 16 },
    edit_mode: flag(),
    edit_step: int(0, 64),
    octave: int(0, 8),
    metronome_enabled: flag(),
    metronome_beats_per_bar: int(1, 16),
    metronome_lines_per_beat: int(0, 256),
    metronome_precount_enabled: flag(),
    metronome_precount_bars: int(1, 4),
    record_quantize_enabled: flag(),
    record_quantize_lines: int(1, 32),
    record_parameter_mode: int(1, 2),
    follow_player: flag(),
    wrapped_pattern_edit: flag(),
    single_track_edit_mode: flag(),
    groove_enabled: flag(),
    groove_amounts: {
      type: "table",
      check: (_t, v: unknown[]) =>
        v.length === 4 && v.every((x) => typeof x === "number" && x >= 0 && x <= 1)
          ? undefined
          : "groove_amounts: a table of 4 numbers in the range 0 - 1 is expected",
      set: (t, v: number[]) => {
        const old = t._v.groove_amounts as number[];
        if (old.every((x, i) => x === v[i])) return;
        t.store("groove_amounts", [...v], false);
        t._notify("groove_assignment");
      },
    },
    track_headroom: { type: "number", min: MIN_TRACK_HEADROOM - 1e-12, max: 1, observable: true },
    keyboard_velocity_enabled: flag(),
    keyboard_velocity: {
      type: "integer",
      min: 0,
      max: 127,
      observable: true,
      get: (t) => (t.keyboard_velocity_enabled ? t._v.keyboard_velocity : 127),
    },
  },
  observables: ["groove_assignment_observable"],
  methods: [
    "start",
    "start_at",
    "stop",
    "panic",
    "trigger_sequence",
    "add_scheduled_sequence",
    "set_scheduled_sequence",
    "loop_block_move_forwards",
    "loop_block_move_backwards",
    "start_stop_sample_recording",
    "cancel_sample_recording",
  ],
});

function endOfSong(t: Transport): SongPos {
  const n = t._song.sequencer.pattern_sequence.length;
  return new SongPos(n, t._song.patternLengthAt(n) + 1);
}

function posAfterLines(t: Transport, lines: number): SongPos {
  return lines >= t._song.totalLines() ? endOfSong(t) : t._posAtLines(lines);
}

/** {first, last} sequence of a loop made of whole sequence slots, else {}. */
function sequenceRange(t: Transport): number[] {
  const r = t._loop;
  if (!r || r[0].line !== 1) return [];
  const [a, b] = r;
  const n = t._song.sequencer.pattern_sequence.length;
  if (b.line === 1 && b.sequence > a.sequence) return [a.sequence, b.sequence - 1];
  if (b.sequence === n && b.line === t._song.patternLengthAt(n) + 1) return [a.sequence, n];
  return [];
}

function setLoopRange(t: Transport, r: unknown[]): void {
  if (r.length === 0) {
    t._play.change(() => {
      const old = t._loop;
      t._loop = undefined;
      if (old) t._context()?.changed(t._member("loop_range"), old, []);
    });
    return;
  }
  if (r.length !== 2 || !(r[0] instanceof SongPos) || !(r[1] instanceof SongPos)) {
    throw new ModelError("loop_range: a table {renoise.SongPos, renoise.SongPos} is expected");
  }
  const [a, b] = r as [SongPos, SongPos];
  t._checkPos("loop_range", a);
  // The end may be one line past a pattern's end (the loop then covers that pattern entirely).
  t._checkSequence("loop_range", b.sequence);
  const lines = t._song.patternLengthAt(b.sequence);
  if (b.line < 1 || b.line > lines + 1) throw new ModelError(`loop_range: end line ${b.line} is out of range (1 - ${lines + 1})`);
  if (SongPos.compare(b, a) <= 0) throw new ModelError("loop_range: the end must lie after the start");
  t._play.change(() => {
    const old = t._loop;
    t._loop = [a, b];
    t._context()?.changed(t._member("loop_range"), old ?? [], [a, b]);
  });
}
