import type { LuaInput, LuaValue, LuaVm } from "../lua/index.js";
import { LuaRaise, TemplateRawFunction } from "../lua/index.js";
import { PATTERN_ITERATOR_LUA } from "./lua/pattern-iterator.js";
import { patternApi } from "./pattern-api.js";
import { patternFastPaths } from "./pattern-lines.js";
import { SongPos } from "../renoise/song/song-pos.js";
import { CLASS_OBJECTS_LUA } from "./lua/class-objects.js";
import type { Song } from "../renoise/song/song.js";
import { MAX_NUMBER_OF_LINES } from "../renoise/song/pattern.js";
import { MUTE_STATE, TRACK_TYPE } from "../renoise/song/track.js";
import { POLARITY_BIPOLAR, POLARITY_UNIPOLAR } from "../renoise/song/parameter-spec.js";
import { TRANSPORT_CONSTANTS } from "../renoise/song/transport.js";

/**
 * Extra entries of the `renoise` table that other modules add (device
 * constants, more classes): merged into {@link songApi}'s table.
 *
 * @internal
 */
export const songApiExtensions: ((song: () => Song) => Record<string, LuaInput>)[] = [patternApi];

/** The pattern iterator chunk's arguments (see pattern-lines.ts), in its order. */
const ITERATOR_ARGS = ["lines_of", "columns_of", "value_cache"] as const;

function iteratorArgs(vm: LuaVm): LuaInput[] {
  const fns = patternFastPaths(vm);
  return ITERATOR_ARGS.map((name) => vm.rawFunction(name, fns[name]));
}

function iteratorTemplateArgs(vm: LuaVm): TemplateRawFunction[] {
  const fns = patternFastPaths(vm);
  return ITERATOR_ARGS.map((name) => new TemplateRawFunction(name, fns[name]));
}

const placeholder = (name: string): TemplateRawFunction =>
  new TemplateRawFunction(name, () => {
    throw new Error(`renoise-sim: host function '${name}' of the tool VM template ran before a tool was bound to the VM`);
  });

/** A Lua chunk of the song API (see {@link songLuaChunks}). @internal */
export interface SongLuaChunk {
  readonly name: string;
  readonly source: string;
  /** Its arguments when run at load (refs are released after). */
  readonly args?: (vm: LuaVm) => LuaInput[];
  /**
   * Run in the tool VM template (lua-preload.ts) with these arguments
   * (placeholders), after the template's `renoise` table and the tool API.
   */
  readonly templateArgs?: () => TemplateRawFunction[];
  /** With templateArgs: each VM's own raw functions in the placeholders' places. */
  readonly perVmArgs?: (vm: LuaVm) => TemplateRawFunction[];
}

/**
 * Lua chunks run once the `renoise` global is installed (Lua-side parts of
 * the song API), in this order. In a tool VM they run in the template (the
 * pattern iterator bound to each VM's fast paths); the order matters:
 * class_objects gives the iterator's table its class metatable.
 * @internal
 */
export const songLuaChunks: readonly SongLuaChunk[] = [
  {
    name: "pattern_iterator",
    source: PATTERN_ITERATOR_LUA,
    args: iteratorArgs,
    templateArgs: () => ITERATOR_ARGS.map(placeholder),
    perVmArgs: iteratorTemplateArgs,
  },
  { name: "class_objects", source: CLASS_OBJECTS_LUA, templateArgs: () => [] },
];

/**
 * The functions of {@link songApi}'s table (`renoise.song`, `renoise.SongPos`)
 * without its constants.
 *
 * @internal
 */
export function songApiFunctions(song: () => Song): { song: () => Song; SongPos: (sequence: LuaValue, line: LuaValue) => SongPos } {
  return {
    song: () => song(),
    SongPos: (sequence, line) => {
      try {
        return new SongPos(sequence as number, line as number);
      } catch (e) {
        throw new LuaRaise((e as Error).message);
      }
    },
  };
}

/**
 * The song's part of the `renoise` global: `renoise.song()`, `renoise.SongPos`
 * and the class constant tables (`renoise.Transport.PLAYMODE_*`, ...).
 * `song` is called when Lua first asks for the song (the simulation builds
 * its default song on first use; a tool that never touches it never pays).
 *
 * @internal
 */
export function songApi(song: () => Song): Record<string, LuaInput> {
  const fns = songApiFunctions(song);
  const api: Record<string, LuaInput> = {
    song: fns.song,
    SongPos: fns.SongPos,
    Transport: { ...TRANSPORT_CONSTANTS },
    Track: {
      TRACK_TYPE_SEQUENCER: TRACK_TYPE.SEQUENCER,
      TRACK_TYPE_MASTER: TRACK_TYPE.MASTER,
      TRACK_TYPE_SEND: TRACK_TYPE.SEND,
      TRACK_TYPE_GROUP: TRACK_TYPE.GROUP,
      MUTE_STATE_ACTIVE: MUTE_STATE.ACTIVE,
      MUTE_STATE_OFF: MUTE_STATE.OFF,
      MUTE_STATE_MUTED: MUTE_STATE.MUTED,
    },
    Pattern: { MAX_NUMBER_OF_LINES },
    DeviceParameter: { POLARITY_UNIPOLAR, POLARITY_BIPOLAR },
  };
  for (const ext of songApiExtensions) {
    for (const [k, v] of Object.entries(ext(song))) {
      const prev = api[k];
      api[k] = prev && typeof prev === "object" && v && typeof v === "object" ? { ...(prev as object), ...(v as object) } : v;
    }
  }
  return api;
}
