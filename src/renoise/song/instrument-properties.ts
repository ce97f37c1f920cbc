/**
 * The smaller parts of an instrument: MIDI input and output properties,
 * plugin properties and trigger options. Plugins are not modelled: no
 * plugin is available and loading one fails (returns false).
 */
import { defineModel, ModelError, ModelObject } from "../document/model.js";

/** The song an object belongs to (for ranges that depend on it). */
function sequencerTrackCount(o: ModelObject): number {
  let x: ModelObject | undefined = o;
  while (x && !("sequencer_track_count" in x)) x = x._owner;
  return (x as { sequencer_track_count?: number } | undefined)?.sequencer_track_count ?? 1;
}

/** A child object's path: the owner's path plus its name. */
abstract class InstrumentPart extends ModelObject {
  constructor(private readonly slot: string) {
    super();
  }
  override _path(): string {
    const p = this._owner?._path() ?? "";
    return p ? `${p}.${this.slot}` : this.slot;
  }
}

/** Checks a {low, high} note range (0-119); returns it sorted. */
export function noteRange(v: unknown, what: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2 || !v.every((n) => typeof n === "number" && Number.isInteger(n))) {
    throw new ModelError(`${what}: expected a table of two notes {low, high}`);
  }
  const [a, b] = v as number[];
  if (a! < 0 || a! > 119 || b! < 0 || b! > 119) throw new ModelError(`${what}: notes must be in 0 - 119, got {${a}, ${b}}`);
  return a! <= b! ? [a!, b!] : [b!, a!];
}

/** `renoise.InstrumentMidiInputProperties`. */
export class InstrumentMidiInputProperties extends InstrumentPart {
  declare device_name: string;
  declare channel: number;
  declare note_range: number[];
  declare assigned_track: number;

  constructor() {
    super("midi_input_properties");
    Object.assign(this._v, { device_name: "", channel: 0, note_range: [0, 119], assigned_track: 0 });
  }
}

defineModel(InstrumentMidiInputProperties, {
  typeName: "InstrumentMidiInputProperties",
  props: {
    device_name: { type: "string", observable: true },
    channel: { type: "integer", min: 0, max: 16, observable: true },
    note_range: {
      type: "table",
      observable: true,
      get: (p) => [...(p._v.note_range as number[])],
      // The observable fires once per changed end of the range.
      set: (p, v: unknown) => {
        const next = noteRange(v, "InstrumentMidiInputProperties.note_range");
        const old = p._v.note_range as number[];
        const changed = next.filter((n, i) => n !== old[i]).length;
        if (changed === 0) return;
        p.store("note_range", next, false);
        for (let i = 0; i < changed; i++) p._notify("note_range");
      },
    },
    assigned_track: {
      type: "integer",
      observable: true,
      range: (p) => [0, sequencerTrackCount(p)],
    },
  },
});

/** `renoise.InstrumentMidiOutputProperties.TYPE_*`. */
export const MIDI_OUTPUT_TYPE = { EXTERNAL: 1, LINE_IN_RET: 2, INTERNAL: 3 } as const;

/** `renoise.InstrumentMidiOutputProperties`. */
export class InstrumentMidiOutputProperties extends InstrumentPart {
  constructor() {
    super("midi_output_properties");
    Object.assign(this._v, {
      instrument_type: 1,
      device_name: "",
      channel: 1,
      transpose: 0,
      program: 0,
      bank: 0,
      delay: 0,
      duration: 8000,
    });
  }
}

defineModel(InstrumentMidiOutputProperties, {
  typeName: "InstrumentMidiOutputProperties",
  props: {
    instrument_type: { type: "integer", min: 1, max: 3, observable: true },
    device_name: { type: "string", observable: true },
    channel: { type: "integer", min: 1, max: 16, observable: true },
    transpose: { type: "integer", min: -120, max: 120, observable: true },
    program: { type: "integer", min: 0, max: 128, observable: true },
    bank: { type: "integer", min: 0, max: 65536, observable: true },
    delay: { type: "integer", min: 0, max: 100, observable: true },
    duration: { type: "integer", min: 1, max: 8000, observable: true },
  },
});

