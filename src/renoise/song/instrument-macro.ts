import { checkIndex, defineModel, ModelObject } from "../document/model.js";
import type { Observable } from "../document/observable.js";
import { ObservableList } from "../document/observable-list.js";

/** `renoise.InstrumentMacroMapping.SCALING_*`. */
export const MACRO_SCALING = { LOG_FAST: 1, LOG_SLOW: 2, LINEAR: 3, EXP_SLOW: 4, EXP_FAST: 5 } as const;

/** `renoise.InstrumentMacroMapping`: a macro's link to a device parameter (created by Renoise's UI; the API only reads and tunes them). */
export class InstrumentMacroMapping extends ModelObject {
  declare parameter_min: number;
  declare parameter_max: number;
  declare parameter_scaling: number;

  constructor(readonly parameter: unknown) {
    super();
    Object.assign(this._v, { parameter_min: 0, parameter_max: 1, parameter_scaling: MACRO_SCALING.LINEAR });
  }
}

defineModel(InstrumentMacroMapping, {
  typeName: "InstrumentMacroMapping",
  props: {
    parameter: { type: "object", readonly: true, get: (m) => m.parameter },
    parameter_min: { type: "number", min: 0, max: 1, observable: true },
    parameter_max: { type: "number", min: 0, max: 1, observable: true },
    parameter_scaling: { type: "integer", min: 1, max: 5, observable: true },
  },
});

/**
 * `renoise.InstrumentMacro`: one of an instrument's 8 macros, or its pitch
 * bend, modulation wheel or channel pressure macro. `value` is 0-1;
 * `value_string` shows and takes it in percent ("22" = 0.22).
 */
export class InstrumentMacro extends ModelObject {
  declare name: string;
  declare value: number;
  declare value_string: string;
  declare readonly mappings: InstrumentMacroMapping[];
  declare readonly name_observable: Observable;
  declare readonly value_observable: Observable;
  declare readonly value_string_observable: Observable;
  /** @internal */
  readonly _mappings = new ObservableList<InstrumentMacroMapping>();

  constructor(
    name: string,
    /** @internal e.g. "macros[1]" or "pitchbend_macro" */ readonly _slot: string,
    value = 0.5,
  ) {
    super();
    Object.assign(this._v, { name, value });
  }

  override _path(): string {
    const owner = this._owner?._path() ?? "";
    return owner ? `${owner}.${this._slot}` : this._slot;
  }

  /** One mapping (1-based). */
  mapping(index: number): InstrumentMacroMapping {
    return this._mappings.items[checkIndex("InstrumentMacro:mapping", index, this._mappings.items.length) - 1]!;
  }
}

function percent(v: number): string {
  const p = Math.round(v * 1000) / 10;
  return Number.isInteger(p) ? String(p) : p.toFixed(1);
}

defineModel(InstrumentMacro, {
  typeName: "InstrumentMacro",
  props: {
    name: { type: "string", observable: true },
    value: {
      type: "number",
      min: 0,
      max: 1,
      observable: true,
      set: (m, v: number) => {
        if (m.store("value", v)) m._notify("value_string");
      },
    },
    value_string: {
      type: "string",
      observable: true,
      get: (m) => percent(m._v.value as number),
      check: (_m, s: string) => {
        const n = Number(s.trim().replace(/%$/, ""));
        return s.trim() === "" || Number.isNaN(n) || n < 0 || n > 100
          ? `invalid value for property 'value_string' of an object of type 'InstrumentMacro': "${s}" is not a number in 0 - 100`
          : undefined;
      },
      set: (m, s: string) => {
        const v = Number(s.trim().replace(/%$/, "")) / 100;
        if (m.store("value", v)) {
          m._notify("value_string");
        }
      },
    },
    mappings: { type: "table", readonly: true, get: (m) => m._mappings.items },
    mappings_observable: { type: "object", readonly: true, get: (m) => m._mappings },
  },
  methods: ["mapping"],
});
