import { checkIndex, defineModel, layoutEpoch, ModelError, ModelObject } from "../document/model.js";
import type { Observable } from "../document/observable.js";
import { InstrumentMacro } from "./instrument-macro.js";
import {
  InstrumentMidiInputProperties,
  InstrumentMidiOutputProperties,
  InstrumentPluginProperties,
  InstrumentTriggerOptions,
  noteRange,
} from "./instrument-properties.js";
import { InstrumentPhrase, KEY_TRACKING } from "./phrase.js";
import { LAYER, Sample } from "./sample.js";
import { SampleDeviceChain } from "./sample-device-chain.js";
import { SampleModulationSet } from "./sample-modulation.js";

/** `renoise.Instrument.*` constants. */
export const INSTRUMENT_CONSTANTS = {
  NUMBER_OF_MACROS: 8,
  MAX_NUMBER_OF_PHRASES: 126,
  TAB_SAMPLES: 1,
  TAB_PLUGIN: 2,
  TAB_EXT_MIDI: 3,
  PHRASES_OFF: 1,
  PHRASES_PLAY_SELECTIVE: 2,
  PHRASES_PLAY_KEYMAP: 3,
  LAYER_NOTE_DISABLED: LAYER.NOTE_DISABLED,
  LAYER_NOTE_ON: LAYER.NOTE_ON,
  LAYER_NOTE_OFF: LAYER.NOTE_OFF,
  OVERLAP_MODE_ALL: 0,
  OVERLAP_MODE_CYCLED: 1,
  OVERLAP_MODE_RANDOM: 2,
} as const;

/** Renoise's maximum instrument volume: +6 dB as a linear gain. */
export const MAX_INSTRUMENT_VOLUME = Math.pow(10, 6 / 20);

/** `renoise.InstrumentPhraseMapping`: which notes of the keyboard play a phrase. */
export class InstrumentPhraseMapping extends ModelObject {
  declare note_range: number[];

  constructor(
    readonly phrase: InstrumentPhrase,
    range: [number, number],
  ) {
    super();
    Object.assign(this._v, {
      note_range: range,
      key_tracking: KEY_TRACKING.TRANSPOSE,
      base_note: 48,
      looping: false,
      loop_start: 1,
      loop_end: phrase.number_of_lines + 1,
    });
  }

  override _path(): string {
    const inst = this._owner as Instrument | undefined;
    const i = inst?._phraseMappings.indexOf(this) ?? -1;
    return i >= 0 ? `${inst!._path()}.phrase_mappings[${i + 1}]` : "phrase_mapping";
  }
}

defineModel(InstrumentPhraseMapping, {
  typeName: "InstrumentPhraseMapping",
  props: {
    phrase: { type: "object", readonly: true, get: (m) => m.phrase },
    key_tracking: { type: "integer", min: 1, max: 3, observable: true },
    base_note: { type: "integer", min: 0, max: 119, observable: true },
    note_range: {
      type: "table",
      observable: true,
      get: (m) => [...(m._v.note_range as number[])],
      // Phrase mappings may not overlap each other.
      set: (m, v: unknown) => {
        const r = noteRange(v, "InstrumentPhraseMapping.note_range");
        const inst = m._owner as Instrument | undefined;
        const clash = inst?._phraseMappings.find((o) => o !== m && o.note_range[0]! <= r[1] && r[0] <= o.note_range[1]!);
        if (clash) {
          throw new ModelError(
            `InstrumentPhraseMapping.note_range: {${r[0]}, ${r[1]}} overlaps another phrase mapping ({${clash.note_range[0]}, ${clash.note_range[1]}})`,
          );
        }
        m.store("note_range", r);
      },
    },
    looping: { type: "boolean", observable: true },
    loop_start: { type: "integer", min: 1, observable: true },
    loop_end: { type: "integer", min: 1, observable: true },
  },
});

/**
 * `renoise.Instrument`: name, volume, transpose, macros, phrases with their
 * keyboard mappings, samples (with slices and mappings), modulation sets and
 * effect chains. Plugins are not modelled (none is available).
 */
export class Instrument extends ModelObject {
  readonly macros: InstrumentMacro[];
  readonly pitchbend_macro: InstrumentMacro;
  readonly modulation_wheel_macro: InstrumentMacro;
  readonly channel_pressure_macro: InstrumentMacro;
  readonly trigger_options = new InstrumentTriggerOptions();
  readonly midi_input_properties = new InstrumentMidiInputProperties();
  readonly midi_output_properties = new InstrumentMidiOutputProperties();
  readonly plugin_properties = new InstrumentPluginProperties();
  /** @internal */ _phrases: InstrumentPhrase[] = [];
  /** @internal */ _phraseMappings: InstrumentPhraseMapping[] = [];
  /** @internal */ _samples: Sample[] = [];
  /** @internal */ _modulationSets: SampleModulationSet[] = [];
  /** @internal */ _deviceChains: SampleDeviceChain[] = [];