/**
 * What `available_plugins` lists: one placeholder, so that tools picking a
 * plugin from the list find one; loading it (or anything) fails.
 */
export const SIMULATED_PLUGINS = ["Audio/Generators/VST3/renoise-sim placeholder (never loads)"];

/** `renoise.InstrumentPluginProperties`: plugins are not simulated; load_plugin always fails. */
export class InstrumentPluginProperties extends InstrumentPart {
  constructor() {
    super("plugin_properties");
    Object.assign(this._v, {
      alias_instrument_index: 0,
      alias_fx_track_index: 0,
      alias_fx_device_index: 0,
      midi_output_routing_index: 0,
      channel: 1,
      transpose: 0,
      volume: 1,
      auto_suspend: false,
    });
  }

  /** Loads a plugin by path: always fails here (returns false), nothing changes. */
  load_plugin(path: string): boolean {
    this._called("load_plugin", [path]);
    return false;
  }
}

defineModel(InstrumentPluginProperties, {
  typeName: "InstrumentPluginProperties",
  props: {
    available_plugins: { type: "table", readonly: true, get: () => [...SIMULATED_PLUGINS] },
    available_plugin_infos: { type: "table", readonly: true, get: () => [] },
    plugin_loaded: { type: "boolean", readonly: true, get: () => false },
    plugin_device: { type: "object", readonly: true, nullable: true, get: () => undefined },
    alias_instrument_index: { type: "integer", min: 0, observable: true },
    alias_fx_track_index: { type: "integer", min: 0, observable: true },
    alias_fx_device_index: { type: "integer", min: 0, observable: true },
    midi_output_routing_index: { type: "integer", min: 0, observable: true },
    channel: { type: "integer", min: 1, max: 16, observable: true },
    transpose: { type: "integer", min: -120, max: 120, observable: true },
    volume: { type: "number", min: 0, max: 4, observable: true },
    auto_suspend: { type: "boolean", observable: true },
  },
  observables: ["plugin_device_observable"],
  methods: ["load_plugin"],
});

/** `renoise.InstrumentTriggerOptions.QUANTIZE_*`. */
export const QUANTIZE = { NONE: 1, LINE: 2, BEAT: 3, BAR: 4 } as const;

/** Scale names of Renoise's trigger options (the first is "None"). */
export const SCALE_MODES = [
  "None", "Natural Major", "Natural Minor", "Pentatonic Major", "Pentatonic Minor", "Egyptian",
  "Blues Major", "Blues Minor", "Whole Tone", "Augmented", "Prometheus", "Tritone", "Harmonic Major",
  "Harmonic Minor", "Melodic Minor", "All Minor", "Dorian", "Phrygian", "Phrygian Dominant", "Lydian",
  "Lydian Augmented", "Mixolydian", "Locrian", "Locrian Major", "Super Locrian", "Neapolitan Major",
  "Neapolitan Minor", "Romanian Minor", "Spanish Gypsy", "Hungarian Gypsy", "Enigmatic", "Overtone",
  "Diminished Half", "Diminished Whole", "Spanish Eight-Tone", "Nine-Tone Scale",
] as const;

/** `renoise.InstrumentTriggerOptions`. */
export class InstrumentTriggerOptions extends InstrumentPart {
  constructor() {
    super("trigger_options");
    Object.assign(this._v, { scale_mode: "None", scale_key: 1, quantize: QUANTIZE.NONE, monophonic: false, monophonic_glide: 0 });
  }
}

defineModel(InstrumentTriggerOptions, {
  typeName: "InstrumentTriggerOptions",
  props: {
    available_scale_modes: { type: "table", readonly: true, get: () => [...SCALE_MODES] },
    scale_mode: {
      type: "string",
      observable: true,
      check: (_t, v: string) =>
        (SCALE_MODES as readonly string[]).includes(v) ? undefined : `scale_mode: "${v}" is not one of available_scale_modes`,
    },
    scale_key: { type: "integer", min: 1, max: 12, observable: true },
    quantize: { type: "integer", min: 1, max: 4, observable: true },
    monophonic: { type: "boolean", observable: true },
    monophonic_glide: { type: "integer", min: 0, max: 255, observable: true },
  },
});
