import { LuaRaise, type LuaBridge, type LuaVm, type RawHostFunction } from "../lua/index.js";
import { PatternTrack } from "../renoise/song/pattern-track.js";

type LuaState = Parameters<RawHostFunction>[0];

/**
 * The pattern iterator's fast paths into the model, handed to the iterator's
 * chunk only (not public Lua names). Each gives a whole pattern track in one
 * crossing instead of one per line; the objects are the ones
 * `pattern_track:line(i)` and `line.note_columns` hand out.
 *
 * - `lines_of(pattern_track)`: the track's lines 1..number_of_lines, as a table.
 * - `columns_of(pattern_track, note, limit)`: the first `limit` note columns
 *   (`note` true) or effect columns of every line, flat (line 1's columns,
 *   then line 2's...), and how many there are per line.
 * - `value_cache()`: the VM's value-cache holder (`holder[1]` is a new table
 *   whenever a value Lua keeps, as `pattern.number_of_lines`, may have
 *   changed: see `LuaBridge.pushValueCacheHolder`).
 *
 * @internal
 */
export function patternFastPaths(vm: LuaVm): { lines_of: RawHostFunction; columns_of: RawHostFunction; value_cache: RawHostFunction } {
  const bridge = vm.bridge;
  const c = bridge.c;
  return {
    lines_of: (L) => {
      const lines = trackAt(bridge, L, "lines_of")._lines();
      pushList(bridge, L, lines);
      return 1;
    },
    columns_of: (L) => {
      const track = trackAt(bridge, L, "columns_of");
      const note = c._lua_toboolean(L, 2) !== 0;
      const total = note ? track.cells.noteColumns : track.cells.effectColumns;
      const width = Math.max(0, Math.min(total, Math.floor(c._lua_tonumberx(L, 3, 0))));
      const out: object[] = [];
      for (const line of track._lines()) {
        for (let k = 1; k <= width; k++) out.push(note ? line._noteColumnAt(k) : line._effectColumnAt(k));
      }
      pushList(bridge, L, out);
      c._lua_pushinteger(L, BigInt(width));
      return 2;
    },
    value_cache: (L) => {
      bridge.pushValueCacheHolder(L);
      return 1;
    },
  };
}

function trackAt(bridge: LuaBridge, L: LuaState, call: string): PatternTrack {
  const track = bridge.objectAt(L, 1);
  if (!(track instanceof PatternTrack)) throw new LuaRaise(`${call}: a PatternTrack is expected`);
  return track;
}

/** Pushes a table of model objects of one class. */
function pushList(bridge: LuaBridge, L: LuaState, objs: readonly object[]): void {
  if (objs.length === 0) {
    bridge.c._lua_createtable(L, 0, 0);
    return;
  }
  const cls = bridge.classOf(objs[0]);
  if (!cls) throw new Error("pattern iterator: the model's classes are not bound in this VM");
  bridge.pushObjectList(L, objs, cls);
}