  declare name: string;
  declare comments: string[];
  declare volume: number;
  declare transpose: number;
  declare phrase_editor_visible: boolean;
  declare phrase_playback_mode: number;
  declare readonly name_observable: Observable;
  declare readonly volume_observable: Observable;
  declare readonly transpose_observable: Observable;
  declare readonly comments_observable: Observable;

  constructor(name = "") {
    super();
    this.macros = Array.from({ length: 8 }, (_, i) => this.own(new InstrumentMacro(`Macro ${i + 1}`, `macros[${i + 1}]`)));
    this.pitchbend_macro = this.own(new InstrumentMacro("Pitchbend", "pitchbend_macro"));
    this.modulation_wheel_macro = this.own(new InstrumentMacro("Mod Wheel", "modulation_wheel_macro", 0));
    this.channel_pressure_macro = this.own(new InstrumentMacro("Aftertouch", "channel_pressure_macro", 0));
    for (const p of [this.trigger_options, this.midi_input_properties, this.midi_output_properties, this.plugin_properties]) {
      p._owner = this;
    }
    this.resetValues(name);
    this._modulationSets.push(this.own(new SampleModulationSet()));
  }

  private own<T extends ModelObject>(o: T): T {
    o._owner = this;
    return o;
  }

  private resetValues(name: string): void {
    Object.assign(this._v, {
      name,
      comments: [],
      show_comments_after_loading: false,
      macros_visible: false,
      volume: 1,
      transpose: 0,
      active_tab: INSTRUMENT_CONSTANTS.TAB_SAMPLES,
      sample_mapping_overlap_mode: INSTRUMENT_CONSTANTS.OVERLAP_MODE_ALL,
      phrase_editor_visible: false,
      phrase_playback_mode: INSTRUMENT_CONSTANTS.PHRASES_OFF,
      phrase_program: 0,
    });
  }

  /** @internal "instruments[i]". */
  override _path(): string {
    const song = this._owner as { instruments?: readonly Instrument[] } | undefined;
    const i = song?.instruments?.indexOf(this) ?? -1;
    return i >= 0 ? `instruments[${i + 1}]` : "instrument";
  }

  declare readonly phrases: InstrumentPhrase[];
  declare readonly phrase_mappings: InstrumentPhraseMapping[];
  declare readonly samples: Sample[];
  declare readonly sample_modulation_sets: SampleModulationSet[];
  declare readonly sample_device_chains: SampleDeviceChain[];
  /** `[LAYER_NOTE_ON]` and `[LAYER_NOTE_OFF]` (1 and 2): the mappings of each layer. */
  declare readonly sample_mappings: unknown[][];

  /** @internal sample mappings per layer: `[LAYER_NOTE_ON] = {...}, [LAYER_NOTE_OFF] = {...}`. */
  _sampleMappings(): unknown[][] {
    const on = this._samples.filter((s) => s.sample_mapping.layer === LAYER.NOTE_ON).map((s) => s.sample_mapping);
    const off = this._samples.filter((s) => s.sample_mapping.layer === LAYER.NOTE_OFF).map((s) => s.sample_mapping);
    return [on, off];
  }

  /** Resets everything but the name... Renoise resets the name too: a new, empty instrument. */
  clear(): void {
    this.resetValues("");
    this._phrases = [];
    this._phraseMappings = [];
    this._samples = [];
    this._modulationSets = [];
    this._deviceChains = [];
    this._called("clear", []);
    this._layoutChanged("samples");
  }

  /** Copies name, properties, phrases and samples of another instrument. */
  copy_from(other: Instrument): void {
    if (other === this) return;
    this._v = { ...other._v, comments: [...(other._v.comments as string[])] };
    this.macros.forEach((m, i) => Object.assign(m._v, other.macros[i]!._v));
    this._phrases = other._phrases.map((p) => {
      const c = this.own(new InstrumentPhrase());
      c.copy_from(p);
      c._v.name = p._v.name;
      return c;
    });
    this._phraseMappings = [];
    this._samples = other._samples.map((s) => {
      const c = this.own(new Sample());
      c.copy_from(s);
      return c;
    });
    layoutEpoch.n++; // the samples list Lua keeps changed (copy_from notifies no list, as before)
    this._modulationSets = other._modulationSets.map((s) => {
      const c = this.own(new SampleModulationSet());
      c.copy_from(s);
      return c;
    });
    this._called("copy_from", [other]);
  }

