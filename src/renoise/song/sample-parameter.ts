import { defineModel, ModelObject } from "../document/model.js";

/**
 * A `renoise.DeviceParameter` of an instrument part (modulation set inputs,
 * modulation device knobs): a name and a checked value in min..max. Track
 * device parameters are the tracks model's; this one is for instruments.
 */
export class SampleParameter extends ModelObject {
  declare value: number;

  constructor(
    readonly name: string,
    readonly value_min: number,
    readonly value_max: number,
    readonly value_default: number,
    private readonly slot: string,
  ) {
    super();
    this._v.value = value_default;
  }

  override _path(): string {
    const p = this._owner?._path() ?? "";
    return p ? `${p}.${this.slot}` : this.slot;
  }
}

defineModel(SampleParameter, {
  typeName: "DeviceParameter",
  props: {
    name: { type: "string", readonly: true, get: (p) => p.name },
    value_min: { type: "number", readonly: true, get: (p) => p.value_min },
    value_max: { type: "number", readonly: true, get: (p) => p.value_max },
    value_default: { type: "number", readonly: true, get: (p) => p.value_default },
    value_quantum: { type: "number", readonly: true, get: () => 0 },
    is_automatable: { type: "boolean", readonly: true, get: () => false },
    value: { type: "number", observable: true, range: (p) => [p.value_min, p.value_max] },
    value_string: {
      type: "string",
      readonly: true,
      get: (p) => {
        const v = p._v.value as number;
        return Number.isInteger(v) ? String(v) : v.toFixed(3);
      },
    },
  },
});
