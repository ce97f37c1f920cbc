/** What kind of MIDI mapping message a test sends. */
export type MidiMappingKind = "trigger" | "switch" | "abs" | "rel";

/**
 * renoise.ScriptingTool.MidiMessage, as a tool's MIDI mapping `invoke`
 * receives it. Build one with {@link midiMappingMessage}.
 */
export class MidiMappingMessage {
  private constructor(
    readonly kind: MidiMappingKind,
    /** 0..127 for absolute values, -63..63 for relative ones; undefined otherwise. */
    readonly int_value: number | undefined,
    /** On/off of a switch; undefined otherwise. */
    readonly boolean_value: boolean | undefined,
  ) {}

  /** @internal */
  static make(kind: MidiMappingKind, int_value?: number, boolean_value?: boolean): MidiMappingMessage {
    return new MidiMappingMessage(kind, int_value, boolean_value);
  }

  /** A trigger (note on, button press); a switch turned on also counts as a trigger. */
  is_trigger(): boolean {
    return this.kind === "trigger" || (this.kind === "switch" && this.boolean_value === true);
  }

  is_switch(): boolean {
    return this.kind === "switch";
  }

  is_abs_value(): boolean {
    return this.kind === "abs";
  }

  is_rel_value(): boolean {
    return this.kind === "rel";
  }
}

const whole = (call: string, v: number, lo: number, hi: number): number => {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`${call}: a whole number ${lo}..${hi} is expected, got ${v}`);
  return v;
};

/** Messages a test sends to a MIDI mapping (`tool.invokeMidiMapping(name, midiMappingMessage.value(64))`). */
export const midiMappingMessage = {
  /** A trigger: `is_trigger()` is true. */
  trigger: (): MidiMappingMessage => MidiMappingMessage.make("trigger"),
  /** A switch on or off: `is_switch()`, `boolean_value`. */
  switch: (on: boolean): MidiMappingMessage => MidiMappingMessage.make("switch", undefined, on),
  /** An absolute value 0..127: `is_abs_value()`, `int_value`. */
  value: (v: number): MidiMappingMessage => MidiMappingMessage.make("abs", whole("midiMappingMessage.value", v, 0, 127)),
  /** A relative change -63..63: `is_rel_value()`, `int_value`. */
  relative: (delta: number): MidiMappingMessage => MidiMappingMessage.make("rel", whole("midiMappingMessage.relative", delta, -63, 63)),
};
