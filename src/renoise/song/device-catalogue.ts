import { choice, param, type ParameterSpec } from "./parameter-spec.js";

/**
 * A native Renoise track device as the catalogue describes it. Where each
 * datum comes from (and which are guesses) is listed in docs/devices.md.
 */
export interface DeviceSpec {
  /** `device_path`, e.g. `"Audio/Effects/Native/Gainer"`. */
  readonly path: string;
  /** `name`: the last part of the path. */
  readonly name: string;
  /** `short_name`. */
  readonly short_name: string;
  /** The `type` attribute in preset XML (`active_preset_data`). */
  readonly xml_type: string;
  readonly parameters: readonly ParameterSpec[];
  /** Preset names; the first is "Init" (the defaults). */
  readonly presets: readonly string[];
  /** False for devices that route to send tracks: not available on the master track. */
  readonly on_master: boolean;
}

const NATIVE = "Audio/Effects/Native/";

/** Linear gain of +3 dB, the top of Renoise's track volume faders. */
export const PLUS_3_DB = 10 ** (3 / 20);
/** Linear gain of +12 dB. */
const PLUS_12_DB = 10 ** (12 / 20);

function device(
  name: string,
  xml_type: string,
  parameters: readonly ParameterSpec[],
  o: { short?: string; presets?: readonly string[]; on_master?: boolean } = {},
): DeviceSpec {
  return {
    path: NATIVE + name,
    name,
    short_name: o.short ?? name,
    xml_type,
    parameters,
    presets: ["Init", ...(o.presets ?? [])],
    on_master: o.on_master ?? true,
  };
}

const pct = (name: string, def: number, max = 1): ParameterSpec => param(name, 0, max, def, { unit: "percent" });
const db = (name: string, def: number, max: number): ParameterSpec => param(name, 0, max, def, { unit: "db" });
const numbered = (prefix: string, n: number, make: (name: string) => ParameterSpec): ParameterSpec[] =>
  Array.from({ length: n }, (_, i) => make(`${prefix} ${i + 1}`));
function eq(bands: number): ParameterSpec[] {
  return [
    ...numbered("Gain", bands, (n) => param(n, -20, 20, 0, { unit: "plain" })),
    ...numbered("Frequency", bands, (n) => param(n, 20, 20000, 1000, { unit: "hz" })),
    ...numbered("Bandwidth", bands, (n) => param(n, 0.0001, 4, 1)),
  ];
}

/**
 * The mixer device every track has at index 1 (`TrackVolPan`): pre-FX
 * panning, volume and width, and the post-FX volume and panning of the
 * mixer. It is not in `available_devices` and cannot be inserted, deleted or
 * moved.
 */
export const TRACK_MIXER: DeviceSpec = device(
  "TrackVolPan",
  "TrackMixerDevice",
  [
    param("Panning", 0, 1, 0.5, { unit: "pan" }),
    db("Volume", 1, PLUS_3_DB),
    param("Width", 0, 1, 0, { unit: "percent" }),
    param("Post Panning", 0, 1, 0.5, { unit: "pan", automatable: false }),
    param("Post Volume", 0, PLUS_3_DB, 1, { unit: "db", automatable: false }),
  ],
  { short: "Mixer" },
);

/**
 * The master track's mixer device: the track mixer's parameters, then the
 * song's BPM, LPB and TPL (automatable once per line, `time_quantum` 1; their
 * values are the transport's `bpm`, `lpb`, `tpl`).
 */
export const MASTER_MIXER: DeviceSpec = {
  ...TRACK_MIXER,
  parameters: [
    ...TRACK_MIXER.parameters,
    param("BPM", 32, 999, 120, { time_quantum: 1, transport: "bpm" }),
    param("LPB", 1, 256, 4, { unit: "int", time_quantum: 1, transport: "lpb" }),
    param("TPL", 1, 16, 12, { unit: "int", time_quantum: 1, transport: "tpl" }),
  ],
};

