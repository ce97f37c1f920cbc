import { defineModel, ModelObject } from "../document/model.js";

/** renoise.Pattern.MAX_NUMBER_OF_LINES. */
export const MAX_NUMBER_OF_LINES = 512;

/** renoise.Pattern: a pattern of the song (its length and name; contents: issue 14). */
export class Pattern extends ModelObject {
  declare name: string;
  declare number_of_lines: number;

  constructor(number_of_lines = 64, name = "") {
    super();
    this._v.name = name;
    this._v.number_of_lines = number_of_lines;
  }

  /** @internal "patterns[i]". */
  override _path(): string {
    const song = this._owner as { patterns?: readonly Pattern[] } | undefined;
    const i = song?.patterns?.indexOf(this) ?? -1;
    return i >= 0 ? `patterns[${i + 1}]` : "pattern";
  }
}

defineModel(Pattern, {
  typeName: "Pattern",
  props: {
    name: { type: "string", observable: true },
    number_of_lines: { type: "integer", min: 1, max: MAX_NUMBER_OF_LINES, observable: true },
  },
});
