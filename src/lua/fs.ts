import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, resolve, sep } from "node:path";
import { toBytes, type ByteString } from "../core/bytes.js";

/** What `io.stat` / `io.exists` need to know about a path. */
export interface ToolFileStat {
  type: "file" | "directory";
  size: number;
}

/**
 * Read access to a tool folder. Paths are relative to the folder, use `/`,
 * and are already normalised (no `.`/`..`, no leading `/`); `""` is the
 * folder itself.
 */
export interface ToolFs {
  /** Virtual absolute path of the folder, ending in `/` (what the tool sees as its bundle path). */
  readonly root: string;
  /** File contents as a byte string, or undefined if there is no such file. */
  read(rel: string): ByteString | undefined;
  stat(rel: string): ToolFileStat | undefined;
  /** Entries of a directory, or undefined if it is not one. */
  list(rel: string): { dirs: string[]; files: string[] } | undefined;
}

/**
 * Where a VM's tool comes from: a folder on disk (`dir`), a single script
 * file on disk (`file`: its folder becomes the tool folder and the file
 * plays `main.lua`), in-memory files (`files`, keyed by relative path), or
 * any {@link ToolFs}.
 */
export type ToolSource =
  | { dir: string }
  | { file: string }
  | { files: Record<string, ByteString | Uint8Array>; root?: string }
  | { fs: ToolFs; main?: string };

/** Resolves a {@link ToolSource} to a file system and the name of its main file. */
export function openToolSource(src: ToolSource | undefined): { fs: ToolFs; main: string } {
  if (!src) return { fs: memoryFs({}), main: "main.lua" };
  if ("dir" in src) return { fs: dirFs(src.dir), main: "main.lua" };
  if ("file" in src) return { fs: dirFs(dirname(resolve(src.file))), main: basename(src.file) };
  if ("files" in src) return { fs: memoryFs(src.files, src.root), main: "main.lua" };
  return { fs: src.fs, main: src.main ?? "main.lua" };
}

/** Thrown by {@link resolveToolPath} for paths that leave the tool folder. */
export class OutsideToolFolderError extends Error {
  override name = "OutsideToolFolderError";
}

/**
 * Normalises a path given by Lua code into a path relative to the tool
 * folder. Relative paths are relative to the folder (Renoise runs tools with
 * their folder as current directory); absolute paths must lie inside `root`.
 * Throws {@link OutsideToolFolderError} otherwise.
 */
