import type { ByteString } from "../core/bytes.js";

/** A process a tool tried to start with `os.execute` or `io.popen`. */
export interface LuaProcessCall {
  readonly call: "os.execute" | "io.popen";
  /** The command line, as the tool gave it (bytes). */
  readonly command: ByteString;
  /** `io.popen`'s mode (`"r"` or `"w"`). */
  readonly mode?: string;
}

/** How a simulated process ends: its exit code and (for `io.popen(cmd, "r")`) what it printed. */
export interface LuaProcessAnswer {
  /** Exit code of the command. Default 0 when an answer is given. */
  exitCode?: number;
  /** Bytes the tool reads from `io.popen(cmd):read(...)`. Default "". */
  output?: ByteString;
}

/**
 * Something a tool did outside its sandbox, reported for the trace: a
 * process it started, or a file operation outside its folder.
 */
export type LuaSystemEvent =
  | {
      readonly kind: "process";
      readonly call: "os.execute" | "io.popen";
      readonly command: ByteString;
      readonly exitCode: number;
      /** True when the test's `processes` answered, false for the default failure. */
      readonly answered: boolean;
    }
  | {
      readonly kind: "file";
      /** The Lua call (`io.open`, `loadfile`, `os.remove`, ...). */
      readonly call: string;
      readonly path: string;
      /** `"supplied"`: read from `externalFiles`; `"refused"`: failed as on a machine without the file. */
      readonly result: "supplied" | "refused";
    };

/** Default of {@link LuaVmOptions.epoch}: 2026-01-01T00:00:00Z, in seconds since 1970. */
export const DEFAULT_LUA_EPOCH = 1_767_225_600;

/**
 * `os.execute`'s result in Lua 5.1 (C `system()`): the raw wait status on
 * POSIX (`exitCode * 256`), the exit code itself on Windows.
 */
export function systemStatus(exitCode: number, platform: string): number {
  return platform === "WINDOWS" ? exitCode : exitCode * 256;
}

/** The exit code of a command nobody answered: the shell's "not found". */
export function missingCommandExit(platform: string): number {
  return platform === "WINDOWS" ? 1 : 127;
}