  macro(index: number): InstrumentMacro {
    return this.macros[checkIndex("Instrument:macro", index, 8) - 1]!;
  }

  // --- phrases ------------------------------------------------------------------

  insert_phrase_at(index: number): InstrumentPhrase {
    const i = checkIndex("Instrument:insert_phrase_at", index, this._phrases.length + 1);
    if (this._phrases.length >= INSTRUMENT_CONSTANTS.MAX_NUMBER_OF_PHRASES) {
      throw new ModelError(`Instrument:insert_phrase_at: an instrument has at most ${INSTRUMENT_CONSTANTS.MAX_NUMBER_OF_PHRASES} phrases`);
    }
    const p = this.own(new InstrumentPhrase());
    this._phrases.splice(i - 1, 0, p);
    this._called("insert_phrase_at", [index]);
    this._notify("phrases");
    return p;
  }

  delete_phrase_at(index: number): void {
    const i = checkIndex("Instrument:delete_phrase_at", index, this._phrases.length);
    const [p] = this._phrases.splice(i - 1, 1);
    this._phraseMappings = this._phraseMappings.filter((m) => m.phrase !== p);
    this._called("delete_phrase_at", [index]);
    this._notify("phrases");
  }

  phrase(index: number): InstrumentPhrase {
    return this._phrases[checkIndex("Instrument:phrase", index, this._phrases.length) - 1]!;
  }

  /** @internal the mapping of a phrase, if any. */
  _mappingOf(p: InstrumentPhrase): InstrumentPhraseMapping | undefined {
    return this._phraseMappings.find((m) => m.phrase === p);
  }

  /** The free notes between the mappings before and after a new mapping at `index`. */
  private freeRange(index: number): [number, number] | undefined {
    const before = this._phraseMappings[index - 2];
    const after = this._phraseMappings[index - 1];
    const lo = before ? before.note_range[1]! + 1 : 0;
    const hi = after ? after.note_range[0]! - 1 : 119;
    return lo <= hi ? [lo, hi] : undefined;
  }

  can_insert_phrase_mapping_at(index: number): boolean {
    if (typeof index !== "number" || index < 1 || index > this._phraseMappings.length + 1) return false;
    return this.freeRange(index) !== undefined;
  }

  /** Maps a phrase to the free keys between its neighbours; raises when there are none. */
  insert_phrase_mapping_at(index: number, phrase: InstrumentPhrase): InstrumentPhraseMapping {
    const i = checkIndex("Instrument:insert_phrase_mapping_at", index, this._phraseMappings.length + 1);
    if (!(phrase instanceof InstrumentPhrase) || !this._phrases.includes(phrase)) {
      throw new ModelError("Instrument:insert_phrase_mapping_at: expected one of this instrument's phrases");
    }
    if (this._mappingOf(phrase)) throw new ModelError("Instrument:insert_phrase_mapping_at: this phrase already has a mapping");
    const range = this.freeRange(i);
    if (!range) {
      throw new ModelError("Instrument:insert_phrase_mapping_at: no free keys at this index; shrink a neighbour's note_range first");
    }
    const m = this.own(new InstrumentPhraseMapping(phrase, range));
    this._phraseMappings.splice(i - 1, 0, m);
    this._called("insert_phrase_mapping_at", [index, phrase]);
    this._notify("phrase_mappings");
    return m;
  }

  delete_phrase_mapping_at(index: number): void {
    const i = checkIndex("Instrument:delete_phrase_mapping_at", index, this._phraseMappings.length);
    this._phraseMappings.splice(i - 1, 1);
    this._called("delete_phrase_mapping_at", [index]);
    this._notify("phrase_mappings");
  }

  phrase_mapping(index: number): InstrumentPhraseMapping {
    return this._phraseMappings[checkIndex("Instrument:phrase_mapping", index, this._phraseMappings.length) - 1]!;
  }

  // --- samples ------------------------------------------------------------------

  private notSliced(what: string): void {
    if (this._samples[0]?._markers.length) {
      throw new ModelError(`Instrument:${what}: the instrument's first sample is sliced; remove its slice markers first`);
    }
  }