/** The catalogue: native track devices, in Renoise's `available_devices` order. */
export const NATIVE_DEVICES: readonly DeviceSpec[] = [
  device("Delay", "DelayDevice", [
    param("L Delay", 1, 5000, 250, { unit: "ms" }),
    param("R Delay", 1, 5000, 250, { unit: "ms" }),
    pct("L Feedb.", 0.5),
    pct("R Feedb.", 0.5),
    pct("Send", 0.5),
    param("L Sync Time", 0, 15, 3, { unit: "int" }),
    param("R Sync Time", 0, 15, 3, { unit: "int" }),
  ]),
  device("mpReverb 2", "MpReverb2Device", [pct("Duration", 0.5), pct("Color", 0.5), pct("Wet Mix", 0.3), pct("Width", 1)]),
  device("Compressor", "CompressorDevice", [
    param("Threshold", -60, 0, -20, { unit: "plain" }),
    param("Ratio", 1, 30, 4),
    param("Attack", 0.01, 100, 5, { unit: "ms" }),
    param("Release", 1, 1000, 50, { unit: "ms" }),
    param("Makeup", 0, 30, 0),
    param("Knee", 0, 12, 0),
  ]),
  device("Maximizer", "MaximizerDevice", [
    param("Boost", 0, 30, 0),
    param("Threshold", -30, 0, 0),
    param("Peak Release", 1, 1000, 10, { unit: "ms" }),
    param("Slow Release", 1, 1000, 100, { unit: "ms" }),
    param("Ceiling", -30, 0, -0.1),
  ]),
  device("Analog Filter", "AnalogFilterDevice", [
    choice("Type", ["LP", "HP", "BP", "BR"]),
    param("Cutoff", 20, 22050, 22050, { unit: "hz" }),
    pct("Resonance", 0),
    pct("Drive", 0),
    pct("Inertia", 0),
  ]),
  device("Digital Filter", "DigitalFilterDevice", [
    choice("Type", ["LP", "HP", "BP", "BR", "Peak", "Low Shelf", "High Shelf"]),
    param("Cutoff", 0, 1, 1),
    param("Q", 0, 1, 0.125),
    param("Ripple", 0, 1, 0),
    param("Inertia", 0, 1, 0),
  ]),
  device("Comb Filter 2", "CombFilter2Device", [
    param("Note", 0, 119, 48, { unit: "int" }),
    param("Transpose", -64, 64, 0, { unit: "int" }),
    pct("Feedback", 0.5),
    pct("Dry/Wet", 0.5),
  ]),
  device("EQ 5", "Eq5Device", eq(5)),
  device("EQ 10", "Eq10Device", eq(10)),
  device("Phaser 2", "Phaser2Device", [
    param("Floor", 20, 20000, 200, { unit: "hz" }),
    param("Ceiling", 20, 20000, 5000, { unit: "hz" }),
    param("Rate", 0.01, 10, 0.5, { unit: "hz" }),
    pct("Feedback", 0.5),
    pct("Depth", 1),
    param("Stages", 2, 12, 4, { unit: "int" }),
  ]),
  device("RingMod 2", "RingMod2Device", [
    param("Note", 0, 119, 48, { unit: "int" }),
    param("Transpose", -64, 64, 0, { unit: "int" }),
    pct("Dry/Wet", 0.5),
  ]),
  device("LofiMat 2", "LofiMat2Device", [
    param("Bit Crunch", 1, 16, 16),
    param("Rate", 100, 44100, 44100, { unit: "hz" }),
    pct("Noise", 0),
    pct("Wet Mix", 1),
    pct("Dry Mix", 0),
  ]),
  device("Distortion 2", "Distortion2Device", [
    choice("Type", ["Overdrive", "Fuzz", "Rectify", "Clip", "Quantize"]),
    pct("Drive", 0),
    pct("Tone", 0.5),
    pct("Wet", 1),
    pct("Dry", 0),
  ]),
  device("Stereo Expander", "StereoExpanderDevice", [pct("Expand", 0.5, 2), pct("Surround", 0)]),
  device("DC Offset", "DcOffsetDevice", [param("Offset", -1, 1, 0), choice("Auto DC", ["Off", "On"])]),
  device("Gainer", "GainerDevice", [db("Gain", 1, PLUS_12_DB), param("Panning", 0, 1, 0.5, { unit: "pan" })]),
  device("Repeater", "RepeaterDevice", [
    choice("Mode", ["Free", "Even", "Triplet", "Dotted"]),
    choice("Division", ["OFF", "1 / 1", "1 / 2", "1 / 4", "1 / 8", "1 / 16", "1 / 32", "1 / 64", "1 / 128"]),
  ]),
  device("Doofer", "DooferDevice", numbered("Macro", 8, (n) => pct(n, 0.5))),
  device("#Line Input", "LineInDevice", [db("Volume", 1, PLUS_12_DB), param("Panning", 0, 1, 0.5, { unit: "pan" })]),
  device(
    "#Send",
    "SendDevice",
    [db("Amount", 1, 1), param("Panning", 0, 1, 0.5, { unit: "pan" }), param("Receiver", 0, 255, 0, { unit: "int" })],
    { on_master: false },
  ),
  device(
    "#Multiband Send",
    "CrossoverDevice",
    [
      db("Amount 1", 1, 1),
      param("Receiver 1", 0, 255, 0, { unit: "int" }),
      db("Amount 2", 1, 1),
      param("Receiver 2", 0, 255, 0, { unit: "int" }),
      db("Amount 3", 1, 1),
      param("Receiver 3", 0, 255, 0, { unit: "int" }),
      param("Low", 20, 20000, 200, { unit: "hz" }),
      param("High", 20, 20000, 2000, { unit: "hz" }),
    ],
    { on_master: false },
  ),
  device("*XY Pad", "XYPadDevice", [param("X-Axis", 0, 1, 0.5), param("Y-Axis", 0, 1, 0.5)]),
];

const BY_PATH = new Map(NATIVE_DEVICES.map((d) => [d.path, d]));

/** The catalogue entry for a device path, or undefined. */
export function deviceSpec(path: string): DeviceSpec | undefined {
  return BY_PATH.get(path);
}
