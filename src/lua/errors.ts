import { RenoiseSimError } from "../core/errors.js";
import { toText, type ByteString } from "../core/bytes.js";

/**
 * An error raised by Lua code (tool code, or a Lua error raised on behalf of
 * a JS callback) that was not caught inside Lua.
 *
 * `message` is the Lua message followed by the Lua stack traceback;
 * `luaMessage` holds the exact bytes of the Lua error message and
 * `luaTraceback` the traceback alone.
 */
export class LuaError extends RenoiseSimError {
  override name = "LuaError";
  /** The Lua error message, byte-exact (as `tostring(err)` would give in Lua). */
  readonly luaMessage: ByteString;
  /** `debug.traceback` style stack at the point of the error ("" if unknown). */
  readonly luaTraceback: string;

  constructor(luaMessage: ByteString, luaTraceback: string, options?: { cause?: unknown }) {
    super(luaTraceback ? `${toText(luaMessage)}\n${luaTraceback}` : toText(luaMessage), options);
    this.luaMessage = luaMessage;
    this.luaTraceback = luaTraceback;
  }
}

/** A chunk (tool file, script, `loadstring` text given by the host) failed to compile. */
export class LuaSyntaxError extends LuaError {
  override name = "LuaSyntaxError";
}

/**
 * A single entry into Lua ran more steps than the VM's `instructionLimit`:
 * most likely an endless loop. The VM stays usable. A step is a jump, a
 * loop turn, a call, a return or an operation that may run a metamethod
 * (see src/lua/wasm-patch.ts); every loop and recursion takes one a turn.
 */
export class LuaInstructionLimitError extends LuaError {
  override name = "LuaInstructionLimitError";
  constructor(
    luaMessage: ByteString,
    luaTraceback: string,
    /** Steps counted before the entry was aborted (a multiple of the hook step). */
    readonly instructions: number,
  ) {
    super(luaMessage, luaTraceback);
  }
}

/** The VM was closed, or broke down (Lua panic), and cannot run code any more. */
export class LuaVmClosedError extends RenoiseSimError {
  override name = "LuaVmClosedError";
}

/**
 * Throw this from a JS callback to raise a specific Lua error value.
 * Any other thrown `Error` becomes the Lua error string
 * `"<chunk>:<line>: <message>"` (position of the calling Lua code, like
 * `luaL_error`).
 */
export class LuaRaise extends Error {
  override name = "LuaRaise";
  constructor(
    /** The Lua error value; a string is raised as bytes (one char per byte). */
    readonly value: ByteString | number | boolean | undefined,
    /** Prefix the position of the calling Lua code, like `error(msg, 1)`. Default true for strings. */
    readonly withPosition = typeof value === "string",
  ) {
    super(typeof value === "string" ? toText(value) : String(value));
  }
}
