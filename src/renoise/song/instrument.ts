import { defineModel, ModelObject } from "../document/model.js";

/** renoise.Instrument: an instrument of the song (name; more fields: issue 13/14 helpers). */
export class Instrument extends ModelObject {
  declare name: string;

  constructor(name = "") {
    super();
    this._v.name = name;
  }

  /** @internal "instruments[i]". */
  override _path(): string {
    const song = this._owner as { instruments?: readonly Instrument[] } | undefined;
    const i = song?.instruments?.indexOf(this) ?? -1;
    return i >= 0 ? `instruments[${i + 1}]` : "instrument";
  }
}

defineModel(Instrument, {
  typeName: "Instrument",
  props: {
    name: { type: "string", observable: true },
  },
});
