import { LuaRaise, type LuaVm, type RawHostFunction } from "../lua/index.js";
import { PatternTrack } from "../renoise/song/pattern-track.js";

/**
 * The pattern iterator's fast path into the model: `lines_of(pattern_track)`
 * returns the track's line views (`pattern_track:line(1..number_of_lines)`,
 * the same objects) as one table, in one crossing instead of one per line.
 * Handed to the iterator's chunk only; not a public Lua name.
 *
 * @internal
 */
export function patternLinesOf(vm: LuaVm): RawHostFunction {
  const bridge = vm.bridge;
  return (L) => {
    const track = bridge.objectAt(L, 1);
    if (!(track instanceof PatternTrack)) throw new LuaRaise("lines_of: a PatternTrack is expected");
    const lines = track._lines();
    const cls = bridge.classOf(lines[0]);
    if (!cls) throw new Error("lines_of: PatternLine is not bound in this VM");
    bridge.pushObjectList(L, lines, cls);
    return 1;
  };
}
