import { checkIndex, defineModel, ModelError, ModelObject } from "../document/model.js";
import { Observable } from "../document/observable.js";
import { ObservableList } from "../document/observable-list.js";
import type { Song } from "./song.js";

/** renoise.Pattern.MAX_NUMBER_OF_PATTERNS... Renoise's limit of patterns in a song. */
export const MAX_PATTERNS = 1000;

/** One sequence slot: its pattern, section flags, per-track mutes and selection. @internal */
interface Slot {
  pattern: number;
  sectionStart: boolean;
  sectionName: string;
  muted: Set<number>;
  selected: Set<number>;
  startObservable?: Observable;
  nameObservable?: Observable;
}

/** renoise.PatternSequencer: the song's play order of patterns, sections and slot mutes. */
export class PatternSequencer extends ModelObject {
  /** @internal */
  _slots: Slot[] = [];
  /** @internal notifies insert/remove of slots */
  readonly _list = new ObservableList<number>();
  declare pattern_sequence: number[];
  declare keep_sequence_sorted: boolean;
  declare selection_range: number[];
  declare readonly pattern_sequence_observable: ObservableList<number>;
  declare readonly keep_sequence_sorted_observable: Observable;
  declare readonly selection_range_observable: Observable;
  declare readonly pattern_assignments_observable: Observable;
  declare readonly pattern_slot_mutes_observable: Observable;

  constructor(song: Song) {
    super();
    this._owner = song;
    this._v.keep_sequence_sorted = false;
    this._v.selection_range = [0, 0];
    this._slots.push(newSlot(1));
    this._list.items.push(1);
  }

  override _path(): string {
    return "sequencer";
  }

  /** @internal */
  get _song(): Song {
    return this._owner as Song;
  }

  private checkPattern(call: string, p: unknown): number {
    if (typeof p !== "number" || !Number.isInteger(p) || p < 1 || p > MAX_PATTERNS) {
      throw new ModelError(`${call}: pattern index ${String(p)} is out of range (1 - ${MAX_PATTERNS})`);
    }
    this._song._ensurePatterns(p);
    return p;
  }

  private slot(call: string, i: unknown): Slot {
    return this._slots[checkIndex(call, i, this._slots.length) - 1]!;
  }

  private changed(call: string, args: unknown[], fn: () => void): void {
    this._song.transport._play.change(fn);
    this._called(call, args);
  }

  /** Inserts a slot playing `pattern_index` at `sequence_index` (1 - #sequence + 1). */
  insert_sequence_at(sequence_index: number, pattern_index: number): void {
    checkIndex("insert_sequence_at", sequence_index, this._slots.length + 1);
    this.checkPattern("insert_sequence_at", pattern_index);
    this.changed("insert_sequence_at", [sequence_index, pattern_index], () => {
      this._slots.splice(sequence_index - 1, 0, newSlot(pattern_index));
      this._list.insertAt(sequence_index, pattern_index);
    });
    this._notify("pattern_assignments");
  }

  /** Inserts a slot with a new empty pattern; returns the new pattern's index. */
  insert_new_pattern_at(sequence_index: number): number {
    checkIndex("insert_new_pattern_at", sequence_index, this._slots.length + 1);
    const p = this._song._appendPattern();
    this.insert_sequence_at(sequence_index, p);
    return p;
  }

  /** Deletes a slot (the last remaining slot cannot be deleted). */
  delete_sequence_at(sequence_index: number): void {
    checkIndex("delete_sequence_at", sequence_index, this._slots.length);
    if (this._slots.length === 1) throw new ModelError("delete_sequence_at: the sequence needs at least one slot");
    this.changed("delete_sequence_at", [sequence_index], () => {
      this._slots.splice(sequence_index - 1, 1);
      this._list.removeAt(sequence_index);
    });
    const song = this._song;
    if (song.selected_sequence_index > this._slots.length) song.selected_sequence_index = this._slots.length;
    this._notify("pattern_assignments");
  }

  /** The pattern index at a slot. */
  pattern(sequence_index: number): number {
    return this.slot("pattern", sequence_index).pattern;
  }

  /** Inserts a copy of the slots from..to right after `to`. */
  clone_range(from_sequence_index: number, to_sequence_index: number): void {
    this.range("clone_range", from_sequence_index, to_sequence_index);
    this.changed("clone_range", [from_sequence_index, to_sequence_index], () => {
      const copies = this._slots.slice(from_sequence_index - 1, to_sequence_index).map((s) => ({
        ...newSlot(s.pattern),
        sectionStart: s.sectionStart,
        sectionName: s.sectionName,
        muted: new Set(s.muted),
      }));
      for (let k = 0; k < copies.length; k++) {
        this._slots.splice(to_sequence_index + k, 0, copies[k]!);
        this._list.insertAt(to_sequence_index + k + 1, copies[k]!.pattern);
      }
    });
    this._notify("pattern_assignments");
  }

