import { ModelError } from "../document/model.js";

/**
 * A value assigned to a pattern, instrument or sample property is out of
 * range or of the wrong type, or an index is out of range. Raised into Lua as
 * a runtime error, as Renoise does; the song is left unchanged.
 */
export class PatternValueError extends ModelError {
  override name = "PatternValueError";
}
