import { Observable } from "../document/observable.js";

/** renoise.ApplicationWindow constants. */
export const APPLICATION_WINDOW_CONSTANTS = {
  UPPER_FRAME_TRACK_SCOPES: 1,
  UPPER_FRAME_MASTER_SPECTRUM: 2,
  MIDDLE_FRAME_PATTERN_EDITOR: 1,
  MIDDLE_FRAME_MIXER: 2,
  MIDDLE_FRAME_INSTRUMENT_PHRASE_EDITOR: 3,
  MIDDLE_FRAME_INSTRUMENT_SAMPLE_KEYZONES: 4,
  MIDDLE_FRAME_INSTRUMENT_SAMPLE_EDITOR: 5,
  MIDDLE_FRAME_INSTRUMENT_SAMPLE_MODULATION: 6,
  MIDDLE_FRAME_INSTRUMENT_SAMPLE_EFFECTS: 7,
  MIDDLE_FRAME_INSTRUMENT_PLUGIN_EDITOR: 8,
  MIDDLE_FRAME_INSTRUMENT_MIDI_EDITOR: 9,
  LOWER_FRAME_TRACK_DSPS: 1,
  LOWER_FRAME_TRACK_AUTOMATION: 2,
  MIXER_FADER_TYPE_24DB: 1,
  MIXER_FADER_TYPE_48DB: 2,
  MIXER_FADER_TYPE_96DB: 3,
  MIXER_FADER_TYPE_LINEAR: 4,
} as const;

/** A window property: its default, and the range of an enumerated one. */
interface WindowProp {
  readonly default: boolean | number;
  readonly range?: readonly [number, number];
  /** Has a `<name>_observable`. */
  readonly observable: boolean;
}

const flag = (d: boolean, observable = true): WindowProp => ({ default: d, observable });
const pick = (d: number, hi: number): WindowProp => ({ default: d, range: [1, hi], observable: true });

/** The properties of renoise.ApplicationWindow and their defaults (a freshly started Renoise). */
export const WINDOW_PROPERTIES: Readonly<Record<string, WindowProp>> = {
  fullscreen: flag(false, false),
  is_maximized: flag(true, false),
  is_minimized: flag(false, false),
  lock_keyboard_focus: flag(false, false),
  sample_record_dialog_is_visible: flag(false, false),
  disk_browser_is_visible: flag(true),
  instrument_box_is_visible: flag(true),
  instrument_editor_is_detached: flag(false),
  mixer_view_is_detached: flag(false),
  upper_frame_is_visible: flag(true),
  active_upper_frame: pick(1, 2),
  active_middle_frame: pick(1, 9),
  lower_frame_is_visible: flag(true),
  active_lower_frame: pick(1, 2),
  pattern_matrix_is_visible: flag(false),
  pattern_advanced_edit_is_visible: flag(false),
  mixer_view_post_fx: flag(false),
  mixer_fader_type: pick(1, 4),
};

/** Misuse of the application window (wrong type, out of range). */
export class WindowError extends Error {
  override name = "WindowError";
}

/**
 * renoise.app().window, headless: the layout flags and frames a tool may
 * read and set, each with its observable (fired when the value changes).
 * Nothing is drawn; a test reads the state or sets it as a user would.
 */
export class ApplicationWindow {
  private readonly values = new Map<string, boolean | number>();
  private readonly observables = new Map<string, Observable>();
  /** Window presets selected with select_preset, in order. */
  readonly selectedPresets: number[] = [];

  constructor() {
    for (const [name, p] of Object.entries(WINDOW_PROPERTIES)) {
      this.values.set(name, p.default);
      if (p.observable) this.observables.set(name, new Observable());
    }
  }

  /** Reads a property (`disk_browser_is_visible`, `active_middle_frame`, ...). */
  get(name: string): boolean | number {
    this.spec(name);
    return this.values.get(name)!;
  }

  /** Sets a property; fires its observable when the value changes. */
  set(name: string, value: unknown): void {
    const p = this.spec(name);
    if (typeof p.default === "boolean" && typeof value !== "boolean") {
      throw new WindowError(`ApplicationWindow.${name}: a boolean is expected, got ${typeof value}`);
    }
    if (p.range) {
      const [lo, hi] = p.range;
      if (typeof value !== "number" || !Number.isInteger(value) || value < lo || value > hi) {
        throw new WindowError(`ApplicationWindow.${name}: a whole number ${lo}..${hi} is expected, got ${String(value)}`);
      }
    }
    const v = value as boolean | number;
    if (name === "is_maximized" && v) this.values.set("is_minimized", false);
    if (name === "is_minimized" && v) this.values.set("is_maximized", false);
    if (this.values.get(name) === v) return;
    this.values.set(name, v);
    this.observables.get(name)?.notify();
  }

  /** The `<name>_observable` of a property. */
  observable(name: string): Observable {
    const o = this.observables.get(name);
    if (!o) throw new WindowError(`ApplicationWindow: '${name}' has no observable`);
    return o;
  }

  maximize(): void {
    this.set("is_maximized", true);
  }

  minimize(): void {
    this.set("is_minimized", true);
  }

  restore(): void {
    this.values.set("is_maximized", false);
    this.values.set("is_minimized", false);
  }

  select_preset(index: number): void {
    if (!Number.isInteger(index) || index < 1 || index > 8) {
      throw new WindowError(`ApplicationWindow:select_preset: a preset index 1..8 is expected, got ${String(index)}`);
    }
    this.selectedPresets.push(index);
  }

  private spec(name: string): WindowProp {
    const p = WINDOW_PROPERTIES[name];
    if (!p || !Object.hasOwn(WINDOW_PROPERTIES, name)) {
      throw new WindowError(`unknown property or function '${name}' for an object of type 'ApplicationWindow'`);
    }
    return p;
  }
}
