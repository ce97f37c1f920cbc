import type { LuaInput } from "../lua/index.js";
import { PLAYMODE_CURVES, PLAYMODE_LINES, PLAYMODE_POINTS } from "../renoise/song/automation.js";
import { INSTRUMENT_CONSTANTS } from "../renoise/song/instrument.js";
import { MACRO_SCALING } from "../renoise/song/instrument-macro.js";
import { MIDI_OUTPUT_TYPE, QUANTIZE } from "../renoise/song/instrument-properties.js";
import {
  EMPTY_DELAY,
  EMPTY_EFFECT_AMOUNT,
  EMPTY_EFFECT_NUMBER,
  EMPTY_INSTRUMENT,
  EMPTY_NOTE,
  EMPTY_PANNING,
  EMPTY_VOLUME,
  NOTE_OFF,
} from "../renoise/song/note-column-values.js";
import { KEY_TRACKING, PHRASE_MAX_NUMBER_OF_LINES } from "../renoise/song/phrase.js";
import { SAMPLE_CONSTANTS } from "../renoise/song/sample.js";
import { CHANNEL } from "../renoise/song/sample-buffer.js";
import { ENVELOPE_MAX_LENGTH, MODULATION_OPERATOR, MODULATION_TARGET } from "../renoise/song/sample-modulation.js";

const prefixed = (prefix: string, o: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [prefix + k, v]));

const ENVELOPE_MODES = {
  PLAYMODE_POINTS: 1,
  PLAYMODE_LINES: 2,
  PLAYMODE_CURVES: 3,
  LOOP_MODE_OFF: 1,
  LOOP_MODE_FORWARD: 2,
  LOOP_MODE_REVERSE: 3,
  LOOP_MODE_PING_PONG: 4,
};

/**
 * The class constant tables of patterns, automation, instruments, phrases
 * and samples on the `renoise` global (`renoise.PatternLine.EMPTY_NOTE`,
 * `renoise.Sample.LOOP_MODE_FORWARD`, ...). Plain tables: calling one (to
 * construct a column) raises, as in Renoise.
 *
 * @internal
 */
export function patternApi(): Record<string, LuaInput> {
  return (built ??= freezeTables(buildPatternApi()));
}

/** The tables never change: made once per process, frozen (every tool load reads them). */
let built: Record<string, LuaInput> | undefined;

function freezeTables(api: Record<string, LuaInput>): Record<string, LuaInput> {
  for (const v of Object.values(api)) Object.freeze(v);
  return Object.freeze(api);
}

function buildPatternApi(): Record<string, LuaInput> {
  return {
    PatternLine: {
      EMPTY_NOTE, NOTE_OFF, EMPTY_INSTRUMENT, EMPTY_VOLUME, EMPTY_PANNING, EMPTY_DELAY, EMPTY_EFFECT_NUMBER, EMPTY_EFFECT_AMOUNT,
    },
    NoteColumn: {},
    EffectColumn: {},
    PatternTrack: {},
    PatternTrackAutomation: { PLAYMODE_POINTS, PLAYMODE_LINES, PLAYMODE_CURVES },
    Instrument: { ...INSTRUMENT_CONSTANTS },
    InstrumentMacroMapping: prefixed("SCALING_", MACRO_SCALING),
    InstrumentMidiOutputProperties: prefixed("TYPE_", MIDI_OUTPUT_TYPE),
    InstrumentTriggerOptions: prefixed("QUANTIZE_", QUANTIZE),
    InstrumentPhrase: {
      ...prefixed("KEY_TRACKING_", KEY_TRACKING),
      MAX_NUMBER_OF_LINES: PHRASE_MAX_NUMBER_OF_LINES,
      MIN_NUMBER_OF_NOTE_COLUMNS: 1,
      MAX_NUMBER_OF_NOTE_COLUMNS: 12,
      MIN_NUMBER_OF_EFFECT_COLUMNS: 0,
      MAX_NUMBER_OF_EFFECT_COLUMNS: 8,
    },
    InstrumentPhraseMapping: prefixed("KEY_TRACKING_", KEY_TRACKING),
    Sample: { ...SAMPLE_CONSTANTS },
    SampleBuffer: prefixed("CHANNEL_", CHANNEL),
    SampleModulationDevice: { ...prefixed("TARGET_", MODULATION_TARGET), ...prefixed("OPERATOR_", MODULATION_OPERATOR) },
    SampleEnvelopeModulationDevice: { ...ENVELOPE_MODES, MIN_NUMBER_OF_POINTS: 6, MAX_NUMBER_OF_POINTS: ENVELOPE_MAX_LENGTH },
    SampleStepperModulationDevice: { PLAYMODE_POINTS: 1, PLAYMODE_LINES: 2, PLAYMODE_CURVES: 3, MIN_NUMBER_OF_POINTS: 1, MAX_NUMBER_OF_POINTS: 256 },
    SampleLfoModulationDevice: { MODE_SIN: 1, MODE_SAW: 2, MODE_PULSE: 3, MODE_RANDOM: 4 },
    SampleFaderModulationDevice: prefixed("SCALING_", MACRO_SCALING),
    SampleVelocityTrackingModulationDevice: { MODE_CLAMP: 1, MODE_SCALE: 2 },
  };
}
