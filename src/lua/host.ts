import { text, toText, type ByteString } from "../core/bytes.js";
import { LuaRaise } from "./errors.js";
import { OutsideToolFolderError, resolveToolPath, type OverlayFs } from "./fs.js";
import type { LuaRef } from "./ref.js";
import { missingCommandExit, systemStatus, type LuaProcessAnswer, type LuaProcessCall, type LuaSystemEvent } from "./system.js";
import { numberText51InLua } from "./wasm.js";
import { multi, type HostFunction, type LuaInput, type LuaValue } from "./values.js";

/** What the prelude's `host` table is built from. @internal */
export interface HostContext {
  fs: OverlayFs;
  now: () => number;
  seed: number;
  platform: string;
  lua51Numbers: boolean;
  env: Record<string, string>;
  /** The abort guard table (only when the host table is built into a new state). */
  guard?: LuaRef;
  /** Renoise's rawequal on two API objects (host userdata). */
  same: (a: LuaValue, b: LuaValue) => boolean;
  print: (line: ByteString) => void;
  stdout: (bytes: ByteString) => void;
  onExit: (code: LuaValue) => void;
  /** Seconds since 1970 that `os.time()` returns at virtual time 0. */
  epoch: number;
  /** Answers processes started by the tool (undefined: the command fails). */
  processes: ((call: LuaProcessCall) => LuaProcessAnswer | undefined) | undefined;
  /** Files outside the tool folder the tool may read (normalised absolute path → bytes). */
  externalFiles: ReadonlyMap<string, ByteString>;
  /** Reports processes and file operations outside the tool folder. */
  onSystemCall: (event: LuaSystemEvent) => void;
  /** The 5.1 front end: translated source, or the syntax error message. */
  translate: (src: ByteString, chunkname: ByteString, file: boolean) => ByteString | { message: ByteString };
  /**
   * The bytecode of a tool file's (translated) text compiled as `chunkname`
   * (compile-cache.ts); undefined when the VM compiles the text itself (the
   * cache is off, or the text does not compile).
   */
  compiled: (code: ByteString, chunkname: ByteString) => ByteString | undefined;
}

function str(v: LuaValue, what: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return text(String(v));
  throw new LuaRaise(`${what} expected a string, got ${v === undefined ? "nil" : typeof v}`, false);
}

/** An absolute path as a key of {@link HostContext.externalFiles}: `/` separators, no `.`/`..`. */
export function normalizeExternal(path: string): string {
  const p = path.replace(/\\/g, "/");
  const drive = /^[A-Za-z]:/.exec(p)?.[0] ?? "";
  const parts: string[] = [];
  for (const seg of p.slice(drive.length).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return drive + "/" + parts.join("/");
}

/** Runs a file operation, returning `true` or `nil, message` like Lua's io functions. */
function fsResult(op: () => void): LuaInput | ReturnType<typeof multi> {
  try {
    op();
    return true;
  } catch (e) {
    return multi(undefined, text(e instanceof Error ? e.message : String(e)));
  }
}

/**
 * The `host` table handed to the prelude chunks: the only door from the
 * tool's Lua world to the host (time, output, the tool folder).
 *
 * Paths arrive from Lua as UTF-8 bytes and are decoded before reaching the
 * {@link OverlayFs}; `resolve` returns them relative to the tool folder.
 *
 * @internal
 */
export function buildHostTable(ctx: HostContext): Record<string, LuaInput> {
  const { fs } = ctx;
  const rel = (v: LuaValue): string => toText(str(v, "path"));
  const fns: Record<string, HostFunction> = {
    print: (s) => ctx.print(str(s, "print")),
    stdout: (s) => ctx.stdout(str(s, "io.write")),
    now: () => ctx.now(),
    same: (a, b) => ctx.same(a, b),
    exit: (code) => {
      ctx.onExit(code);
      throw new LuaRaise("os.exit() can not be called from a Renoise tool (it would quit Renoise)");
    },
    getenv: (name) => {
      const v = ctx.env[toText(str(name, "os.getenv"))];
      return v === undefined ? undefined : text(v);
    },
    // The path relative to the tool folder, or nil (and the message) outside it.
    resolve: (path) => {
      const p = toText(str(path, "path"));
      try {
        return text(resolveToolPath(fs.root, p));
      } catch (e) {
        if (e instanceof OutsideToolFolderError) return multi(undefined, text(e.message));
        throw e;
      }
    },
    // A file operation outside the tool folder: the supplied bytes, or nil.
    external: (call, path) => {
      const p = toText(str(path, "path"));
      const abs = /^([A-Za-z]:)?[\\/]/.test(p) ? p : fs.root + p;
      const data = ctx.externalFiles.get(normalizeExternal(abs));
      ctx.onSystemCall({
        kind: "file",
        call: toText(str(call, "call")),
        path: p,
        result: data === undefined ? "refused" : "supplied",
      });
      return data;
    },
    // os.execute / io.popen: the 5.1 status and the output the test supplies.
    process: (call, command, mode) => {
      const c = toText(str(call, "call")) as LuaProcessCall["call"];
      const cmd = str(command, c);
      const m = mode === undefined ? undefined : toText(str(mode, c));
      const answer = ctx.processes?.({ call: c, command: cmd, ...(m !== undefined ? { mode: m } : {}) });
      const exitCode = answer ? Math.trunc(answer.exitCode ?? 0) : missingCommandExit(ctx.platform);
      ctx.onSystemCall({ kind: "process", call: c, command: cmd, exitCode, answered: answer !== undefined });
      return multi(systemStatus(exitCode, ctx.platform), answer?.output ?? "", exitCode);
    },
    read: (path) => fs.read(rel(path)),
    stat: (path) => {
      const st = fs.stat(rel(path));
      return st ? multi(st.type, st.size) : undefined;
    },
    list: (path) => {
      const l = fs.list(rel(path));
      return l ? multi(l.dirs.map(text), l.files.map(text)) : undefined;
    },
    write: (path, data) => fsResult(() => fs.write(rel(path), str(data, "write"))),
    remove: (path) => fsResult(() => fs.remove(rel(path))),
    rename: (from, to) => fsResult(() => fs.rename(rel(from), rel(to))),
    mkdir: (path) => fsResult(() => fs.mkdir(rel(path))),
    // A chunk's text for the VM to compile (the 5.1 front end's output), or nil and the syntax error. For a tool
    // file (loadfile, dofile, require) whose `mode` admits text: nil, nil and its bytecode (compile-cache.ts),
    // unless the cache is off or the text does not compile (the VM compiles it then, for Lua's own message).
    translate: (src, chunkname, file, mode) => {
      const name = str(chunkname, "load");
      const t = ctx.translate(str(src, "load"), name, file === true);
      if (typeof t !== "string") return multi(undefined, t.message);
      // (Lua reads the mode as a C string: its letters end at the first NUL byte)
      if (file !== true || (mode !== undefined && (typeof mode !== "string" || !mode.split("\0", 1)[0]!.includes("t")))) return t;
      const bytecode = ctx.compiled(t, name);
      return bytecode === undefined ? t : multi(undefined, undefined, bytecode);
    },
  };
  return {
    ...fns,
    seed: Math.trunc(ctx.seed),
    platform: ctx.platform,
    root: text(fs.root),
    numbers51_in_lua: numberText51InLua(ctx.lua51Numbers),
    epoch: Math.trunc(ctx.epoch),
    guard: ctx.guard,
  };
}