export function resolveToolPath(root: string, path: string): string {
  const p = path.replace(/\\/g, "/");
  let rest: string;
  if (p.startsWith("/") || /^[A-Za-z]:\//.test(p)) {
    const r = root.replace(/\\/g, "/");
    const rootNoSlash = r.replace(/\/+$/, "");
    if (p === rootNoSlash) rest = "";
    else if (p.startsWith(rootNoSlash + "/")) rest = p.slice(rootNoSlash.length + 1);
    else throw new OutsideToolFolderError(outsideMessage(path, root));
  } else {
    rest = p;
  }
  const parts: string[] = [];
  for (const seg of rest.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (!parts.length) throw new OutsideToolFolderError(outsideMessage(path, root));
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join("/");
}

function outsideMessage(path: string, root: string): string {
  return `access outside the tool folder is not allowed: '${path}' (tool folder: ${root})`;
}

/** A tool folder held in memory. */
export function memoryFs(files: Record<string, ByteString | Uint8Array>, root = "/tool/"): ToolFs {
  const map = new Map<string, ByteString>();
  const dirs = new Set<string>([""]);
  for (const [name, data] of Object.entries(files)) {
    const rel = resolveToolPath(root, name);
    if (typeof data === "string") toBytes(data, `memoryFs: ${name}`); // validates: bytes only
    map.set(rel, typeof data === "string" ? data : bytesToString(data));
    const parts = rel.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return {
    root: root.endsWith("/") ? root : root + "/",
    read: (rel) => map.get(rel),
    stat: (rel) => {
      const f = map.get(rel);
      if (f !== undefined) return { type: "file", size: f.length };
      return dirs.has(rel) ? { type: "directory", size: 0 } : undefined;
    },
    list: (rel) => {
      if (!dirs.has(rel)) return undefined;
      const prefix = rel ? rel + "/" : "";
      const childOf = (p: string): string | undefined => {
        if (!p.startsWith(prefix) || p === rel) return undefined;
        const rest = p.slice(prefix.length);
        return rest.includes("/") ? undefined : rest;
      };
      const out = { dirs: [] as string[], files: [] as string[] };
      for (const d of dirs) {
        const n = childOf(d);
        if (n) out.dirs.push(n);
      }
      for (const f of map.keys()) {
        const n = childOf(f);
        if (n) out.files.push(n);
      }
      out.dirs.sort();
      out.files.sort();
      return out;
    },
  };
}

function bytesToString(b: Uint8Array): ByteString {
  let s = "";
  for (let i = 0; i < b.length; i += 0x2000) {
    s += String.fromCharCode.apply(null, Array.from(b.subarray(i, i + 0x2000)));
  }
  return s;
}

/** A file's contents as read, and the stat that identified that version. */
interface CachedFile {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly data: ByteString;
}

/** The native realpath: one system call, where the JS one lstats every component of the path. */
const realpathNative: (p: string) => string = realpathSync.native;

/** Files of tool folders read from disk, by real path (see {@link readCached}). */
const fileCache = new Map<string, CachedFile>();
/** Files up to this size are kept; at most {@link CACHE_FILES} of them (oldest dropped first). */
const CACHE_FILE_MAX = 1 << 20;
const CACHE_FILES = 256;

/**
 * The contents of the file at real path `p` (stat `st`, taken just now):
 * from the cache when the file is the same version as when it was cached —
 * same device, inode, size, modification and change time — else read from
 * disk. A fuzz campaign loads the same tool folder once per scenario; this
 * spares it reading and decoding every file again (the stat stays, so a
 * file changed on disk is read again).
 */
function readCached(p: string, st: Stats): ByteString {
  const hit = fileCache.get(p);
  if (
    hit !== undefined &&
    hit.dev === st.dev &&
    hit.ino === st.ino &&
    hit.size === st.size &&
    hit.mtimeMs === st.mtimeMs &&
    hit.ctimeMs === st.ctimeMs
  ) {
    return hit.data;
  }
  const data = bytesToString(readFileSync(p));
  fileCache.delete(p);
  if (data.length === st.size && data.length <= CACHE_FILE_MAX) {
    if (fileCache.size >= CACHE_FILES) fileCache.delete(fileCache.keys().next().value!);
    fileCache.set(p, { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, data });
  }
  return data;
}

/**
 * A tool folder on disk (read only: writes by the tool go to the VM's
 * in-memory overlay). Symlinks leading out of the folder are refused.
 */
export function dirFs(dir: string): ToolFs {
  const real = realpathNative(resolve(dir));
  const root = real.split(sep).join("/").replace(/\/?$/, "/");
  const inside = (rel: string): string | undefined => {
    const full = rel ? resolve(real, ...rel.split("/")) : real;
    try {
      const r = realpathNative(full);
      return r === real || r.startsWith(real + sep) ? r : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    root,
    read: (rel) => {
      const p = inside(rel);
      if (!p) return undefined;
      try {
        const st = statSync(p);
        if (!st.isFile()) return undefined;
        return readCached(p, st);
      } catch {
        return undefined;
      }
    },
    stat: (rel) => {
      const p = inside(rel);
      if (!p) return undefined;
      const st = statSync(p);
      if (st.isDirectory()) return { type: "directory", size: 0 };
      return st.isFile() ? { type: "file", size: st.size } : undefined;
    },
    list: (rel) => {
      const p = inside(rel);
      if (!p || !statSync(p).isDirectory()) return undefined;
      const out = { dirs: [] as string[], files: [] as string[] };
      for (const e of readdirSync(p, { withFileTypes: true })) {
        if (e.isDirectory()) out.dirs.push(e.name);
        else if (e.isFile()) out.files.push(e.name);
      }
      out.dirs.sort();
      out.files.sort();
      return out;
    },
  };
}

/**
 * The tool's view of its folder: the base {@link ToolFs} plus writes,
 * renames, deletions and new directories made by the tool, kept in memory
 * (never written to disk).
 */
export class OverlayFs {
  /** Files written by the tool (relative path → bytes). */
  readonly written = new Map<string, ByteString>();
  private readonly removed = new Set<string>();
  private readonly madeDirs = new Set<string>();

  constructor(readonly base: ToolFs) {}

  get root(): string {
    return this.base.root;
  }

  read(rel: string): ByteString | undefined {
    const w = this.written.get(rel);
    if (w !== undefined) return w;
    return this.removed.has(rel) ? undefined : this.base.read(rel);
  }

  stat(rel: string): ToolFileStat | undefined {
    const w = this.written.get(rel);
    if (w !== undefined) return { type: "file", size: w.length };
    if (this.madeDirs.has(rel)) return { type: "directory", size: 0 };
    return this.removed.has(rel) ? undefined : this.base.stat(rel);
  }

  list(rel: string): { dirs: string[]; files: string[] } | undefined {
    const st = this.stat(rel);
    if (st?.type !== "directory") return undefined;
    const base = this.base.list(rel) ?? { dirs: [], files: [] };
    const files = new Set(base.files.filter((f) => !this.removed.has(join(rel, f))));
    const dirs = new Set(base.dirs);
    for (const p of this.written.keys()) if (parentOf(p) === rel) files.add(p.slice(p.lastIndexOf("/") + 1));
    for (const d of this.madeDirs) if (parentOf(d) === rel) dirs.add(d.slice(d.lastIndexOf("/") + 1));
    return { dirs: [...dirs].sort(), files: [...files].sort() };
  }

  write(rel: string, data: ByteString): void {
    const parent = parentOf(rel);
    if (this.stat(parent)?.type !== "directory") throw new Error(`${rel}: No such file or directory`);
    if (this.stat(rel)?.type === "directory") throw new Error(`${rel}: Is a directory`);
    this.written.set(rel, data);
    this.removed.delete(rel);
  }

  remove(rel: string): void {
    const st = this.stat(rel);
    if (!st) throw new Error(`${rel}: No such file or directory`);
    if (st.type === "directory") {
      const l = this.list(rel);
      if (l && (l.dirs.length || l.files.length)) throw new Error(`${rel}: Directory not empty`);
      this.madeDirs.delete(rel);
    }
    this.written.delete(rel);
    this.removed.add(rel);
  }

  mkdir(rel: string): void {
    if (this.stat(rel)) throw new Error(`${rel}: File exists`);
    if (this.stat(parentOf(rel))?.type !== "directory") throw new Error(`${rel}: No such file or directory`);
    this.madeDirs.add(rel);
    this.removed.delete(rel);
  }

  rename(from: string, to: string): void {
    const data = this.read(from);
    if (data === undefined) throw new Error(`${from}: No such file or directory`);
    this.write(to, data);
    this.remove(from);
  }
}

function parentOf(rel: string): string {
  const i = rel.lastIndexOf("/");
  return i < 0 ? "" : rel.slice(0, i);
}

function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}