  /** Gives each slot in from..to a pattern of its own (copies of patterns used more than once). */
  make_range_unique(from_sequence_index: number, to_sequence_index: number): void {
    this.range("make_range_unique", from_sequence_index, to_sequence_index);
    this.changed("make_range_unique", [from_sequence_index, to_sequence_index], () => {
      const seen = new Set<number>();
      for (let i = 0; i < this._slots.length; i++) {
        const s = this._slots[i]!;
        const inRange = i + 1 >= from_sequence_index && i + 1 <= to_sequence_index;
        if (inRange && seen.has(s.pattern)) {
          s.pattern = this._song._clonePattern(s.pattern);
          this._list.items[i] = s.pattern;
        }
        seen.add(s.pattern);
      }
    });
    this._notify("pattern_assignments");
  }

  /** Renumbers the patterns so that the sequence reads 1, 2, 3... in play order (unused patterns follow). */
  sort(): void {
    this.changed("sort", [], () => {
      const order: number[] = [];
      for (const s of this._slots) if (!order.includes(s.pattern)) order.push(s.pattern);
      const count = this._song.patterns.length;
      for (let p = 1; p <= count; p++) if (!order.includes(p)) order.push(p);
      const renumber = new Map(order.map((old, i) => [old, i + 1]));
      this._song._reorderPatterns(order);
      this._slots.forEach((s, i) => {
        s.pattern = renumber.get(s.pattern)!;
        this._list.items[i] = s.pattern;
      });
    });
    this._notify("pattern_assignments");
  }

  private range(call: string, from: unknown, to: unknown): void {
    checkIndex(call, from, this._slots.length);
    checkIndex(call, to, this._slots.length);
    if ((to as number) < (from as number)) throw new ModelError(`${call}: the range ${String(from)} - ${String(to)} is reversed`);
  }

  // ---------------------------------------------------------------- sections

  /** True if a slot starts a section (slot 1 does whenever the song has sections). */
  sequence_is_start_of_section(sequence_index: number): boolean {
    const s = this.slot("sequence_is_start_of_section", sequence_index);
    return s.sectionStart || (sequence_index === 1 && this.hasSections());
  }

  set_sequence_is_start_of_section(sequence_index: number, is_section: boolean): void {
    const s = this.slot("set_sequence_is_start_of_section", sequence_index);
    if (typeof is_section !== "boolean") throw new ModelError("set_sequence_is_start_of_section: a boolean is expected");
    if (s.sectionStart === is_section) return;
    this._called("set_sequence_is_start_of_section", [sequence_index, is_section]);
    s.sectionStart = is_section;
    s.startObservable?.notify();
    this._notify("sequence_sections_changed");
  }

  sequence_is_start_of_section_observable(sequence_index: number): Observable {
    const s = this.slot("sequence_is_start_of_section_observable", sequence_index);
    return (s.startObservable ??= this.fresh());
  }

  /** A section's name ("Untitled Section" until named). */
  sequence_section_name(sequence_index: number): string {
    return this.slot("sequence_section_name", sequence_index).sectionName;
  }

  set_sequence_section_name(sequence_index: number, name: string): void {
    const s = this.slot("set_sequence_section_name", sequence_index);
    if (typeof name !== "string") throw new ModelError("set_sequence_section_name: a string is expected");
    if (s.sectionName === name) return;
    this._called("set_sequence_section_name", [sequence_index, name]);
    s.sectionName = name;
    s.nameObservable?.notify();
  }

  sequence_section_name_observable(sequence_index: number): Observable {
    const s = this.slot("sequence_section_name_observable", sequence_index);
    return (s.nameObservable ??= this.fresh());
  }

  private fresh(): Observable {
    const o = new Observable();
    const d = this._context()?.dispatch;
    if (d) o.dispatch = d;
    return o;
  }

  private hasSections(): boolean {
    return this._slots.some((s) => s.sectionStart);
  }

  /** True if a slot belongs to a section (every slot does once the song has sections). */
  sequence_is_part_of_section(sequence_index: number): boolean {
    this.slot("sequence_is_part_of_section", sequence_index);
    return this.hasSections();
  }

  /** True if a slot is the last of its section. */
  sequence_is_end_of_section(sequence_index: number): boolean {
    this.slot("sequence_is_end_of_section", sequence_index);
    if (!this.hasSections()) return false;
    return sequence_index === this._slots.length || this._slots[sequence_index]!.sectionStart;
  }