  insert_sample_at(index: number): Sample {
    this.notSliced("insert_sample_at");
    const i = checkIndex("Instrument:insert_sample_at", index, this._samples.length + 1);
    const s = this.own(new Sample());
    if (this._modulationSets.length > 0) s._v.modulation_set_index = 1;
    this._samples.splice(i - 1, 0, s);
    this._called("insert_sample_at", [index]);
    this._layoutChanged("samples");
    return s;
  }

  delete_sample_at(index: number): void {
    this.notSliced("delete_sample_at");
    const i = checkIndex("Instrument:delete_sample_at", index, this._samples.length);
    this._samples.splice(i - 1, 1);
    this._called("delete_sample_at", [index]);
    this._layoutChanged("samples");
  }

  swap_samples_at(a: number, b: number): void {
    const i = checkIndex("Instrument:swap_samples_at", a, this._samples.length);
    const j = checkIndex("Instrument:swap_samples_at", b, this._samples.length);
    [this._samples[i - 1], this._samples[j - 1]] = [this._samples[j - 1]!, this._samples[i - 1]!];
    this._called("swap_samples_at", [a, b]);
    this._layoutChanged("samples");
  }

  sample(index: number): Sample {
    return this._samples[checkIndex("Instrument:sample", index, this._samples.length) - 1]!;
  }

  sample_mapping(layer: number, index: number): unknown {
    const list = layer === LAYER.NOTE_ON || layer === LAYER.NOTE_OFF ? this._sampleMappings()[layer - 1] : undefined;
    if (!list) throw new ModelError(`Instrument:sample_mapping: layer ${String(layer)} is not LAYER_NOTE_ON or LAYER_NOTE_OFF`);
    return list[checkIndex("Instrument:sample_mapping", index, list.length) - 1];
  }

  /** @internal */
  _isFirstSample(s: Sample): boolean {
    return this._samples[0] === s;
  }

  /** @internal rebuilds the slice aliases after the first sample's markers changed. */
  _slicesChanged(master: Sample): void {
    const aliases = master._markers.map((_, k) => {
      const a = this.own(new Sample());
      a._sliceOf = master;
      a._v.name = `${String(master._v.name)} Slice ${String(k + 1).padStart(2, "0")}`.trim();
      a.sample_buffer._readOnly = true;
      return a;
    });
    this._samples = [master, ...aliases];
    this._layoutChanged("samples");
  }

  /** @internal */
  _layerChanged(): void {
    this._notify("sample_mappings");
  }

  // --- modulation sets and device chains -------------------------------------------

  insert_sample_modulation_set_at(index: number): SampleModulationSet {
    const i = checkIndex("Instrument:insert_sample_modulation_set_at", index, this._modulationSets.length + 1);
    const s = this.own(new SampleModulationSet());
    this._modulationSets.splice(i - 1, 0, s);
    this._notify("sample_modulation_sets");
    return s;
  }
  delete_sample_modulation_set_at(index: number): void {
    const i = checkIndex("Instrument:delete_sample_modulation_set_at", index, this._modulationSets.length);
    this._modulationSets.splice(i - 1, 1);
    this._notify("sample_modulation_sets");
  }
  swap_sample_modulation_sets_at(a: number, b: number): void {
    const i = checkIndex("Instrument:swap_sample_modulation_sets_at", a, this._modulationSets.length);
    const j = checkIndex("Instrument:swap_sample_modulation_sets_at", b, this._modulationSets.length);
    [this._modulationSets[i - 1], this._modulationSets[j - 1]] = [this._modulationSets[j - 1]!, this._modulationSets[i - 1]!];
    this._notify("sample_modulation_sets");
  }
  sample_modulation_set(index: number): SampleModulationSet {
    return this._modulationSets[checkIndex("Instrument:sample_modulation_set", index, this._modulationSets.length) - 1]!;
  }

  insert_sample_device_chain_at(index: number): SampleDeviceChain {
    const i = checkIndex("Instrument:insert_sample_device_chain_at", index, this._deviceChains.length + 1);
    const c = this.own(new SampleDeviceChain());
    this._deviceChains.splice(i - 1, 0, c);
    this._notify("sample_device_chains");
    return c;
  }
  delete_sample_device_chain_at(index: number): void {
    const i = checkIndex("Instrument:delete_sample_device_chain_at", index, this._deviceChains.length);
    this._deviceChains.splice(i - 1, 1);
    this._notify("sample_device_chains");
  }
  swap_sample_device_chains_at(a: number, b: number): void {
    const i = checkIndex("Instrument:swap_sample_device_chains_at", a, this._deviceChains.length);
    const j = checkIndex("Instrument:swap_sample_device_chains_at", b, this._deviceChains.length);
    [this._deviceChains[i - 1], this._deviceChains[j - 1]] = [this._deviceChains[j - 1]!, this._deviceChains[i - 1]!];
    this._notify("sample_device_chains");
  }
  sample_device_chain(index: number): SampleDeviceChain {
    return this._deviceChains[checkIndex("Instrument:sample_device_chain", index, this._deviceChains.length) - 1]!;
  }
}

