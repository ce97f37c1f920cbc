/**
 * How a parameter shows its value as text (`value_string`) and reads text back:
 *
 * | unit      | value                   | text                              |
 * |-----------|-------------------------|-----------------------------------|
 * | `db`      | linear gain             | `"-6.021 dB"`, `"-INF dB"` at 0   |
 * | `percent` | 0-1 (or 0-n)            | `"50.0 %"`                        |
 * | `pan`     | 0-1, centre 0.5         | `"Center"`, `"25L"`, `"50R"`      |
 * | `ms`      | milliseconds            | `"250.00 ms"`                     |
 * | `hz`      | hertz                   | `"1000.00 Hz"`                    |
 * | `choice`  | min + index of a choice | the choice's text                 |
 * | `int`     | an integer              | `"3"`                             |
 * | `plain`   | a number                | `"0.500"`                         |
 */
export type ParameterUnit = "db" | "percent" | "pan" | "ms" | "hz" | "choice" | "int" | "plain";

/** `renoise.DeviceParameter.POLARITY_*`. */
export const POLARITY_UNIPOLAR = 1;
/** `renoise.DeviceParameter.POLARITY_BIPOLAR`. */
export const POLARITY_BIPOLAR = 2;

/** One parameter of a native device, as the catalogue describes it. */
export interface ParameterSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** Step between values; 0 for continuous. */
  readonly quantum: number;
  readonly unit: ParameterUnit;
  /** Texts of a `choice` parameter, for values min, min+1, ... */
  readonly choices?: readonly string[];
  readonly polarity: 1 | 2;
  /** Whether automation envelopes can be created (false for post-FX mixer parameters). */
  readonly automatable: boolean;
  /** Automation resolution in lines: 1/256, or 1 for the song's BPM, LPB and TPL. */
  readonly time_quantum: number;
  /** For the master's BPM/LPB/TPL: the transport property the value lives in. */
  readonly transport?: "bpm" | "lpb" | "tpl";
}

/** Options of {@link param}. */
export interface ParamOptions {
  quantum?: number;
  unit?: ParameterUnit;
  choices?: readonly string[];
  bipolar?: boolean;
  automatable?: boolean;
  time_quantum?: number;
  transport?: "bpm" | "lpb" | "tpl";
}

/** Builds a {@link ParameterSpec}; unit `plain`, continuous and automatable unless told. */
export function param(name: string, min: number, max: number, def: number, o: ParamOptions = {}): ParameterSpec {
  const unit = o.unit ?? (o.choices ? "choice" : "plain");
  return {
    name,
    min,
    max,
    default: def,
    quantum: o.quantum ?? (unit === "choice" || unit === "int" ? 1 : 0),
    unit,
    ...(o.choices ? { choices: o.choices } : {}),
    polarity: (o.bipolar ?? (unit === "pan" || (min < 0 && max > 0))) ? POLARITY_BIPOLAR : POLARITY_UNIPOLAR,
    automatable: o.automatable ?? true,
    time_quantum: o.time_quantum ?? 1 / 256,
    ...(o.transport ? { transport: o.transport } : {}),
  };
}

/** A `choice` parameter whose values are 0..n-1 (or `first`..). */
export function choice(name: string, choices: readonly string[], def = 0, first = 0): ParameterSpec {
  return param(name, first, first + choices.length - 1, def, { choices });
}

/** `value_string` of `value` for a parameter. */
export function formatValue(spec: ParameterSpec, value: number): string {
  switch (spec.unit) {
    case "db":
      return value <= 0 ? "-INF dB" : `${fixed(20 * Math.log10(value), 3)} dB`;
    case "percent":
      return `${fixed(value * 100, 1)} %`;
    case "pan": {
      const d = Math.round((value - 0.5) * 100);
      return d === 0 ? "Center" : d < 0 ? `${-d}L` : `${d}R`;
    }
    case "ms":
      return `${fixed(value, 2)} ms`;
    case "hz":
      return `${fixed(value, 2)} Hz`;
    case "choice":
      return spec.choices?.[Math.round(value - spec.min)] ?? String(value);
    case "int":
      return String(Math.round(value));
    case "plain":
      return fixed(value, 3);
  }
}

/**
 * Reads a `value_string` back: the number with or without its unit, a
 * choice's text (any case), `-INF` for silence, `Center`/`nnL`/`nnR` for
 * panning. Returns undefined when the text means nothing for this unit.
 */
export function parseValue(spec: ParameterSpec, text: string): number | undefined {
  const s = text.trim();
  if (spec.unit === "choice") {
    const i = (spec.choices ?? []).findIndex((c) => c.toLowerCase() === s.toLowerCase());
    if (i >= 0) return spec.min + i;
  }
  if (spec.unit === "pan") {
    if (/^(c|center|centre)$/i.test(s)) return 0.5;
    const m = /^(\d+(?:\.\d+)?)\s*([LR])$/i.exec(s);
    if (m) return 0.5 + (Number(m[1]) / 100) * ((m[2] as string).toUpperCase() === "L" ? -1 : 1);
  }
  if (spec.unit === "db" && /^-inf(\s*db)?$/i.test(s)) return 0;
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(db|%|ms|hz)?$/i.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return undefined;
  switch (spec.unit) {
    case "db":
      return 10 ** (n / 20);
    case "percent":
      return n / 100;
    default:
      return n;
  }
}

/** `toFixed` without "-0.000". */
function fixed(n: number, digits: number): string {
  const s = n.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}