  sequence_sections_changed_observable(): Observable {
    return this._observable("sequence_sections_changed");
  }

  // ---------------------------------------------------------------- slots

  track_sequence_slot_is_muted(track_index: number, sequence_index: number): boolean {
    checkIndex("track_sequence_slot_is_muted", track_index, this._song.tracks.length);
    return this.slot("track_sequence_slot_is_muted", sequence_index).muted.has(track_index);
  }

  set_track_sequence_slot_is_muted(track_index: number, sequence_index: number, muted: boolean): void {
    checkIndex("set_track_sequence_slot_is_muted", track_index, this._song.tracks.length);
    const s = this.slot("set_track_sequence_slot_is_muted", sequence_index);
    if (typeof muted !== "boolean") throw new ModelError("set_track_sequence_slot_is_muted: a boolean is expected");
    if (s.muted.has(track_index) === muted) return;
    this._called("set_track_sequence_slot_is_muted", [track_index, sequence_index, muted]);
    if (muted) s.muted.add(track_index);
    else s.muted.delete(track_index);
    this._notify("pattern_slot_mutes");
  }

  track_sequence_slot_is_selected(track_index: number, sequence_index: number): boolean {
    checkIndex("track_sequence_slot_is_selected", track_index, this._song.tracks.length);
    return this.slot("track_sequence_slot_is_selected", sequence_index).selected.has(track_index);
  }

  set_track_sequence_slot_is_selected(track_index: number, sequence_index: number, selected: boolean): void {
    checkIndex("set_track_sequence_slot_is_selected", track_index, this._song.tracks.length);
    const s = this.slot("set_track_sequence_slot_is_selected", sequence_index);
    if (typeof selected !== "boolean") throw new ModelError("set_track_sequence_slot_is_selected: a boolean is expected");
    if (selected) s.selected.add(track_index);
    else s.selected.delete(track_index);
  }

  /** @internal sets the whole sequence (checked). */
  _setSequence(seq: unknown[]): void {
    if (seq.length === 0) throw new ModelError("pattern_sequence: the sequence needs at least one slot");
    for (const p of seq) this.checkPattern("pattern_sequence", p);
    this._song.transport._play.change(() => {
      const old = this._slots.map((s) => s.pattern);
      while (this._slots.length) {
        this._slots.pop();
        this._list.removeAt(this._list.items.length);
      }
      for (const p of seq as number[]) {
        this._slots.push(newSlot(p));
        this._list.insertAt(this._slots.length, p);
      }
      this._context()?.changed(this._member("pattern_sequence"), old, [...(seq as number[])]);
    });
    const song = this._song;
    if (song.selected_sequence_index > this._slots.length) song.selected_sequence_index = this._slots.length;
    this._notify("pattern_assignments");
  }
}

function newSlot(pattern: number): Slot {
  return { pattern, sectionStart: false, sectionName: "Untitled Section", muted: new Set(), selected: new Set() };
}

defineModel(PatternSequencer, {
  typeName: "PatternSequencer",
  props: {
    pattern_sequence: {
      type: "table",
      get: (s) => s._slots.map((x) => x.pattern),
      set: (s, v: unknown[]) => s._setSequence(v),
    },
    pattern_sequence_observable: { type: "object", readonly: true, get: (s) => s._list },
    keep_sequence_sorted: { type: "boolean", observable: true },
    selection_range: {
      type: "table",
      observable: true,
      set: (s, v: unknown[]) => {
        let r: number[];
        if (v.length === 0) r = [0, 0];
        else if (v.length === 2) {
          checkIndex("selection_range", v[0], s._slots.length);
          checkIndex("selection_range", v[1], s._slots.length);
          r = [v[0] as number, v[1] as number];
        } else throw new ModelError("selection_range: {} or {first, last} is expected");
        const old = s._v.selection_range as number[];
        if (old[0] === r[0] && old[1] === r[1]) return;
        s.store("selection_range", r);
      },
    },
  },
  observables: ["pattern_assignments_observable", "pattern_slot_mutes_observable"],
  methods: [
    "insert_sequence_at",
    "insert_new_pattern_at",
    "delete_sequence_at",
    "pattern",
    "clone_range",
    "make_range_unique",
    "sort",
    "sequence_is_start_of_section",
    "set_sequence_is_start_of_section",
    "sequence_is_start_of_section_observable",
    "sequence_section_name",
    "set_sequence_section_name",
    "sequence_section_name_observable",
    "sequence_is_part_of_section",
    "sequence_is_end_of_section",
    "sequence_sections_changed_observable",
    "track_sequence_slot_is_muted",
    "set_track_sequence_slot_is_muted",
    "track_sequence_slot_is_selected",
    "set_track_sequence_slot_is_selected",
  ],
});