const obs = <T extends object>(p: T) => ({ ...p, observable: true });
const C = INSTRUMENT_CONSTANTS;

defineModel(Instrument, {
  typeName: "Instrument",
  props: {
    name: obs({ type: "string" }),
    comments: {
      type: "table",
      observable: true,
      get: (i) => [...(i._v.comments as string[])],
      check: (_i, v: unknown[]) => (v.every((x) => typeof x === "string") ? undefined : "Instrument.comments: a table of strings is expected"),
      // Like an observable list: one notice per line removed, then per line inserted.
      set: (i, v: string[]) => {
        const old = i._v.comments as string[];
        if (old.length === v.length && old.every((x, k) => x === v[k])) return;
        i.store("comments", [...v], false);
        for (let k = old.length; k >= 1; k--) i._notify("comments", { type: "remove", index: k });
        for (let k = 1; k <= v.length; k++) i._notify("comments", { type: "insert", index: k });
        i._notify("comments_assignment");
      },
    },
    show_comments_after_loading: obs({ type: "boolean" }),
    macros_visible: obs({ type: "boolean" }),
    macros: { type: "table", readonly: true, get: (i) => i.macros },
    pitchbend_macro: { type: "object", readonly: true, get: (i) => i.pitchbend_macro },
    modulation_wheel_macro: { type: "object", readonly: true, get: (i) => i.modulation_wheel_macro },
    channel_pressure_macro: { type: "object", readonly: true, get: (i) => i.channel_pressure_macro },
    volume: obs({ type: "number", min: 0, max: MAX_INSTRUMENT_VOLUME }),
    transpose: obs({ type: "integer", min: -120, max: 120 }),
    trigger_options: { type: "object", readonly: true, get: (i) => i.trigger_options },
    active_tab: obs({ type: "integer", min: C.TAB_SAMPLES, max: C.TAB_EXT_MIDI }),
    sample_mapping_overlap_mode: obs({ type: "integer", min: 0, max: 2 }),
    phrase_editor_visible: obs({ type: "boolean" }),
    phrase_playback_mode: obs({ type: "integer", min: C.PHRASES_OFF, max: C.PHRASES_PLAY_KEYMAP }),
    phrase_program: obs({ type: "integer", min: 0, max: 127 }),
    phrases: { type: "table", readonly: true, get: (i) => [...i._phrases] },
    phrase_mappings: { type: "table", readonly: true, get: (i) => [...i._phraseMappings] },
    // Kept by Lua until a layout change: every write of _samples above moves layoutEpoch (_layoutChanged).
    samples: { type: "table", readonly: true, luaKeep: "layout", luaItem: "sample", get: (i) => [...i._samples] },
    sample_mappings: { type: "table", readonly: true, get: (i) => i._sampleMappings() },
    sample_modulation_sets: { type: "table", readonly: true, get: (i) => [...i._modulationSets] },
    sample_device_chains: { type: "table", readonly: true, get: (i) => [...i._deviceChains] },
    midi_input_properties: { type: "object", readonly: true, get: (i) => i.midi_input_properties },
    midi_output_properties: { type: "object", readonly: true, get: (i) => i.midi_output_properties },
    plugin_properties: { type: "object", readonly: true, get: (i) => i.plugin_properties },
  },
  observables: [
    "comments_assignment_observable",
    "phrases_observable",
    "phrase_mappings_observable",
    "samples_observable",
    "sample_mappings_observable",
    "sample_modulation_sets_observable",
    "sample_device_chains_observable",
  ],
  methods: [
    "clear", "copy_from", "macro",
    "insert_phrase_at", "delete_phrase_at", "phrase",
    "can_insert_phrase_mapping_at", "insert_phrase_mapping_at", "delete_phrase_mapping_at", "phrase_mapping",
    "insert_sample_at", "delete_sample_at", "swap_samples_at", "sample", "sample_mapping",
    "insert_sample_modulation_set_at", "delete_sample_modulation_set_at", "swap_sample_modulation_sets_at", "sample_modulation_set",
    "insert_sample_device_chain_at", "delete_sample_device_chain_at", "swap_sample_device_chains_at", "sample_device_chain",
  ],
});
